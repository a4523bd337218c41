// The département team decides on a person's request to manage a structure's listings: approved, the person
// becomes a member of the structure (the claim flow's approveClaimInTransaction: accounts' grantRole scoped to
// it); rejected, with the reason. The person is told by e-mail either way, in the decision's transaction.
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { AppDeps } from '../../../platform/http/context.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { structureClaims, structures } from '../db/directory.table.ts';
import { approveClaimInTransaction } from './claim-structure.ts';
import type { Moderator, RequestMeta } from './moderate-changes.ts';

export type ClaimDeps = Pick<AppDeps, 'db' | 'clock' | 'ids' | 'config'>;

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
    const [person] = await queryRows<{ email: string; display_name: string; kind: string }>(
      tx,
      sql`select email, display_name, kind from users where id = ${claim.userId}`,
    );
    if (!structure || !person) return { ok: false as const, reason: 'not_found' as const };
    const now = deps.clock.now();
    const approve = input.decision === 'approve';
    if (approve) {
      // A resident's account cannot hold a structure role: nothing is decided, the team is told.
      if (person.kind !== 'staff') return { ok: false as const, reason: 'not_staff' as const };
      // The claim's status, the role (accounts' grantRole) and `directory.claim_approved`, as for an automatic approval.
      await approveClaimInTransaction(tx, deps, { claim, by: input.by, auto: false, meta: input.meta });
    } else {
      await tx.update(structureClaims).set({ status: 'rejected', decidedBy: input.by.id, decidedAt: now, reason: input.reason }).where(eq(structureClaims.id, claim.id));
      await recordAudit(tx, {
        at: now,
        actorId: input.by.id,
        actorLabel: input.by.label,
        action: 'directory.claim_rejected',
        subjectType: 'structure',
        subjectId: claim.structureId,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { claimId: claim.id, userId: claim.userId, reason: input.reason },
      });
    }
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
  });
}
