// Statistics of the help given, for the owners a person may see (their centres and structures; an admin: all),
// over a period and optionally one commune: counts by level, theme, place, duration band and outcome, the share
// of « faire avec » and « faire à la place » month by month, and the collective actions.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { DURATION_BANDS } from '../domain/accompaniment.ts';

export interface StatsCriteria {
  /** null: every owner (admins). */
  ownerIds: string[] | null;
  from: string;
  to: string;
  communeInsee: string | null;
}

export interface Count {
  key: string;
  n: number;
}

export interface Statistics {
  total: number;
  minutes: number;
  byLevel: Count[];
  byTheme: Count[];
  byPlace: Count[];
  byDuration: Count[];
  byOutcome: Count[];
  monthly: Array<{ month: string; total: number; faireAvec: number; faireALaPlace: number }>;
  collective: { actions: number; attendees: number; firstTime: number };
}

function where(c: StatsCriteria, alias = ''): SQL {
  const col = (name: string) => sql.raw(`${alias}${name}`);
  const parts: SQL[] = [sql`${col('happened_on')} between ${c.from} and ${c.to}`];
  if (c.ownerIds) parts.push(c.ownerIds.length ? sql`${col('owner_id')} in (${sql.join(c.ownerIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
  if (c.communeInsee) parts.push(sql`${col('commune_insee')} = ${c.communeInsee}`);
  return sql.join(parts, sql` and `);
}

const counts = async (q: Queryable, column: SQL, c: StatsCriteria): Promise<Count[]> =>
  (await queryRows<{ key: string; n: string }>(q, sql`select ${column} as key, count(*) as n from accompaniments where ${where(c)} group by 1 order by 2 desc, 1`)).map((r) => ({ key: r.key, n: Number(r.n) }));

export async function accompanimentStatistics(q: Queryable, c: StatsCriteria): Promise<Statistics> {
  const [totals] = await queryRows<{ total: string; minutes: string | null }>(q, sql`select count(*) as total, sum(duration_minutes) as minutes from accompaniments where ${where(c)}`);
  const bandCase = sql.raw(
    `case ${DURATION_BANDS.filter((b) => Number.isFinite(b.max))
      .map((b) => `when duration_minutes <= ${b.max} then '${b.label.replace(/'/g, "''")}'`)
      .join(' ')} else '${DURATION_BANDS.at(-1)!.label.replace(/'/g, "''")}' end`,
  );
  const [byLevel, byTheme, byPlace, byDurationRaw, byOutcome, monthly, collective] = await Promise.all([
    counts(q, sql`level`, c),
    (async () => (await queryRows<{ key: string; n: string }>(q, sql`select t as key, count(*) as n from accompaniments, unnest(themes) t where ${where(c)} group by 1 order by 2 desc, 1`)).map((r) => ({ key: r.key, n: Number(r.n) })))(),
    counts(q, sql`place`, c),
    counts(q, bandCase, c),
    counts(q, sql`outcome`, c),
    queryRows<{ month: string; total: string; avec: string; place: string }>(
      q,
      sql`select to_char(happened_on, 'YYYY-MM') as month, count(*) as total,
            count(*) filter (where level = 'faire_avec') as avec, count(*) filter (where level = 'faire_a_la_place') as place
          from accompaniments where ${where(c)} group by 1 order by 1`,
    ),
    queryRows<{ actions: string; attendees: string | null; first_time: string | null }>(q, sql`select count(*) as actions, sum(attendees) as attendees, sum(first_time) as first_time from collective_actions where ${where({ ...c, communeInsee: null })}`),
  ]);
  const byDuration = DURATION_BANDS.map((b) => ({ key: b.label, n: byDurationRaw.find((x) => x.key === b.label)?.n ?? 0 }));
  return {
    total: Number(totals?.total ?? 0),
    minutes: Number(totals?.minutes ?? 0),
    byLevel,
    byTheme,
    byPlace,
    byDuration,
    byOutcome,
    monthly: monthly.map((m) => ({ month: m.month, total: Number(m.total), faireAvec: Number(m.avec), faireALaPlace: Number(m.place) })),
    collective: { actions: Number(collective[0]?.actions ?? 0), attendees: Number(collective[0]?.attendees ?? 0), firstTime: Number(collective[0]?.first_time ?? 0) },
  };
}

/** Every record of the criteria, as rows for the CSV and XLSX exports (labels in French). */
export async function accompanimentRows(q: Queryable, c: StatsCriteria) {
  return queryRows<{ happened_on: string; owner_kind: string; owner_id: string; duration_minutes: number; place: string; level: string; themes: string[]; equipment: string[]; outcome: string; referred_to: string | null; service_name: string | null; commune_insee: string | null; code: string | null }>(
    q,
    sql`select a.happened_on::text as happened_on, a.owner_kind, a.owner_id, a.duration_minutes, a.place, a.level, a.themes, a.equipment, a.outcome, a.referred_to, sv.name as service_name, a.commune_insee, b.code
        from accompaniments a left join beneficiaries b on b.id = a.beneficiary_id left join services sv on sv.id = a.referred_service_id where ${where(c, 'a.')} order by a.happened_on, a.created_at limit 100000`,
  );
}
