import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The directory: structures (who), places (where people are received, national schema « lieux de médiation
// numérique » v1.0.2) and services (what is offered, data·inclusion v1), with the history of every edit,
// error reports, claims of a structure by its members, and orientations of a person to a service.

/** Minutes of the week (Monday 00:00 = 0) when a place is open, as a PostgreSQL int4multirange. */
export const weekMinutes = customType<{ data: string; driverData: string }>({
  dataType: () => 'int4multirange',
});

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

/** Who made the last change of a listing: its structure, the département team, an import, or the demo seed. */
export const EDITOR_KINDS = ['structure', 'departement', 'import', 'seed'] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

const freshness = {
  // `date_maj` of the standards: the day the information was last known to be true.
  updatedOn: date('updated_on', { mode: 'string' }).notNull(),
  // How often the listing should be confirmed; the monthly digest reminds editors past it.
  updateFrequencyDays: integer('update_frequency_days').notNull().default(180),
  lastEditorKind: text('last_editor_kind', { enum: EDITOR_KINDS }).notNull(),
  status: text('status', { enum: ['published', 'hidden'] }).notNull().default('published'),
};

export const STRUCTURE_KINDS = [
  'association',
  'ccas',
  'france_services',
  'mediatheque',
  'tiers_lieu',
  'centre_social',
  'epn',
  'mds_cdas',
  'administration',
  'commune',
  'autre',
] as const;

export const structures = pgTable(
  'structures',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: STRUCTURE_KINDS }).notNull(),
    siret: text('siret'),
    rna: text('rna'),
    parentId: uuid('parent_id'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    street: text('street'),
    postcode: text('postcode'),
    communeInsee: text('commune_insee'),
    description: text('description'),
    // data·inclusion `reseaux_porteurs` (France Services, Conseillers numériques…).
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    // Where the listing came from, to re-import idempotently (null: created in Relais).
    source: text('source'),
    sourceId: text('source_id'),
    updatedOn: date('updated_on', { mode: 'string' }),
    updateFrequencyDays: integer('update_frequency_days').notNull().default(365),
    lastEditorKind: text('last_editor_kind', { enum: EDITOR_KINDS }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('structures_source_uq').on(t.source, t.sourceId),
    index('structures_siret_idx').on(t.siret),
    index('structures_commune_idx').on(t.communeInsee),
    index('structures_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey(),
    structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    pivot: text('pivot'),
    name: text('name').notNull(),
    typologies: text('typologies').array().notNull().default(sql`'{}'::text[]`),
    street: text('street').notNull(),
    complement: text('complement'),
    postcode: text('postcode').notNull(),
    communeName: text('commune_name').notNull(),
    communeInsee: text('commune_insee'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    websites: text('websites').array().notNull().default(sql`'{}'::text[]`),
    openingHours: text('opening_hours'),
    // Derived from opening_hours when it is saved (see place-store.ts): « open now », « open on Saturday ».
    openWeek: weekMinutes('open_week'),
    closedOnPublicHolidays: boolean('closed_on_public_holidays').notNull().default(false),
    summary: text('summary'),
    detail: text('detail'),
    itinerance: text('itinerance').array().notNull().default(sql`'{}'::text[]`),
    parentStructureName: text('parent_structure_name'),
    // Schema v1.0.2 enumerations, values exactly as the schema spells them.
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    publics: text('publics').array().notNull().default(sql`'{}'::text[]`),
    specificSupport: text('specific_support').array().notNull().default(sql`'{}'::text[]`),
    fees: text('fees').array().notNull().default(sql`'{}'::text[]`),
    nationalPrograms: text('national_programs').array().notNull().default(sql`'{}'::text[]`),
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    otherLabels: text('other_labels'),
    accessModes: text('access_modes').array().notNull().default(sql`'{}'::text[]`),
    supportModes: text('support_modes').array().notNull().default(sql`'{}'::text[]`),
    accessibilityUrl: text('accessibility_url'),
    appointmentUrl: text('appointment_url'),
    // Not in schema v1.0.2: the Pass numérique, and the département's own MDS/CDAS.
    acceptsPassNumerique: boolean('accepts_pass_numerique').notNull().default(false),
    socialCentreId: uuid('social_centre_id'),
    ...freshness,
    ...stamps,
  },
  (t) => [
    uniqueIndex('places_source_uq').on(t.source, t.sourceId),
    index('places_lat_lon_idx').on(t.latitude, t.longitude),
    index('places_services_idx').using('gin', t.services),
    index('places_national_programs_idx').using('gin', t.nationalPrograms),
    index('places_commune_idx').on(t.communeInsee),
    index('places_structure_idx').on(t.structureId),
  ],
);

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    source: text('source'),
    sourceId: text('source_id'),
    name: text('name').notNull(),
    summary: text('summary'),
    description: text('description'),
    // data·inclusion v1 vocabularies (slugs), e.g. thematiques « numerique--realiser-des-demarches-administratives ».
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    publics: text('publics').array().notNull().default(sql`'{}'::text[]`),
    publicsDetail: text('publics_detail'),
    fees: text('fees'),
    feesDetail: text('fees_detail'),
    receptionModes: text('reception_modes').array().notNull().default(sql`'{}'::text[]`),
    // How the person reaches the service, and who may refer them (usagers, professionnels).
    mobilisationModes: text('mobilisation_modes').array().notNull().default(sql`'{}'::text[]`),
    mobilisableBy: text('mobilisable_by').array().notNull().default(sql`'{}'::text[]`),
    mobilisationDetail: text('mobilisation_detail'),
    mobilisationUrl: text('mobilisation_url'),
    // Eligibility zone: INSEE codes of communes, SIREN of EPCI, or département codes.
    zoneKind: text('zone_kind', { enum: ['commune', 'epci', 'departement', 'pays'] }).notNull().default('departement'),
    zoneCodes: text('zone_codes').array().notNull().default(sql`'{}'::text[]`),
    accessConditions: text('access_conditions'),
    phone: text('phone'),
    email: text('email'),
    networks: text('networks').array().notNull().default(sql`'{}'::text[]`),
    ...freshness,
    ...stamps,
  },
  (t) => [
    uniqueIndex('services_source_uq').on(t.source, t.sourceId),
    index('services_structure_idx').on(t.structureId),
    index('services_place_idx').on(t.placeId),
    index('services_themes_idx').using('gin', t.themes),
  ],
);

