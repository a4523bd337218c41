// Territory of a staff role, for other modules' scope checks (who may see which file, which place).
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { communesCoveredBy, coversWholeDepartement, grantCoversCommune, type TerritoryGrant } from '../domain/scope.ts';

async function centreCommunes(q: Queryable, socialCentreId: string | null): Promise<Set<string>> {
  if (!socialCentreId) return new Set();
  const rows = await queryRows<{ commune_insee: string }>(
    q,
    sql`select commune_insee from social_centre_communes where social_centre_id = ${socialCentreId}`,
  );
  return new Set(rows.map((r) => r.commune_insee));
}

/**
 * INSEE codes of the communes a grant covers (see domain/scope.ts for the rule), in name order.
 * `departement` limits « the whole département » when the table holds several (it normally holds one).
 */
export async function communesInScope(q: Queryable, grant: TerritoryGrant, opts: { departement?: string } = {}): Promise<string[]> {
  const dep = opts.departement ? sql`where departement_code = ${opts.departement}` : sql``;
  const all = await queryRows<{ insee: string; epci_siren: string | null }>(
    q,
    sql`select insee, epci_siren from communes ${dep} order by name`,
  );
  const communes = all.map((r) => ({ insee: r.insee, epciSiren: r.epci_siren }));
  if (coversWholeDepartement(grant)) return communes.map((c) => c.insee);
  return communesCoveredBy(grant, communes, await centreCommunes(q, grant.socialCentreId));
}

/** Whether a grant covers one commune; false for an unknown INSEE code. */
export async function isCommuneInScope(q: Queryable, grant: TerritoryGrant, insee: string): Promise<boolean> {
  const rows = await queryRows<{ insee: string; epci_siren: string | null }>(
    q,
    sql`select insee, epci_siren from communes where insee = ${insee}`,
  );
  const row = rows[0];
  if (!row) return false;
  return grantCoversCommune(grant, { insee: row.insee, epciSiren: row.epci_siren }, await centreCommunes(q, grant.socialCentreId));
}
