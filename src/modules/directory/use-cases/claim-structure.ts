// A person asks to manage a structure's listings. When their e-mail is at the structure's own web domain the
// claim is approved at once; otherwise it waits for the département's directory team.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { AppDeps } from '../../../platform/http/context.ts';
import type { FieldError } from '../../../platform/http/form.ts';
import { grantRole } from '../../accounts/index.ts';
import { structureClaims } from '../db/directory.table.ts';
import { findStructure, pendingClaimOf, type ClaimRow } from '../db/editing-queries.ts';
import { updateStructure } from '../db/listing-store.ts';
import { emailMatchesWebsite } from '../domain/email-domain.ts';
import { checkSiret } from '../../../platform/domain/siret.ts';

export type EditingDeps = Pick<AppDeps, 'db' | 'clock' | 'ids' | 'config'>;

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export interface Claimant {
  userId: string;
  email: string;
  /** Structures the person is already a member of (from their active roles). */
  memberOf: string[];
}

export type ClaimResult =
  | { ok: true; status: 'approved' | 'pending'; claimId: string }
  | { ok: false; reason: 'not_found' | 'already_member' | 'already_pending' }
  | { ok: false; reason: 'invalid'; errors: FieldError[] };

export async function claimStructure(
  deps: EditingDeps,
  input: { claimant: Claimant; structureId: string; siret: string; message: string; meta: RequestMeta },
): Promise<ClaimResult> {
  const structure = await findStructure(deps.db, input.structureId);
  if (!structure) return { ok: false, reason: 'not_found' };
  if (input.claimant.memberOf.includes(structure.id)) return { ok: false, reason: 'already_member' };
  if (await pendingClaimOf(deps.db, input.claimant.userId, structure.id)) return { ok: false, reason: 'already_pending' };

  const errors: FieldError[] = [];
  const check = checkSiret(input.siret);
  if (!check.ok) errors.push({ field: 'siret', message: check.message });
  else if (structure.siret && structure.siret !== check.siret) {
    errors.push({ field: 'siret', message: `Ce numéro n’est pas le SIRET de « ${structure.name} » que nous connaissons : vérifiez-le sur l’avis de situation au répertoire SIRENE` });
  }
  const message = input.message.trim();
  if (message.length > 1000) errors.push({ field: 'message', message: `Votre message doit faire 1 000 caractères au plus (il en fait ${message.length})` });
  if (errors.length || !check.ok) return { ok: false, reason: 'invalid', errors };

  const auto = emailMatchesWebsite(input.claimant.email, structure.website);
  const now = deps.clock.now();
  const claimId = deps.ids.uuid();
  const actor = { id: input.claimant.userId, label: input.claimant.email };
  return inTransaction(deps.db, async (tx) => {
    // Two tabs sending the same claim: the second finds the first one here, inside the transaction.
    if (await pendingClaimOf(tx, input.claimant.userId, structure.id)) return { ok: false as const, reason: 'already_pending' as const };
    await tx.insert(structureClaims).values({
      id: claimId,
      structureId: structure.id,
      userId: input.claimant.userId,
      siret: check.siret,
      message: message || null,
      status: 'pending',
      createdAt: now,
    });
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'directory.claim_requested',
      subjectType: 'structure',
      subjectId: structure.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { claimId, structure: structure.name, siret: check.siret, emailDomainMatches: auto },
    });
    if (!auto) return { ok: true as const, status: 'pending' as const, claimId };
    const [claim] = await tx.select().from(structureClaims).where(eq(structureClaims.id, claimId));
    await approveClaimInTransaction(tx, deps, { claim: claim!, by: actor, auto: true, meta: input.meta });
    // The structure had no SIRET yet: the one its own member gave is recorded like any edit of theirs
    // (published, and waiting for the team's a-posteriori review).
    if (!structure.siret) {
      await updateStructure(tx, deps, structure.id, { siret: check.siret, updatedOn: structure.updatedOn ?? undefined }, { userId: actor.id, kind: 'structure' });
    }
    return { ok: true as const, status: 'approved' as const, claimId };
  });
}

/**
 * Approves a claim inside the caller's transaction: the claim's status, the structure_member role scoped to the
 * structure (accounts' grantRole, which journals `role.granted`), and `directory.claim_approved`.
 */
export async function approveClaimInTransaction(
  tx: Tx,
  deps: EditingDeps,
  input: { claim: ClaimRow; by: { id: string | null; label: string }; auto: boolean; meta: RequestMeta },
): Promise<void> {
  const now = deps.clock.now();
  await tx
    .update(structureClaims)
    .set({ status: 'approved', autoApproved: input.auto, decidedBy: input.auto ? null : input.by.id, decidedAt: now })
    .where(eq(structureClaims.id, input.claim.id));
  const granted = await grantRole(
    { ...deps, db: tx },
    { userId: input.claim.userId, grant: { role: 'structure_member', structureId: input.claim.structureId }, by: input.by, meta: input.meta },
  );
  if (!granted.ok) throw new Error(`claim ${input.claim.id}: role not granted (${granted.reason})`);
  await recordAudit(tx, {
    at: now,
    actorId: input.by.id,
    actorLabel: input.auto ? 'système (domaine de l’adresse e-mail)' : input.by.label,
    action: 'directory.claim_approved',
    subjectType: 'structure',
    subjectId: input.claim.structureId,
    ip: input.meta.ip,
    requestId: input.meta.requestId,
    details: { claimId: input.claim.id, userId: input.claim.userId, auto: input.auto },
  });
}

/** For the moderation screen: approve a pending claim in its own transaction. */
export async function approveStructureClaim(
  deps: EditingDeps,
  input: { claimId: string; by: { id: string | null; label: string }; meta: RequestMeta },
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'not_pending' }> {
  return inTransaction(deps.db, async (tx) => {
    const [claim] = await tx.select().from(structureClaims).where(eq(structureClaims.id, input.claimId)).for('update');
    if (!claim) return { ok: false as const, reason: 'not_found' as const };
    if (claim.status !== 'pending') return { ok: false as const, reason: 'not_pending' as const };
    await approveClaimInTransaction(tx, deps, { claim, by: input.by, auto: false, meta: input.meta });
    return { ok: true as const };
  });
}
