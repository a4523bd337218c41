import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Sessions live in the database so that any number of app processes share them.
export const httpSessions = pgTable(
  'http_sessions',
  {
    // sha256 of the cookie value: a stolen database dump does not give usable cookies.
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id'),
    csrfToken: text('csrf_token').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('http_sessions_user_idx').on(t.userId), index('http_sessions_idle_idx').on(t.idleExpiresAt)],
);

// Fixed-window counters shared by every process (sign-in, reset, sign-up), keyed by action and IP or account.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
