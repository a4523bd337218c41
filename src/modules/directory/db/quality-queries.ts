// The quality of the directory as the département team measures it: listings up to date, updated by the
// structures themselves, missing coordinates, hours or contact, without anyone to edit them. One aggregate
// query for the dashboard; the same conditions list the listings behind each figure.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { escapeLike } from '../../../platform/db/escape-like.ts';
import type { ListingType } from '../domain/change-display.ts';

export const QUALITY_FILTERS = ['a-jour', 'perimees', 'par-les-structures', 'a-geolocaliser', 'sans-horaires', 'sans-contact', 'sans-editeur'] as const;
export type QualityFilter = (typeof QUALITY_FILTERS)[number];

export const QUALITY_FILTER_LABELS: Record<QualityFilter, string> = {
  'a-jour': 'À jour',
  perimees: 'À mettre à jour',
  'par-les-structures': 'Mises à jour par les structures elles-mêmes',
  'a-geolocaliser': 'À géolocaliser (sans coordonnées)',
  'sans-horaires': 'Sans horaires',
  'sans-contact': 'Sans téléphone ni adresse e-mail',
  'sans-editeur': 'Sans éditeur (aucun membre de la structure)',
};

interface TypeSql {
  from: SQL;
  /** The structure whose members edit the listing. */
  owner: SQL;
  hasHours: boolean;
  hasCoordinates: boolean;
  noContact: SQL;
  commune: SQL;
}

// Only published places and services count: hidden ones are out of the directory.
const TYPES: Record<ListingType, TypeSql> = {
  place: {
    from: sql`places x where x.status = 'published'`,
    owner: sql`x.structure_id`,
    hasHours: true,
    hasCoordinates: true,
    noContact: sql`(coalesce(x.phone, '') = '' and cardinality(x.emails) = 0)`,
    commune: sql`x.commune_name`,
  },
  service: {
    from: sql`services x where x.status = 'published'`,
    owner: sql`x.structure_id`,
    hasHours: false,
    hasCoordinates: false,
    noContact: sql`(coalesce(x.phone, '') = '' and coalesce(x.email, '') = '')`,
    commune: sql`(select c.name from communes c where c.insee = (select s.commune_insee from structures s where s.id = x.structure_id))`,
  },
  structure: {
    from: sql`structures x where true`,
    owner: sql`x.id`,
    hasHours: false,
    hasCoordinates: false,
    noContact: sql`(coalesce(x.phone, '') = '' and coalesce(x.email, '') = '')`,
    commune: sql`(select c.name from communes c where c.insee = x.commune_insee)`,
  },
};

function condition(type: ListingType, filter: QualityFilter, today: string): SQL {
  const t = TYPES[type];
  switch (filter) {
    case 'a-jour':
      return sql`(x.updated_on + x.update_frequency_days >= ${today}::date)`;
    case 'perimees':
      return sql`(x.updated_on is null or x.updated_on + x.update_frequency_days < ${today}::date)`;
    case 'par-les-structures':
      return sql`(x.last_editor_kind = 'structure')`;
    case 'a-geolocaliser':
      return t.hasCoordinates ? sql`(x.latitude is null or x.longitude is null)` : sql`false`;
    case 'sans-horaires':
      return t.hasHours ? sql`(coalesce(x.opening_hours, '') = '')` : sql`false`;
    case 'sans-contact':
      return t.noContact;
    case 'sans-editeur':
      // A member whose account is deactivated edits nothing; an invited one soon will.
      return sql`not exists (select 1 from role_grants g join users u on u.id = g.user_id
        where g.role = 'structure_member' and g.revoked_at is null and u.status <> 'deactivated' and g.structure_id = ${t.owner})`;
  }
}

export interface QualityFigures {
  type: ListingType;
  total: number;
  /** Null when the figure does not apply to the type (hours and coordinates are the places'). */
  counts: Record<QualityFilter, number | null>;
}

/** Every figure for the three types, in one query. */
export async function qualityFigures(q: Queryable, today: string): Promise<QualityFigures[]> {
  const parts = (Object.keys(TYPES) as ListingType[]).map((type) => {
    const counts = QUALITY_FILTERS.map((f, i) => sql`count(*) filter (where ${condition(type, f, today)})::int as ${sql.raw(`c${i}`)}`);
    return sql`select ${type}::text as type, count(*)::int as total, ${sql.join(counts, sql`, `)} from ${TYPES[type].from}`;
  });
  const rows = await queryRows<Record<string, unknown>>(q, sql.join(parts, sql` union all `));
  return rows.map((r) => {
    const type = r.type as ListingType;
    const counts = Object.fromEntries(
      QUALITY_FILTERS.map((f, i) => {
        const applies = (f !== 'a-geolocaliser' || TYPES[type].hasCoordinates) && (f !== 'sans-horaires' || TYPES[type].hasHours);
        return [f, applies ? Number(r[`c${i}`]) : null];
      }),
    ) as Record<QualityFilter, number | null>;
    return { type, total: Number(r.total), counts };
  });
}

export interface QualityListItem {
  id: string;
  name: string;
  commune: string | null;
  structureId: string | null;
  structureName: string | null;
  updatedOn: string | null;
  lastEditorKind: string | null;
}

/** The listings behind one figure, by name, one page at a time. */
export async function listQualityItems(
  q: Queryable,
  type: ListingType,
  filter: QualityFilter,
  today: string,
  page: { number: number; size: number },
  /** Part of the name. */
  text = '',
): Promise<{ items: QualityListItem[]; total: number }> {
  const t = TYPES[type];
  const byName = text ? sql` and x.name ilike ${`%${escapeLike(text)}%`}` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    q,
    sql`select x.id, x.name, ${t.commune} as commune, ${t.owner} as structure_id,
          (select s.name from structures s where s.id = ${t.owner}) as structure_name,
          x.updated_on::text as updated_on, x.last_editor_kind, count(*) over ()::int as total
        from ${t.from} and ${condition(type, filter, today)}${byName}
        order by lower(x.name), x.id
        limit ${page.size} offset ${(page.number - 1) * page.size}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      commune: (r.commune as string | null) ?? null,
      structureId: (r.structure_id as string | null) ?? null,
      structureName: (r.structure_name as string | null) ?? null,
      updatedOn: (r.updated_on as string | null) ?? null,
      lastEditorKind: (r.last_editor_kind as string | null) ?? null,
    })),
  };
}
