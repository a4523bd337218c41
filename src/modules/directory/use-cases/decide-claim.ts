// The département team decides on a person's request to manage a structure's listings: approved, the person
// becomes a member of the structure (accounts' grantRole, scoped to it); rejected, with the reason. The
// person is told by e-mail either way, in the same transaction as the decision.
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { AppDeps } from '../../../platform/http/context.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { grantRole } from '../../accounts/index.ts';
import { structureClaims, structures } from '../db/directory.table.ts';
import type { Moderator, RequestMeta } from './moderate-changes.ts';

export type ClaimDeps = Pick<AppDeps, 'db' | 'clock' | 'ids'> & { config: Pick<AppDeps['config'], 'publicUrl'> };

export type DecideClaimResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'already_decided' | 'not_staff' };

export async function decideClaim(
  deps: ClaimDeps,
  input: { claimId: string; decision: 'approve' | 'reject'; reason: string; by: Moderator; meta: RequestMeta },
): Promise<DecideClaimResult> {
  return inTransaction(deps.db, async (tx) => {
    const [claim] = await tx.select().from(structureClaims).where(eq(structureClaims.id, input.claimId)).for('update');
    if (!claim) return { ok: false as const, reason: 'not_found' as const };
    if (claim.status !== 'pending') return { ok: false as const, reason: 'already_decided' as const };
    const [structure] = await tx.select({ name: structures.name }).from(structures).where(eq(structures.id, claim.structureId));
    // The person's address, read from the accounts module's table (never written here).
    const [person] = await queryRows<{ email: string; display_name: string }>(tx, sql`select email, display_name from users where id = ${claim.userId}`);
    if (!structure || !person) return { ok: false as const, reason: 'not_found' as const };
    const now = deps.clock.now();
    const approve = input.decision === 'approve';
    await tx
      .update(structureClaims)
      .set({ status: approve ? 'approved' : 'rejected', decidedBy: input.by.id, decidedAt: now, reason: approve ? null : input.reason })
      .where(eq(structureClaims.id, claim.id));
    if (approve) {
      const granted = await grantRole(
        { ...deps, db: tx },
        { userId: claim.userId, grant: { role: 'structure_member', structureId: claim.structureId }, by: input.by, meta: input.meta },
      );
      // Rolled back with the whole decision: a resident's account cannot hold a structure role.
      if (!granted.ok) throw new ClaimNotGrantable(granted.reason);
    }
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: approve ? 'directory.claim_approved' : 'directory.claim_rejected',
      subjectType: 'structure',
      subjectId: claim.structureId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { claimId: claim.id, userId: claim.userId, ...(approve ? {} : { reason: input.reason }) },
    });
    const link = `${deps.config.publicUrl}/ma-structure`;
    await enqueueMail(
      tx,
      {
        to: person.email,
        subject: approve ? `Vous gérez maintenant « ${structure.name} »` : `Votre demande pour gérer « ${structure.name} »`,
        text: (approve
          ? [
              `Bonjour ${person.display_name},`,
              '',
              `L’équipe annuaire du département a accepté votre demande : vous pouvez maintenant mettre à jour les fiches de « ${structure.name} » (structure, lieux et services).`,
              '',
              `Pour commencer : ${link}`,
              '',
              'Vos modifications sont publiées tout de suite ; l’équipe annuaire les relit ensuite.',
            ]
          : [
              `Bonjour ${person.display_name},`,
              '',
              `L’équipe annuaire du département n’a pas accepté votre demande pour gérer les fiches de « ${structure.name} ».`,
              '',
              `Motif : ${input.reason}`,
              '',
              'Si vous pensez qu’il s’agit d’une erreur, répondez à ce message ou faites une nouvelle demande en joignant un justificatif.',
            ]
        ).join('\n'),
      },
      now,
    );
    return { ok: true as const };
  }).catch((error: unknown) => {
    if (error instanceof ClaimNotGrantable) return { ok: false as const, reason: 'not_staff' as const };
    throw error;
  });
}

class ClaimNotGrantable extends Error {
  constructor(readonly reason: string) {
    super(`structure role not granted: ${reason}`);
  }
}
