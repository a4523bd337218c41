// Adds communes to, or removes them from, the set a social centre serves. Each commune is served by at most
// one centre: the database enforces it (unique index on social_centre_communes.commune_insee), and we check it
// first to name the centre that already serves the commune.
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { getSocialCentre } from '../db/social-centre-queries.ts';
import { communes, socialCentreCommunes, socialCentres } from '../db/territory.table.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import type { Actor } from '../domain/social-centre.ts';
import type { TerritoryDeps } from './territory-deps.ts';

export type AddCommunesResult =
  | { ok: true; added: string[] }
  | { ok: false; reason: 'centre_not_found' }
  | { ok: false; reason: 'unknown_commune'; insee: string; message: string }
  | { ok: false; reason: 'served_elsewhere'; insee: string; centreId: string; centreName: string; message: string };

export async function addCommunesToCentre(deps: TerritoryDeps, actor: Actor, centreId: string, insee: readonly string[]): Promise<AddCommunesResult> {
  const wanted = [...new Set(insee)];
  const now = deps.clock.now();
  const attempt = () =>
    inTransaction(deps.db, async (tx): Promise<AddCommunesResult> => {
      const centre = await getSocialCentre(tx, centreId);
      if (!centre) return { ok: false, reason: 'centre_not_found' };
      if (wanted.length === 0) return { ok: true, added: [] };
      const known = await tx
        .select({ insee: communes.insee, name: communes.name })
        .from(communes)
        .where(and(inArray(communes.insee, wanted), eq(communes.departementCode, centre.departementCode)));
      const names = new Map(known.map((k) => [k.insee, k.name]));
      const unknown = wanted.find((c) => !names.has(c));
      if (unknown) return { ok: false, reason: 'unknown_commune', insee: unknown, message: 'Choisissez une commune du département' };
      const served = await tx
        .select({ insee: socialCentreCommunes.communeInsee, centreId: socialCentres.id, centreName: socialCentres.name })
        .from(socialCentreCommunes)
        .innerJoin(socialCentres, eq(socialCentres.id, socialCentreCommunes.socialCentreId))
        .where(inArray(socialCentreCommunes.communeInsee, wanted));
      const elsewhere = served.find((s) => s.centreId !== centreId);
      if (elsewhere) {
        return {
          ok: false,
          reason: 'served_elsewhere',
          insee: elsewhere.insee,
          centreId: elsewhere.centreId,
          centreName: elsewhere.centreName,
          message: `${names.get(elsewhere.insee)} est déjà rattachée au centre « ${elsewhere.centreName} ». Retirez-la d’abord de ce centre.`,
        };
      }
      const already = new Set(served.map((s) => s.insee));
      const added = wanted.filter((c) => !already.has(c));
      if (added.length === 0) return { ok: true, added };
      await tx.insert(socialCentreCommunes).values(added.map((c) => ({ socialCentreId: centreId, communeInsee: c })));
      await recordAudit(tx, {
        at: now,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'territory.sectorisation_changed',
        subjectType: 'social_centre',
        subjectId: centreId,
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
        details: { centre: centre.name, added, removed: [] },
      });
      return { ok: true, added };
    });
  try {
    return await attempt();
  } catch (error) {
    // Another admin attached the commune between our check and our insert: run the check again to name the centre.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

export type RemoveCommuneResult = { ok: true; removed: boolean } | { ok: false; reason: 'centre_not_found' };

export async function removeCommuneFromCentre(deps: TerritoryDeps, actor: Actor, centreId: string, insee: string): Promise<RemoveCommuneResult> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const centre = await getSocialCentre(tx, centreId);
    if (!centre) return { ok: false, reason: 'centre_not_found' };
    const deleted = await tx
      .delete(socialCentreCommunes)
      .where(and(eq(socialCentreCommunes.socialCentreId, centreId), eq(socialCentreCommunes.communeInsee, insee)))
      .returning({ insee: socialCentreCommunes.communeInsee });
    if (deleted.length === 0) return { ok: true, removed: false };
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'territory.sectorisation_changed',
      subjectType: 'social_centre',
      subjectId: centreId,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { centre: centre.name, added: [], removed: [insee] },
    });
    return { ok: true, removed: true };
  });
}
