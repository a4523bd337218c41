// The names of the communes that answers hold (commune fields, addresses), to show them to people.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';

const INSEE = /^(\d{5}|2[AB]\d{3})$/u;

/** Every INSEE code found in the values, however deep. */
export function communeCodesIn(...values: unknown[]): string[] {
  const codes = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && INSEE.test(v)) codes.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return [...codes];
}

/** Code → « Name » (or « Name (postcode) » with `withPostcode`) for the communes the values hold. */
export async function communeNamesIn(q: Queryable, values: unknown[], opts: { withPostcode?: boolean } = {}): Promise<Map<string, string>> {
  const codes = communeCodesIn(...values);
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ insee: string; name: string; postcodes: string[] }>(
    q,
    sql`select insee, name, postcodes from communes where insee in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.insee, opts.withPostcode ? `${r.name} (${r.postcodes[0] ?? r.insee})` : r.name]));
}
