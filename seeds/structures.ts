// Demo structures the demo accounts belong to, and the first social centre of the département (if the
// territory seed made any) for the demo agent.
import { asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import { structures } from '../src/modules/directory/db/directory.table.ts';
import { socialCentres } from '../src/modules/territory/db/territory.table.ts';

export async function seedDemoStructures(
  deps: { db: Db; clock: Clock; ids: IdGenerator },
  departement: '35' | '13',
): Promise<{ socialCentre: { id: string; name: string } | null; structure: { id: string; name: string }; partner: { id: string; name: string } }> {
  const now = deps.clock.now();
  const place = departement === '35' ? { city: 'Rennes', insee: '35238' } : { city: 'Marseille', insee: '13055' };
  const structure = { id: deps.ids.uuid(), name: `Espace numérique de ${place.city}` };
  const partner = { id: deps.ids.uuid(), name: `Caisse d’allocations familiales (CAF) – ${departement === '35' ? 'Ille-et-Vilaine' : 'Bouches-du-Rhône'}` };
  await deps.db.insert(structures).values([
    { id: structure.id, name: structure.name, kind: 'association', communeInsee: place.insee, createdAt: now, updatedAt: now },
    { id: partner.id, name: partner.name, kind: 'administration', communeInsee: place.insee, createdAt: now, updatedAt: now },
  ]);
  const [centre] = await deps.db
    .select({ id: socialCentres.id, name: socialCentres.name })
    .from(socialCentres)
    .where(eq(socialCentres.departementCode, departement))
    .orderBy(asc(socialCentres.name))
    .limit(1);
  return { socialCentre: centre ?? null, structure, partner };
}
