import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Appointments in the social centres: reasons (motifs), agents' opening slots and absences, appointments. The
// database itself refuses two appointments of one agent at overlapping times (exclusion constraint, migration).

export const appointmentReasons = pgTable('appointment_reasons', {
  id: uuid('id').primaryKey(),
  socialCentreId: uuid('social_centre_id').notNull(),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  location: text('location', { enum: ['on_site', 'phone', 'video', 'home'] }).notNull(),
  bookableBy: text('bookable_by', { enum: ['agents', 'residents'] }).notNull(),
  minDelayMinutes: integer('min_delay_minutes').notNull().default(120),
  maxDelayDays: integer('max_delay_days').notNull().default(60),
  instructions: text('instructions'),
  /** Sensitive matters: booked and visible but never notified, or not shown to the person at all. */
  visibility: text('visibility', { enum: ['normal', 'no_notifications', 'hidden'] }).notNull().default('normal'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const openingSlots = pgTable(
  'opening_slots',
  {
    id: uuid('id').primaryKey(),
    agentId: uuid('agent_id').notNull(),
    socialCentreId: uuid('social_centre_id').notNull(),
    weekday: smallint('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    untilDate: date('until_date', { mode: 'string' }),
    everyWeeks: smallint('every_weeks').notNull().default(1),
    reasonIds: uuid('reason_ids').array().notNull(),
    openOnHolidays: boolean('open_on_holidays').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('opening_slots_centre_idx').on(t.socialCentreId), index('opening_slots_agent_idx').on(t.agentId)],
);

export const agentAbsences = pgTable(
  'agent_absences',
  {
    id: uuid('id').primaryKey(),
    agentId: uuid('agent_id').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [index('agent_absences_agent_idx').on(t.agentId, t.startAt)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    reasonId: uuid('reason_id')
      .notNull()
      .references(() => appointmentReasons.id),
    agentId: uuid('agent_id').notNull(),
    socialCentreId: uuid('social_centre_id').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['booked', 'honoured', 'no_show', 'excused', 'cancelled'] }).notNull(),
    cancelledBy: text('cancelled_by', { enum: ['person', 'agent', 'system'] }),
    personName: text('person_name'),
    personEmail: text('person_email'),
    personPhone: text('person_phone'),
    residentUserId: uuid('resident_user_id'),
    bookedByUserId: uuid('booked_by_user_id'),
    cancelTokenHash: text('cancel_token_hash'),
    /** Raised at each change, for the calendar files (same UID, higher SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    /** Set when the 48-hour reminder went out: a reminder is never sent twice. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** The agent's note (« rappeler la veille », « vient avec sa fille »): never shown to the person. */
    agentNote: text('agent_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appointments_agent_start_idx').on(t.agentId, t.startAt), index('appointments_centre_start_idx').on(t.socialCentreId, t.startAt), index('appointments_cancel_token_idx').on(t.cancelTokenHash).where(sql`cancel_token_hash is not null`)],
);

/** An agent's private calendar feed: the URL carries a token whose hash is here; a new token revokes the old. */
export const agentCalendarFeeds = pgTable('agent_calendar_feeds', {
  agentId: uuid('agent_id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * The waiting list of a reason: first come, first served. When a slot frees up, the first person waiting gets
 * an offer by e-mail (at most `MAX_WAITLIST_OFFERS` in all); the link in it books the slot if it is still free.
 */
export const appointmentWaitlist = pgTable(
  'appointment_waitlist',
  {
    id: uuid('id').primaryKey(),
    reasonId: uuid('reason_id')
      .notNull()
      .references(() => appointmentReasons.id),
    socialCentreId: uuid('social_centre_id').notNull(),
    personName: text('person_name').notNull(),
    personEmail: text('person_email').notNull(),
    personPhone: text('person_phone'),
    status: text('status', { enum: ['waiting', 'booked', 'left', 'exhausted'] }).notNull().default('waiting'),
    offersSent: integer('offers_sent').notNull().default(0),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appointment_waitlist_reason_idx').on(t.reasonId, t.status, t.createdAt), index('appointment_waitlist_token_idx').on(t.tokenHash)],
);

/**
 * A collective session (workshop, information meeting) run by an agent, with a number of seats. Its time is
 * taken from the agent's individual slots; its seats are counted under a lock on the session's row.
 */
export const groupSessions = pgTable(
  'group_sessions',
  {
    id: uuid('id').primaryKey(),
    socialCentreId: uuid('social_centre_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    seats: integer('seats').notNull(),
    /** Open to residents online, or filled by agents only. */
    online: boolean('online').notNull().default(true),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('group_sessions_centre_start_idx').on(t.socialCentreId, t.startAt), index('group_sessions_agent_start_idx').on(t.agentId, t.startAt)],
);

export const groupSessionSeats = pgTable(
  'group_session_seats',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => groupSessions.id),
    personName: text('person_name').notNull(),
    personEmail: text('person_email'),
    personPhone: text('person_phone'),
    status: text('status', { enum: ['booked', 'honoured', 'no_show', 'excused', 'cancelled'] }).notNull().default('booked'),
    cancelTokenHash: text('cancel_token_hash'),
    bookedByUserId: uuid('booked_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('group_session_seats_session_idx').on(t.sessionId), index('group_session_seats_token_idx').on(t.cancelTokenHash)],
);
