import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A file uploaded on « Importer des lieux », kept between its preview and the confirmation (another request,
 * possibly served by another process): the text itself, then the report once imported.
 */
export const directoryImportUploads = pgTable('directory_import_uploads', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  fileName: text('file_name').notNull(),
  source: text('source').notNull(),
  size: integer('size').notNull(),
  // UTF-8 text checked at upload; cleared once imported (the report is what remains).
  content: text('content'),
  status: text('status', { enum: ['pending', 'imported'] }).notNull().default('pending'),
  result: jsonb('result'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }),
});
