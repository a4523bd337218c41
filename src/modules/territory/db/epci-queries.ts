import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { communes, epcis } from './territory.table.ts';

/** The EPCI that have at least one commune in the département, by name. */
export async function listEpcisOfDepartement(q: Queryable, departementCode: string): Promise<{ siren: string; name: string }[]> {
  return q
    .selectDistinct({ siren: epcis.siren, name: epcis.name })
    .from(epcis)
    .innerJoin(communes, eq(communes.epciSiren, epcis.siren))
    .where(eq(communes.departementCode, departementCode))
    .orderBy(asc(epcis.name));
}
