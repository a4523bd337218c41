import { date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Digital help given by agents and mediators. The owner is the social centre or the structure where it happened:
// a person's history is visible only there. People are pseudonymous: a code, and a first name and a year of birth
// only if the helper wants to recognise them.

export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: uuid('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: ['centre', 'structure'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** « P-7K3M »: what the helper notes to find the person again. */
    code: text('code').notNull(),
    firstName: text('first_name'),
    birthYear: smallint('birth_year'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('beneficiaries_owner_code_idx').on(t.ownerId, t.code)],
);

export const accompaniments = pgTable(
  'accompaniments',
  {
    id: uuid('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: ['centre', 'structure'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    helperUserId: uuid('helper_user_id').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place', { enum: ['reception_desk', 'interview_room', 'drop_in', 'outside', 'remote'] }).notNull(),
    level: text('level', { enum: ['autonome', 'coup_de_pouce', 'faire_avec', 'faire_a_la_place'] }).notNull(),
    themes: text('themes').array().notNull(),
    equipment: text('equipment').array().notNull(),
    outcome: text('outcome', { enum: ['done', 'finish_alone', 'come_back', 'referred'] }).notNull(),
    referredTo: text('referred_to'),
    referredServiceId: uuid('referred_service_id'),
    /** The person's commune, when given: statistics per commune. */
    communeInsee: text('commune_insee'),
    beneficiaryId: uuid('beneficiary_id').references(() => beneficiaries.id),
    /** « Faire à la place » is recorded under a mandate (issue 6, mandates). */
    mandateId: uuid('mandate_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accompaniments_owner_day_idx').on(t.ownerId, t.happenedOn), index('accompaniments_beneficiary_idx').on(t.beneficiaryId)],
);

/** A workshop or prevention action: what, and anonymous counts of who came. */
export const collectiveActions = pgTable(
  'collective_actions',
  {
    id: uuid('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: ['centre', 'structure'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    helperUserId: uuid('helper_user_id').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    theme: text('theme').notNull(),
    level: text('level', { enum: ['autonome', 'coup_de_pouce', 'faire_avec', 'faire_a_la_place'] }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    attendees: integer('attendees').notNull(),
    firstTime: integer('first_time').notNull(),
    under18: integer('under_18').notNull().default(0),
    from18to25: integer('from_18_to_25').notNull().default(0),
    from26to59: integer('from_26_to_59').notNull().default(0),
    over60: integer('over_60').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('collective_actions_owner_day_idx').on(t.ownerId, t.happenedOn)],
);
