import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { communes, socialCentres } from '../db/territory.table.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import type { Actor, FieldError, SocialCentreInput } from '../domain/social-centre.ts';
import type { TerritoryDeps } from './territory-deps.ts';

export type SaveCentreResult = { ok: true; id: string } | { ok: false; errors: FieldError[] } | { ok: false; notFound: true };

const nameTaken = (name: string): FieldError => ({ field: 'name', message: `Un centre s’appelle déjà « ${name} ». Choisissez un autre nom.` });

/** Checks what the form parser cannot: the seat commune is in the département, the name is free. */
export async function checkCentre(q: Queryable, departementCode: string, input: SocialCentreInput, exceptId?: string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const [seat] = await q
    .select({ insee: communes.insee })
    .from(communes)
    .where(and(eq(communes.insee, input.communeInsee), eq(communes.departementCode, departementCode)));
  if (!seat) errors.push({ field: 'communeInsee', message: 'Choisissez une commune du département' });
  const sameName = await q
    .select({ id: socialCentres.id })
    .from(socialCentres)
    .where(
      and(
        eq(socialCentres.departementCode, departementCode),
        eq(socialCentres.name, input.name),
        ...(exceptId ? [ne(socialCentres.id, exceptId)] : []),
      ),
    );
  if (sameName.length) errors.push(nameTaken(input.name));
  return errors;
}

export async function createSocialCentre(
  deps: TerritoryDeps,
  actor: Actor,
  departementCode: string,
  input: SocialCentreInput,
): Promise<SaveCentreResult> {
  const id = deps.ids.uuid();
  const now = deps.clock.now();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const errors = await checkCentre(tx, departementCode, input);
      if (errors.length) return { ok: false, errors };
      await tx.insert(socialCentres).values({ id, departementCode, ...input, createdAt: now, updatedAt: now });
      await recordAudit(tx, {
        at: now,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'territory.social_centre_created',
        subjectType: 'social_centre',
        subjectId: id,
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
        details: { name: input.name, kind: input.kind, communeInsee: input.communeInsee },
      });
      return { ok: true, id };
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(error, 'social_centres_name_uq')) return { ok: false, errors: [nameTaken(input.name)] };
    throw error;
  }
}
