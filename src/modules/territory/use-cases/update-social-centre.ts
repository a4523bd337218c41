import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { getSocialCentre } from '../db/social-centre-queries.ts';
import { socialCentres } from '../db/territory.table.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import type { Actor, SocialCentreInput } from '../domain/social-centre.ts';
import { checkCentre, type SaveCentreResult } from './create-social-centre.ts';
import type { TerritoryDeps } from './territory-deps.ts';

export async function updateSocialCentre(deps: TerritoryDeps, actor: Actor, id: string, input: SocialCentreInput): Promise<SaveCentreResult> {
  const now = deps.clock.now();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const before = await getSocialCentre(tx, id);
      if (!before) return { ok: false, notFound: true };
      const errors = await checkCentre(tx, before.departementCode, input, id);
      if (errors.length) return { ok: false, errors };
      await tx
        .update(socialCentres)
        .set({ ...input, updatedAt: now })
        .where(eq(socialCentres.id, id));
      // The journal keeps what changed, field by field, so an admin can see who renamed or moved a centre.
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(input) as Array<keyof SocialCentreInput>) {
        if (before[key] !== input[key]) changes[key] = { from: before[key], to: input[key] };
      }
      await recordAudit(tx, {
        at: now,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'territory.social_centre_updated',
        subjectType: 'social_centre',
        subjectId: id,
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
        details: { name: input.name, changes },
      });
      return { ok: true, id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'social_centres_name_uq')) {
      return { ok: false, errors: [{ field: 'name', message: `Un centre s’appelle déjà « ${input.name} ». Choisissez un autre nom.` }] };
    }
    throw error;
  }
}