/**
 * One row per changed field of a listing. Edits by structures are published at once and wait here for
 * a-posteriori moderation (« pending »); the département team approves them or reverts them.
 */
export const listingChanges = pgTable(
  'listing_changes',
  {
    id: uuid('id').primaryKey(),
    entityType: text('entity_type', { enum: ['structure', 'place', 'service'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    // One save of a form or one imported row: its changes share a batch.
    batchId: uuid('batch_id').notNull(),
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    actorUserId: uuid('actor_user_id'),
    actorKind: text('actor_kind', { enum: EDITOR_KINDS }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    moderation: text('moderation', { enum: ['pending', 'approved', 'reverted', 'not_needed'] }).notNull(),
    moderatedBy: uuid('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
  },
  (t) => [
    index('listing_changes_entity_idx').on(t.entityType, t.entityId, t.changedAt),
    index('listing_changes_pending_idx').on(t.moderation, t.changedAt),
  ],
);

/** « Signaler une erreur » on a place page. */
export const errorReports = pgTable(
  'error_reports',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    reporterEmail: text('reporter_email'),
    status: text('status', { enum: ['open', 'resolved', 'dismissed'] }).notNull().default('open'),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    // What the team did about it (or why it was not an error), written when the report is closed.
    handlingNote: text('handling_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('error_reports_status_idx').on(t.status, t.createdAt)],
);

/** A person asks to edit a structure's listings. */
export const structureClaims = pgTable(
  'structure_claims',
  {
    id: uuid('id').primaryKey(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    siret: text('siret').notNull(),
    message: text('message'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    // Approved without a moderator because the e-mail's domain is the structure's website's.
    autoApproved: boolean('auto_approved').notNull().default(false),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('structure_claims_status_idx').on(t.status, t.createdAt), index('structure_claims_user_idx').on(t.userId)],
);

/** An agent or mediator sends a person to a service; the receiving structure accepts or refuses. */
export const orientations = pgTable(
  'orientations',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    receiverStructureId: uuid('receiver_structure_id').notNull(),
    senderUserId: uuid('sender_user_id').notNull(),
    senderStructureId: uuid('sender_structure_id'),
    senderSocialCentreId: uuid('sender_social_centre_id'),
    // The person: cleared when the orientation is anonymised after the retention period.
    personFirstName: text('person_first_name'),
    personLastName: text('person_last_name'),
    personPhone: text('person_phone'),
    personEmail: text('person_email'),
    contactPreference: text('contact_preference', { enum: ['telephone', 'courriel', 'prescripteur'] }).notNull(),
    situation: text('situation'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'accepted', 'refused', 'expired'] }).notNull(),
    answerReason: text('answer_reason'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    // The link e-mailed to the receiving structure carries a random token; only its hash is kept.
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('orientations_token_uq').on(t.tokenHash),
    index('orientations_receiver_idx').on(t.receiverStructureId, t.status),
    index('orientations_sender_idx').on(t.senderUserId),
  ],
);

export const orientationAttachments = pgTable('orientation_attachments', {
  id: uuid('id').primaryKey(),
  orientationId: uuid('orientation_id')
    .notNull()
    .references(() => orientations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
