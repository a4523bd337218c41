// Mandates: who may hold them (« aidants habilités » of a centre or a structure), creating one after the text was
// read to the person and they agreed, revoking, renewing, verifying an attestation's code publicly, and using
// one: every creation, use, revocation and view is journaled.
import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { AppDeps, Principal } from '../../../platform/http/context.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { aidantHabilitations, mandates } from '../db/mandates.table.ts';
import { canonicalContent, CURRENT_TEXT_VERSION, mandateEnd, mandateStatus, SCOPES, type Duration, type IdentityDocument, type MandateStatus, type Scope } from '../domain/mandate.ts';
import { integrityHash, mandateSecret } from './secret.ts';

export type MandateDeps = Pick<AppDeps, 'db' | 'clock' | 'ids'> & { config: Pick<AppDeps['config'], 'secret' | 'publicUrl'> };
export type MandateRow = typeof mandates.$inferSelect;
export interface MandateOwner {
  kind: 'centre' | 'structure';
  id: string;
}
export interface Actor {
  userId: string;
  label: string;
  requestId?: string | null;
}

/** The centres and structures where the principal is an « aidant habilité ». */
export async function habilitationsOf(q: Queryable, p: Principal): Promise<MandateOwner[]> {
  if (p.kind !== 'staff') return [];
  const rows = await q.select().from(aidantHabilitations).where(and(eq(aidantHabilitations.userId, p.userId), isNull(aidantHabilitations.revokedAt)));
  // A habilitation counts only while the person still holds a role in that centre or structure.
  return rows
    .filter((h) => p.roles.some((r) => (h.ownerKind === 'centre' ? r.socialCentreId === h.ownerId && (r.role === 'agent' || r.role === 'centre_manager') : r.structureId === h.ownerId && r.role === 'structure_member')))
    .map((h) => ({ kind: h.ownerKind, id: h.ownerId }));
}

export async function setHabilitation(deps: MandateDeps, input: { userId: string; owner: MandateOwner; on: boolean; actor: Actor }): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const [current] = await tx.select().from(aidantHabilitations).where(and(eq(aidantHabilitations.userId, input.userId), eq(aidantHabilitations.ownerId, input.owner.id), isNull(aidantHabilitations.revokedAt)));
    if (input.on && !current) {
      await tx.insert(aidantHabilitations).values({ id: deps.ids.uuid(), userId: input.userId, ownerKind: input.owner.kind, ownerId: input.owner.id, grantedByUserId: input.actor.userId, grantedAt: now });
    } else if (!input.on && current) {
      await tx.update(aidantHabilitations).set({ revokedAt: now }).where(eq(aidantHabilitations.id, current.id));
    } else return;
    await recordAudit(tx, { at: now, actorId: input.actor.userId, actorLabel: input.actor.label, action: input.on ? 'mandate.habilitation_granted' : 'mandate.habilitation_revoked', subjectType: 'user', subjectId: input.userId, requestId: input.actor.requestId ?? null, details: { owner: input.owner.id } });
  });
}

const REF_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newReference(now: Date): string {
  return `M-${now.getUTCFullYear()}-${Array.from({ length: 6 }, () => REF_LETTERS[randomInt(REF_LETTERS.length)]).join('')}`;
}

export interface NewMandate {
  owner: MandateOwner;
  personName: string;
  personBirthDate: string;
  identity: { source: 'document'; type: IdentityDocument; number: string };
  scopes: Scope[];
  duration: Duration;
  renews?: string | null;
}

export async function createMandate(deps: MandateDeps, input: NewMandate, actor: Actor): Promise<MandateRow> {
  const now = deps.clock.now();
  const secret = await mandateSecret(deps.db, deps.config.secret, now);
  return inTransaction(deps.db, async (tx) => {
    const reference = newReference(now);
    const endsAt = mandateEnd(now, input.duration);
    const scopes = [...input.scopes].sort();
    const integrity = integrityHash(secret, canonicalContent({ reference, ownerId: input.owner.id, personName: input.personName, personBirthDate: input.personBirthDate, scopes, startsAt: now, endsAt, textVersion: CURRENT_TEXT_VERSION }));
    const [row] = await tx
      .insert(mandates)
      .values({
        id: deps.ids.uuid(),
        reference,
        ownerKind: input.owner.kind,
        ownerId: input.owner.id,
        personName: input.personName,
        personBirthDate: input.personBirthDate,
        identitySource: input.identity.source,
        documentType: input.identity.type,
        documentNumber: input.identity.number,
        scopes,
        duration: input.duration,
        startsAt: now,
        endsAt,
        textVersion: CURRENT_TEXT_VERSION,
        consentAt: now,
        createdByUserId: actor.userId,
        integrityHash: integrity,
        renewsMandateId: input.renews ?? null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'mandate.created', subjectType: 'mandate', subjectId: row!.id, requestId: actor.requestId ?? null, details: { reference, scopes, duration: input.duration, owner: input.owner.id, renews: input.renews ?? null } });
    return row!;
  });
}

