// Named read queries on social centres and their sectorisation.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import type { SocialCentre } from '../domain/social-centre.ts';
import { communeColumns, toSummary, type CommuneSummary } from '../use-cases/search-communes.ts';

interface CentreRow extends Record<string, unknown> {
  id: string;
  kind: 'MDS' | 'CDAS';
  name: string;
  departement_code: string;
  commune_insee: string;
  commune_name: string | null;
  address: string;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
}

const centreColumns = sql`s.id, s.kind, s.name, s.departement_code, s.commune_insee, c.name as commune_name,
  s.address, s.phone, s.email, s.opening_hours`;
const centreSelect = sql`select ${centreColumns} from social_centres s left join communes c on c.insee = s.commune_insee`;

function toCentre(r: CentreRow): SocialCentre {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    departementCode: r.departement_code,
    communeInsee: r.commune_insee,
    communeName: r.commune_name ?? r.commune_insee,
    address: r.address,
    phone: r.phone,
    email: r.email,
    openingHours: r.opening_hours,
  };
}

export interface SocialCentreListItem extends SocialCentre {
  communeCount: number;
}

export async function listSocialCentres(q: Queryable, departementCode: string): Promise<SocialCentreListItem[]> {
  const rows = await queryRows<CentreRow & { commune_count: number | string }>(
    q,
    sql`select ${centreColumns}, n.commune_count
        from social_centres s left join communes c on c.insee = s.commune_insee
        left join lateral (select count(*) as commune_count from social_centre_communes sc where sc.social_centre_id = s.id) n on true
        where s.departement_code = ${departementCode}
        order by s.name`,
  );
  return rows.map((r) => ({ ...toCentre(r), communeCount: Number(r.commune_count) }));
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getSocialCentre(q: Queryable, id: string): Promise<SocialCentre | null> {
  // An id from a URL may be anything: PostgreSQL would reject a malformed uuid with an error, not an empty result.
  if (!uuidRe.test(id)) return null;
  const rows = await queryRows<CentreRow>(q, sql`${centreSelect} where s.id = ${id}`);
  return rows[0] ? toCentre(rows[0]) : null;
}

/** The communes a centre serves, in name order. */
export async function communesServedBy(q: Queryable, centreId: string): Promise<CommuneSummary[]> {
  if (!uuidRe.test(centreId)) return [];
  const rows = await queryRows<Parameters<typeof toSummary>[0]>(
    q,
    sql`select ${communeColumns} from communes
        where insee in (select commune_insee from social_centre_communes where social_centre_id = ${centreId})
        order by search_name`,
  );
  return rows.map(toSummary);
}

/** The centre serving a commune (each commune has at most one), or null. */
export async function findCentreForCommune(q: Queryable, insee: string): Promise<SocialCentre | null> {
  const rows = await queryRows<CentreRow>(
    q,
    sql`${centreSelect} join social_centre_communes sc on sc.social_centre_id = s.id where sc.commune_insee = ${insee}`,
  );
  return rows[0] ? toCentre(rows[0]) : null;
}
