// Which communes a staff role covers. Pure: the caller loads the communes and the centre's sectorisation.
//
// The rule (issue 2, « roles scoped to a territory »):
//  - a grant bound to a social centre covers the communes that centre serves, plus any commune or EPCI
//    listed on the grant (an agent may be asked to cover a neighbouring commune too);
//  - otherwise, the listed communes and the communes of the listed EPCI;
//  - otherwise (nothing listed, no centre), the whole département.

export interface TerritoryGrant {
  socialCentreId: string | null;
  communeCodes: string[];
  epciCodes: string[];
}

export interface CommuneRef {
  insee: string;
  epciSiren: string | null;
}

/** True when the grant's territory is the whole département. */
export function coversWholeDepartement(grant: TerritoryGrant): boolean {
  return grant.socialCentreId === null && grant.communeCodes.length === 0 && grant.epciCodes.length === 0;
}

/**
 * Whether the grant covers one commune.
 * @param centreCommunes the INSEE codes served by the grant's social centre (ignored when it has none).
 */
export function grantCoversCommune(grant: TerritoryGrant, commune: CommuneRef, centreCommunes: ReadonlySet<string> = new Set()): boolean {
  if (coversWholeDepartement(grant)) return true;
  if (grant.socialCentreId !== null && centreCommunes.has(commune.insee)) return true;
  if (grant.communeCodes.includes(commune.insee)) return true;
  return commune.epciSiren !== null && grant.epciCodes.includes(commune.epciSiren);
}

/** The communes (among those given, usually the whole département) that the grant covers, in the given order. */
export function communesCoveredBy(grant: TerritoryGrant, communes: readonly CommuneRef[], centreCommunes: ReadonlySet<string> = new Set()): string[] {
  return communes.filter((c) => grantCoversCommune(grant, c, centreCommunes)).map((c) => c.insee);
}
