import type { Queryable } from '../../platform/db/client.ts';
import { listStructures } from '../directory/index.ts';
import { getCommunes, listEpcisOfDepartement, listSocialCentres } from '../territory/index.ts';
import type { ScopeNames } from './role-labels.ts';

/** The names needed to describe role scopes in French, loaded once per page. */
export async function loadScopeNames(q: Queryable, departement: string, communeCodes: string[]): Promise<ScopeNames & {
  centreList: { id: string; name: string }[];
  structureList: { id: string; name: string }[];
  epciList: { siren: string; name: string }[];
}> {
  const [centreList, structureList, epciList, communes] = await Promise.all([
    listSocialCentres(q, departement),
    listStructures(q),
    listEpcisOfDepartement(q, departement),
    communeCodes.length ? getCommunes(q, communeCodes) : Promise.resolve([]),
  ]);
  return {
    centreList,
    structureList,
    epciList,
    centres: new Map(centreList.map((c) => [c.id, c.name])),
    structures: new Map(structureList.map((s) => [s.id, s.name])),
    epcis: new Map(epciList.map((e) => [e.siren, e.name])),
    communes: new Map(communes.map((c) => [c.insee, c.name])),
  };
}
