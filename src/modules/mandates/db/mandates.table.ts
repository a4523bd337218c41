import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Mandates to act for a person (Aidants Connect-class): they bind a structure or a social centre (not one agent)
// and a person, for some domains and a duration. Only « aidants habilités » of the owner create and use them.

export const aidantHabilitations = pgTable(
  'aidant_habilitations',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    ownerKind: text('owner_kind', { enum: ['centre', 'structure'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    grantedByUserId: uuid('granted_by_user_id'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('aidant_habilitations_user_idx').on(t.userId), index('aidant_habilitations_owner_idx').on(t.ownerId)],
);

export const mandates = pgTable(
  'mandates',
  {
    id: uuid('id').primaryKey(),
    /** « M-2026-7K3M9Q »: the reference an aidant types and the attestation shows. */
    reference: text('reference').notNull().unique(),
    ownerKind: text('owner_kind', { enum: ['centre', 'structure'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    personName: text('person_name').notNull(),
    personBirthDate: text('person_birth_date').notNull(),
    identitySource: text('identity_source', { enum: ['document', 'franceconnect'] }).notNull(),
    documentType: text('document_type'),
    documentNumber: text('document_number'),
    scopes: text('scopes').array().notNull(),
    duration: text('duration', { enum: ['1d', '1m', '6m', '1y'] }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The version of the mandate's text read to the person. */
    textVersion: text('text_version').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    /** HMAC of the mandate's content with the server's secret: printed on the attestation, checked publicly. */
    integrityHash: text('integrity_hash').notNull().unique(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: uuid('revoked_by_user_id'),
    revocationReason: text('revocation_reason', { enum: ['structure', 'person'] }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    renewsMandateId: uuid('renews_mandate_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mandates_owner_idx').on(t.ownerId, t.endsAt)],
);
