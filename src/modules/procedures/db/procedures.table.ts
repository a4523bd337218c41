import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProcedureDefinition } from '../domain/procedure.ts';
import type { CaseState } from '../domain/case-lifecycle.ts';
import type { Answers, RawAnswers } from '../domain/fields.ts';

// Téléprocédures: procedures and their versions, the teams that review them, case files (« dossiers ») with
// their timeline, messages, private notes, files, labels and followers, and the opinions asked of partner
// administrations. A draft is a case file in the state « draft ».

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    /** The version new case files are filed under; null until one is published. */
    currentVersionId: uuid('current_version_id'),
    /** Closed to new filings (existing case files go on). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('procedures_slug_uq').on(t.slug)],
);

// A published version never changes: a trigger (migration) refuses any update of its definition.
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid('id').primaryKey(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ProcedureDefinition>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('procedure_versions_uq').on(t.procedureId, t.version)],
);

/** A team of reviewers (an MDS's, the culture department's…); procedures name it by its key. */
export const reviewTeams = pgTable(
  'review_teams',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** The team of an MDS/CDAS: routing by commune sends case files here. */
    socialCentreId: uuid('social_centre_id'),
    /** Address for the team's notifications, besides its members' own preferences. */
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('review_teams_key_uq').on(t.key), uniqueIndex('review_teams_centre_uq').on(t.socialCentreId)],
);

export const reviewTeamMembers = pgTable(
  'review_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => reviewTeams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /** A supervisor may also reopen a decided case file. */
    role: text('role', { enum: ['reviewer', 'supervisor'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('review_team_members_user_idx').on(t.userId)],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    /** The number people quote (« dossier n° 2026-000123 » shows the year of creation and this). */
    number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => procedureVersions.id),
    state: text('state').$type<CaseState>().notNull(),
    /** What the person typed, page by page, even when not valid yet (drafts, corrections). */
    rawAnswers: jsonb('raw_answers').$type<Record<string, RawAnswers>>().notNull().default({}),
    /** The checked answers as filed (set at each submission). */
    answers: jsonb('answers').$type<Answers>(),
    /** Resident account of the filer; null when filed without an account. */
    filerUserId: uuid('filer_user_id'),
    /** Staff who filed for someone (structure, commune, or an aidant under a mandate — issue 6). */
    filedByUserId: uuid('filed_by_user_id'),
    /** Filed by an « aidant habilité » for a person under this mandate (and the person's name from it). */
    mandateId: uuid('mandate_id'),
    filedForName: text('filed_for_name'),
    /** The name shown in the inbox (from the answers), cleared at anonymisation. */
    filerName: text('filer_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** sha256 of the tracking code given at submission (follow-up without an account). */
    trackingCodeHash: text('tracking_code_hash'),
    /** sha256 of the token of the « reprendre mon brouillon » link sent by e-mail. */
    resumeTokenHash: text('resume_token_hash'),
    communeCode: text('commune_code'),
    teamId: uuid('team_id').references(() => reviewTeams.id),
    assigneeId: uuid('assignee_id'),
    /** Set by the browser on « Envoyer »: a second click with the same key files nothing more. */
    idempotencyKey: uuid('idempotency_key'),
    /** Full-text search over the answers (French), written at each submission. */
    search: tsvector('search'),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The last time the filer saved something (draft purge counts from it). */
    touchedAt: timestamp('touched_at', { withTimezone: true }).notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    purgeWarnedAt: timestamp('purge_warned_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cases_number_uq').on(t.number),
    uniqueIndex('cases_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('cases_resume_token_uq').on(t.resumeTokenHash),
    index('cases_team_state_idx').on(t.teamId, t.state, t.filedAt),
    index('cases_assignee_idx').on(t.assigneeId, t.state),
    index('cases_procedure_idx').on(t.procedureId, t.state, t.filedAt),
    index('cases_filer_idx').on(t.filerUserId),
    index('cases_draft_touched_idx').on(t.touchedAt).where(sql`state = 'draft'`),
    index('cases_search_idx').using('gin', t.search),
    // The inbox reads 51 rows in the order of a sort, over every team of the agent: walking these indexes
    // stops after 51 matching rows instead of sorting a million (docs/benchmarks.md).
    index('cases_filed_idx').on(t.filedAt.desc(), t.number.desc()).where(sql`state <> 'draft'`),
    index('cases_updated_idx').on(t.updatedAt.desc(), t.number.desc()).where(sql`state <> 'draft'`),
    index('cases_assignee_filed_idx').on(t.assigneeId, t.filedAt.desc()).where(sql`state <> 'draft'`),
  ],
);

/**
 * The timeline of a case file: state changes (who, when, why), assignment, labels, opinions asked and given.
 * `visibleToFiler` says whether the resident's follow-up page shows it.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorKind: text('actor_kind', { enum: ['filer', 'agent', 'partner', 'system'] }).notNull(),
    kind: text('kind').notNull(),
    fromState: text('from_state').$type<CaseState>(),
    toState: text('to_state').$type<CaseState>(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    visibleToFiler: boolean('visible_to_filer').notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/**
 * Messages of a case file. A thread is either the resident's (`invitationId` null) or one partner invitation's
 * (agents and that partner only).
 */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id'),
    authorKind: text('author_kind', { enum: ['filer', 'agent', 'partner'] }).notNull(),
    authorUserId: uuid('author_user_id'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_messages_case_idx').on(t.caseId, t.createdAt)],
);

/** Agents' private notes: never shown to the resident nor to partners. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * Files of a case file, whose bytes live in the file store (disk or S3) under `storageKey`. `purpose` says where
 * the file belongs: an answer (`fieldPath`), a message, a partner's opinion, a decision letter, the receipt.
 */
export const caseFiles = pgTable(
  'case_files',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['answer', 'message', 'opinion', 'letter', 'receipt'] }).notNull(),
    fieldPath: text('field_path'),
    messageId: uuid('message_id'),
    invitationId: uuid('invitation_id'),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_files_case_idx').on(t.caseId), uniqueIndex('case_files_storage_key_uq').on(t.storageKey)],
);

