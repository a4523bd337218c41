import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// The SMS outbox, like the mail outbox: written in the transaction that decides to send, delivered by a job
// through the configured provider, or kept for the admins' « SMS » page when none is configured.
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** E.164: +33612345678. */
    to: text('to').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'kept', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_outbox_status_idx').on(t.status, t.createdAt)],
);
