// Commune search by name or postcode, for the autocomplete, the search page and the commune form field.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { parseCommuneQuery } from '../domain/search-name.ts';

export interface CommuneSummary {
  insee: string;
  name: string;
  postcodes: string[];
  departementCode: string;
  epciSiren: string | null;
  population: number | null;
}

interface Row extends Record<string, unknown> {
  insee: string;
  name: string;
  postcodes: string[];
  departement_code: string;
  epci_siren: string | null;
  population: number | null;
}

export const communeColumns = sql`insee, name, postcodes, departement_code, epci_siren, population`;

export function toSummary(r: Row): CommuneSummary {
  return {
    insee: r.insee,
    name: r.name,
    postcodes: r.postcodes,
    departementCode: r.departement_code,
    epciSiren: r.epci_siren,
    population: r.population === null ? null : Number(r.population),
  };
}

export interface SearchCommunesOptions {
  departement?: string;
  limit?: number;
}

/**
 * Ranks exact names first, then names starting with the text, then names with a word starting with it,
 * then close spellings (pg_trgm similarity: « sain malo », « chateaugiron »); larger communes first within a rank.
 * Digits match postcodes by prefix (« 354 » → every commune whose postcode starts with 354).
 */
export async function searchCommunes(q: Queryable, text: string, opts: SearchCommunesOptions = {}): Promise<CommuneSummary[]> {
  const parsed = parseCommuneQuery(text);
  if (!parsed) return [];
  const limit = Math.min(Math.max(opts.limit ?? 10, 1), 100);
  const filters: SQL[] = [];
  if (opts.departement) filters.push(sql`departement_code = ${opts.departement}`);
  if (parsed.postcode) {
    filters.push(sql`exists (select 1 from unnest(postcodes) p where p like ${parsed.postcode + '%'})`);
  }
  const postcodeRank = parsed.postcode
    ? sql`case when ${parsed.postcode} = any(postcodes) then 0 else 1 end`
    : sql`0`;

  if (parsed.names.length === 0) {
    const where = sql.join(filters, sql` and `);
    const rows = await queryRows<Row>(
      q,
      sql`select ${communeColumns} from communes where ${where}
          order by ${postcodeRank}, population desc nulls last, name limit ${limit}`,
    );
    return rows.map(toSummary);
  }

  // Names only hold [a-z0-9 ] after parsing, so they need no LIKE escaping.
  const exact = sql.join(parsed.names.map((n) => sql`search_name = ${n}`), sql` or `);
  const prefix = sql.join(parsed.names.map((n) => sql`search_name like ${n + '%'}`), sql` or `);
  const wordPrefix = sql.join(parsed.names.map((n) => sql`search_name like ${'% ' + n + '%'}`), sql` or `);
  const similar = sql.join(
    parsed.names.map((n) => sql`similarity(search_name, ${n}) >= 0.3 or word_similarity(${n}, search_name) >= 0.6`),
    sql` or `,
  );
  const score = sql`greatest(${sql.join(
    parsed.names.map((n) => sql`similarity(search_name, ${n}), word_similarity(${n}, search_name)`),
    sql`, `,
  )})`;
  const where = sql.join([...filters, sql`(${prefix} or ${wordPrefix} or ${similar})`], sql` and `);
  const rows = await queryRows<Row>(
    q,
    sql`select * from (
          select ${communeColumns},
            case when ${exact} then 0 when ${prefix} then 1 when ${wordPrefix} then 2 else 3 end as rank,
            ${score} as score, ${postcodeRank} as postcode_rank
          from communes where ${where}
        ) found
        order by rank, case when rank = 3 then score else 0 end desc, postcode_rank, population desc nulls last, name
        limit ${limit}`,
  );
  return rows.map(toSummary);
}

export async function getCommune(q: Queryable, insee: string): Promise<CommuneSummary | null> {
  const rows = await queryRows<Row>(q, sql`select ${communeColumns} from communes where insee = ${insee}`);
  return rows[0] ? toSummary(rows[0]) : null;
}

/** Communes by INSEE code, in name order; unknown codes are left out. */
export async function getCommunes(q: Queryable, insee: readonly string[]): Promise<CommuneSummary[]> {
  if (insee.length === 0) return [];
  const list = sql.join(insee.map((c) => sql`${c}`), sql`, `);
  const rows = await queryRows<Row>(q, sql`select ${communeColumns} from communes where insee in (${list}) order by name`);
  return rows.map(toSummary);
}

export interface CommuneDetails extends CommuneSummary {
  epciName: string | null;
  departementName: string | null;
}

export async function getCommuneDetails(q: Queryable, insee: string): Promise<CommuneDetails | null> {
  const rows = await queryRows<Row & { epci_name: string | null; departement_name: string | null }>(
    q,
    sql`select c.insee, c.name, c.postcodes, c.departement_code, c.epci_siren, c.population,
          e.name as epci_name, d.name as departement_name
        from communes c left join epcis e on e.siren = c.epci_siren left join departements d on d.code = c.departement_code
        where c.insee = ${insee}`,
  );
  const r = rows[0];
  return r ? { ...toSummary(r), epciName: r.epci_name, departementName: r.departement_name } : null;
}