export const caseLabels = pgTable(
  'case_labels',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => reviewTeams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** One of the GOV.UK tag colours (grey, green, turquoise, blue, light-blue, purple, pink, red, orange, yellow). */
    colour: text('colour').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('case_labels_team_name_uq').on(t.teamId, t.name)],
);

export const caseLabelLinks = pgTable(
  'case_label_links',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    labelId: uuid('label_id')
      .notNull()
      .references(() => caseLabels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.labelId] }), index('case_label_links_label_idx').on(t.labelId)],
);

export const caseFollowers = pgTable(
  'case_followers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_followers_user_idx').on(t.userId)],
);

/** An opinion asked of a person of another administration (« avis externe ») on one case file. */
export const partnerInvitations = pgTable(
  'partner_invitations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The partner's account (staff, role partner_agent), created or found at invitation. */
    userId: uuid('user_id').notNull(),
    organisation: text('organisation').notNull(),
    invitedByUserId: uuid('invited_by_user_id').notNull(),
    introduction: text('introduction').notNull(),
    question: text('question'),
    /** Confidential: other partners invited on the same case do not see this opinion. */
    confidential: boolean('confidential').notNull().default(false),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['pending', 'answered', 'revoked', 'expired'] }).notNull(),
    answerText: text('answer_text'),
    answerYesNo: boolean('answer_yes_no'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('partner_invitations_case_idx').on(t.caseId), index('partner_invitations_user_idx').on(t.userId, t.status)],
);

/** How an agent hears of new case files and messages. */
export const agentNotificationPreferences = pgTable('agent_notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  mode: text('mode', { enum: ['each', 'daily', 'none'] }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
