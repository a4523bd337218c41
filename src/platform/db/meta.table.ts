import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Small key/value facts about the installation (which demo seed ran, when).
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