/** A mandate of one of the owners, by id, its view journaled; null for any other. */
export async function viewMandate(deps: MandateDeps, id: string, owners: MandateOwner[], actor: Actor): Promise<MandateRow | null> {
  const [row] = await deps.db.select().from(mandates).where(eq(mandates.id, id));
  if (!row || !owners.some((o) => o.id === row.ownerId)) return null;
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'mandate.viewed', subjectType: 'mandate', subjectId: row.id, requestId: actor.requestId ?? null });
  return row;
}

export async function mandatesOf(q: Queryable, ownerIds: string[]): Promise<MandateRow[]> {
  if (!ownerIds.length) return [];
  return q.select().from(mandates).where(inArray(mandates.ownerId, ownerIds)).orderBy(desc(mandates.createdAt)).limit(500);
}

export async function revokeMandate(deps: MandateDeps, m: MandateRow, reason: 'structure' | 'person', actor: Actor): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = deps.clock.now();
  const status = mandateStatus(m, now);
  if (status !== 'active') return { ok: false, message: status === 'revoked' ? 'Ce mandat est déjà révoqué' : 'Ce mandat est expiré : il n’y a rien à révoquer' };
  await inTransaction(deps.db, async (tx) => {
    await tx.update(mandates).set({ revokedAt: now, revokedByUserId: actor.userId, revocationReason: reason }).where(and(eq(mandates.id, m.id), isNull(mandates.revokedAt)));
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'mandate.revoked', subjectType: 'mandate', subjectId: m.id, requestId: actor.requestId ?? null, details: { reason } });
  });
  return { ok: true };
}

/** The public check of an attestation's code: the status only, nothing about the person or the structure. */
export async function verifyCode(q: Queryable, code: string, now: Date): Promise<MandateStatus | 'unknown'> {
  const normalised = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (normalised.length !== 24) return 'unknown';
  const [row] = await q.select({ endsAt: mandates.endsAt, revokedAt: mandates.revokedAt }).from(mandates).where(eq(mandates.integrityHash, normalised.match(/.{4}/g)!.join('-')));
  return row ? mandateStatus(row, now) : 'unknown';
}

export type UseRefusal = { ok: false; message: string };

/**
 * Using a mandate to act for the person: the actor must be habilitated by the mandate's owner, the mandate
 * active, and its domains must cover what is done. The use is journaled in the caller's transaction.
 */
export async function useMandate(
  q: Queryable,
  input: ({ reference: string } | { mandateId: string }) & { owners: MandateOwner[]; scopes: Scope[]; purpose: string; now: Date; actor: Actor },
): Promise<{ ok: true; mandate: MandateRow } | UseRefusal> {
  const [m] = await q
    .select()
    .from(mandates)
    .where('mandateId' in input ? eq(mandates.id, input.mandateId) : eq(mandates.reference, input.reference.trim().toUpperCase()));
  if (!m) return { ok: false, message: 'Aucun mandat n’a cette référence : vérifiez-la sur l’attestation (par exemple M-2026-7K3M9Q)' };
  if (!input.owners.some((o) => o.id === m.ownerId)) return { ok: false, message: 'Ce mandat a été donné à une autre structure : vous ne pouvez pas l’utiliser' };
  const status = mandateStatus(m, input.now);
  if (status === 'revoked') return { ok: false, message: 'Ce mandat est révoqué : il ne peut plus être utilisé' };
  if (status === 'expired') return { ok: false, message: 'Ce mandat est expiré : renouvelez-le avec la personne' };
  const missing = input.scopes.filter((s) => !m.scopes.includes(s));
  if (missing.length) return { ok: false, message: `Ce mandat ne couvre pas : ${missing.map((s) => SCOPES[s].split(' :')[0]).join(', ')}` };
  await recordAudit(q, { at: input.now, actorId: input.actor.userId, actorLabel: input.actor.label, action: 'mandate.used', subjectType: 'mandate', subjectId: m.id, requestId: input.actor.requestId ?? null, details: { purpose: input.purpose, scopes: input.scopes } });
  return { ok: true, mandate: m };
}

/** Daily: the aidant who made a mandate is told a week before it ends, once. */
export async function remindExpiringMandates(deps: MandateDeps, userEmail: (id: string) => Promise<string | null>): Promise<number> {
  const now = deps.clock.now();
  const soon = new Date(now.getTime() + 7 * 86_400_000);
  const rows = await deps.db.select().from(mandates).where(and(isNull(mandates.revokedAt), isNull(mandates.reminderSentAt), gt(mandates.endsAt, now), lt(mandates.endsAt, soon)));
  let sent = 0;
  for (const m of rows) {
    const to = await userEmail(m.createdByUserId);
    await inTransaction(deps.db, async (tx) => {
      await tx.update(mandates).set({ reminderSentAt: now }).where(eq(mandates.id, m.id));
      if (to) {
        await enqueueMail(
          tx,
          {
            to,
            subject: `Le mandat ${m.reference} arrive à son terme`,
            text: [
              'Bonjour,',
              '',
              `Le mandat ${m.reference}, qui vous permet d’agir pour ${m.personName}, se termine le ${m.endsAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.`,
              'Si la personne souhaite continuer, renouvelez-le avec elle : il faudra lui relire le texte et recueillir son accord.',
              '',
              `${deps.config.publicUrl}/mandats/${m.id}`,
            ].join('\n'),
          },
          now,
        );
        sent++;
      }
    });
  }
  return sent;
}
