// The public search of places: by need, near a commune or a position, with filters, ordered by distance.
// Distances need no PostGIS nor `cube` (PGlite 0.5.14 must not load cube, see ARCHITECTURE.md): a bounding
// box on the (latitude, longitude) btree keeps the candidates to a few hundred rows, then the haversine
// formula in SQL measures and orders them.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { communeLabel, resolveCommuneField, type CommuneSummary } from '../../territory/index.ts';
import { isFrenchPublicHoliday, parisWeekMinute } from '../../../platform/time/week.ts';
import {
  DEFAULT_RADIUS_KM,
  LABELS,
  NEEDS,
  PUBLICS,
  RADII_KM,
  needBySlug,
  type LabelSlug,
  type NeedSlug,
  type PublicSlug,
  type RadiusKm,
} from '../domain/needs.ts';

export const SEARCH_PAGE_SIZE = 20;
const EARTH_RADIUS_M = 6_371_000;
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

export interface SearchCriteria {
  needs: NeedSlug[];
  /** What was typed in the commune field, and the INSEE code chosen (autocomplete, radio) or resolved. */
  commune: { text: string; insee: string | null };
  /** From the browser's geolocation; used only when no commune is typed. */
  position: { lat: number; lon: number } | null;
  radiusKm: RadiusKm;
  publics: PublicSlug[];
  free: boolean;
  openNow: boolean;
  openSaturday: boolean;
  labels: LabelSlug[];
  accessible: boolean;
  page: number;
}

export interface ParsedSearch {
  criteria: SearchCriteria;
  /** True when the address carries a search (else the page shows the form alone). */
  asked: boolean;
  /** Faults a person must fix, in French, by field name. Unknown values are ignored instead. */
  errors: Array<{ field: 'commune'; message: string }>;
}

export const EMPTY_CRITERIA: SearchCriteria = {
  needs: [],
  commune: { text: '', insee: null },
  position: null,
  radiusKm: DEFAULT_RADIUS_KM,
  publics: [],
  free: false,
  openNow: false,
  openSaturday: false,
  labels: [],
  accessible: false,
  page: 1,
};

/** Names of the search parameters in addresses: French, because people share and read these links. */
export const SEARCH_PARAMS = ['besoin', 'commune', 'communeInsee', 'lat', 'lon', 'rayon', 'public', 'gratuit', 'ouvert', 'label', 'accessible', 'page'] as const;

const known = <T extends string>(values: readonly T[]) =>
  z
    .array(z.string())
    .transform((list) => [...new Set(list.filter((v): v is T => (values as readonly string[]).includes(v)))])
    .catch([]);

const yes = z
  .string()
  .optional()
  .transform((v) => v === 'oui')
  .catch(false);

const coordinate = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/)
    .transform(Number)
    .refine((n) => Math.abs(n) <= max);

const rawSchema = z.object({
  besoin: known(NEEDS.map((n) => n.slug)),
  public: known(PUBLICS.map((p) => p.slug)),
  label: known(LABELS.map((l) => l.slug)),
  ouvert: known(['maintenant', 'samedi'] as const),
  commune: z.string().max(200).catch('').default(''),
  communeInsee: z
    .string()
    .trim()
    .regex(/^[0-9][0-9AB][0-9]{3}$/)
    .optional()
    .catch(undefined),
  rayon: z.coerce
    .number()
    .refine((n): n is RadiusKm => (RADII_KM as readonly number[]).includes(n))
    .catch(DEFAULT_RADIUS_KM)
    .default(DEFAULT_RADIUS_KM),
  gratuit: yes,
  accessible: yes,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/**
 * Reads a search from an address. Unknown needs, labels, radii or pages are ignored (a stale or hand-edited
 * link still gives results); only a position that cannot be read is reported, because the person chose it.
 */
export function parseSearchCriteria(params: URLSearchParams): ParsedSearch {
  const first = (k: string) => params.get(k) ?? undefined;
  const raw = rawSchema.parse({
    besoin: params.getAll('besoin'),
    public: params.getAll('public'),
    label: params.getAll('label'),
    ouvert: params.getAll('ouvert'),
    commune: first('commune'),
    communeInsee: first('communeInsee'),
    rayon: first('rayon'),
    gratuit: first('gratuit'),
    accessible: first('accessible'),
    page: first('page'),
  });
  const errors: ParsedSearch['errors'] = [];
  const text = raw.commune.trim();
  let position: SearchCriteria['position'] = null;
  const lat = first('lat');
  const lon = first('lon');
  // A typed commune wins over a position: the person changed their mind after using « Utiliser ma position ».
  if (!text && ((lat ?? '') !== '' || (lon ?? '') !== '')) {
    const la = coordinate(90).safeParse(lat ?? '');
    const lo = coordinate(180).safeParse(lon ?? '');
    if (la.success && lo.success) position = { lat: la.data, lon: lo.data };
    else errors.push({ field: 'commune', message: 'Votre position n’a pas pu être lue. Saisissez le nom ou le code postal de votre commune.' });
  }
  const criteria: SearchCriteria = {
    needs: raw.besoin,
    commune: { text, insee: raw.communeInsee ?? null },
    position,
    radiusKm: raw.rayon,
    publics: raw.public,
    free: raw.gratuit,
    openNow: raw.ouvert.includes('maintenant'),
    openSaturday: raw.ouvert.includes('samedi'),
    labels: raw.label,
    accessible: raw.accessible,
    page: raw.page,
  };
  const asked = SEARCH_PARAMS.some((k) => params.has(k));
  return { criteria, asked, errors };
}

/** The address of a search (for pagination, the print page, the embed): only what differs from the defaults. */
export function searchQueryString(c: SearchCriteria, overrides: { page?: number } = {}): string {
  const p = new URLSearchParams();
  for (const n of c.needs) p.append('besoin', n);
  if (c.commune.text) p.set('commune', c.commune.text);
  if (c.commune.insee) p.set('communeInsee', c.commune.insee);
  if (c.position && !c.commune.text) {
    p.set('lat', String(c.position.lat));
    p.set('lon', String(c.position.lon));
  }
  if (c.radiusKm !== DEFAULT_RADIUS_KM) p.set('rayon', String(c.radiusKm));
  for (const v of c.publics) p.append('public', v);
  if (c.free) p.set('gratuit', 'oui');
  if (c.openNow) p.append('ouvert', 'maintenant');
  if (c.openSaturday) p.append('ouvert', 'samedi');
  for (const l of c.labels) p.append('label', l);
  if (c.accessible) p.set('accessible', 'oui');
  const page = overrides.page ?? c.page;
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  // Even an empty search must read as « asked » when followed (the form submitted with nothing chosen).
  return s || 'besoin=';
}

export interface PlaceHit {
  id: string;
  name: string;
  street: string;
  complement: string | null;
  postcode: string;
  communeName: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  openingHours: string | null;
  /** Schema `services` values. */
  services: string[];
  free: boolean;
  labels: LabelSlug[];
  accessibilityUrl: string | null;
  /** Metres from the search's origin; null when the search has no origin. */
  distanceMetres: number | null;
  openNow: boolean;
}

export type SearchOrigin =
  | { kind: 'none' }
  | { kind: 'position'; lat: number; lon: number }
  /** `from`: the commune's official centre, or (no centre known) the average position of its places. */
  | { kind: 'commune'; insee: string; name: string; lat: number; lon: number; from: 'centre' | 'places' }
  /** The commune's centre is unknown and none of its places has coordinates: its places, without distances. */
  | { kind: 'commune-without-distance'; insee: string; name: string };

export interface SearchResults {
  hits: PlaceHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  origin: SearchOrigin;
}

interface HitRow extends Record<string, unknown> {
  id: string;
  name: string;
  street: string;
  complement: string | null;
  postcode: string;
  commune_name: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  opening_hours: string | null;
  services: string[];
  fees: string[];
  national_programs: string[];
  accepts_pass_numerique: boolean;
  departement_centre: boolean;
  accessibility_url: string | null;
  open_now: boolean;
  distance: number | string | null;
  total: number | string;
}

const textArray = (values: readonly string[]) => sql`array[${sql.join(
  values.map((v) => sql`${v}`),
  sql`, `,
)}]::text[]`;

/** SQL conditions for everything but the place: needs and filters, only published places. */
function filters(c: SearchCriteria, now: Date): SQL[] {
  const where: SQL[] = [sql`p.status = 'published'`];
  const services = c.needs.map((s) => needBySlug(s)!.service);
  // Several needs: places offering at least one of them (within a group of choices « or », across groups « and »).
  if (services.length) where.push(sql`p.services && ${textArray(services)}`);
  const publics = c.publics.map((slug) => PUBLICS.find((p) => p.slug === slug)!.value);
  if (publics.length) where.push(sql`p.publics && ${textArray(publics)}`);
  if (c.free) where.push(sql`'Gratuit' = any(p.fees)`);
  if (c.openNow) where.push(sql`(${openNowSql(now)})`);
  if (c.openSaturday) where.push(sql`p.open_week && '{[7200,8640)}'::int4multirange`);
  if (c.labels.length) {
    const programs = LABELS.filter((l) => c.labels.includes(l.slug) && l.program).map((l) => l.program!);
    const any: SQL[] = [];
    if (programs.length) any.push(sql`p.national_programs && ${textArray(programs)}`);
    if (c.labels.includes('pass-numerique')) any.push(sql`p.accepts_pass_numerique`);
    if (c.labels.includes('centre-social-departement')) any.push(sql`p.social_centre_id is not null`);
    where.push(sql`(${sql.join(any, sql` or `)})`);
  }
  if (c.accessible) where.push(sql`(p.accessibility_url is not null or cardinality(p.specific_support) > 0)`);
  return where;
}

/** « Open now »: within the week's open minutes, unless today is a public holiday the place closes on. */
function openNowSql(now: Date): SQL {
  const minute = parisWeekMinute(now);
  const holiday = isFrenchPublicHoliday(now);
  return holiday
    ? sql`coalesce(p.open_week @> ${minute}::int4, false) and not p.closed_on_public_holidays`
    : sql`coalesce(p.open_week @> ${minute}::int4, false)`;
}

const columns = (now: Date) => sql`p.id, p.name, p.street, p.complement, p.postcode, p.commune_name, p.latitude, p.longitude, p.phone,
  p.opening_hours, p.services, p.fees, p.national_programs, p.accepts_pass_numerique,
  p.social_centre_id is not null as departement_centre, p.accessibility_url, (${openNowSql(now)}) as open_now`;

function haversine(lat: number, lon: number): SQL {
  return sql`${2 * EARTH_RADIUS_M}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(p.latitude - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ${lon}::float8) / 2), 2))))`;
}

function toHit(r: HitRow): PlaceHit {
  const labels: LabelSlug[] = [];
  for (const l of LABELS) if (l.program && r.national_programs.includes(l.program)) labels.push(l.slug);
  if (r.accepts_pass_numerique) labels.push('pass-numerique');
  if (r.departement_centre) labels.push('centre-social-departement');
  return {
    id: r.id,
    name: r.name,
    street: r.street,
    complement: r.complement,
    postcode: r.postcode,
    communeName: r.commune_name,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    phone: r.phone,
    openingHours: r.opening_hours,
    services: r.services,
    free: r.fees.includes('Gratuit'),
    labels,
    accessibilityUrl: r.accessibility_url,
    distanceMetres: r.distance === null ? null : Number(r.distance),
    openNow: !!r.open_now,
  };
}

/** Where distances are measured from. */
async function findOrigin(q: Queryable, c: SearchCriteria): Promise<SearchOrigin> {
  if (c.commune.insee) {
    const [commune] = await queryRows<{ name: string; latitude: number | null; longitude: number | null }>(
      q,
      sql`select name, latitude, longitude from communes where insee = ${c.commune.insee}`,
    );
    if (!commune) return { kind: 'none' };
    const base = { insee: c.commune.insee, name: commune.name };
    if (commune.latitude !== null && commune.longitude !== null) {
      return { kind: 'commune', ...base, lat: Number(commune.latitude), lon: Number(commune.longitude), from: 'centre' };
    }
    // No official centre imported yet (`relais import communes-centres`): the middle of the commune's own places.
    const [avg] = await queryRows<{ lat: number | null; lon: number | null }>(
      q,
      sql`select avg(latitude) as lat, avg(longitude) as lon from places
          where commune_insee = ${c.commune.insee} and status = 'published' and latitude is not null and longitude is not null`,
    );
    if (avg && avg.lat !== null && avg.lon !== null) return { kind: 'commune', ...base, lat: Number(avg.lat), lon: Number(avg.lon), from: 'places' };
    return { kind: 'commune-without-distance', ...base };
  }
  if (c.position) return { kind: 'position', lat: c.position.lat, lon: c.position.lon };
  return { kind: 'none' };
}

/**
 * One page of the places matching the criteria, nearest first, with the total. The commune must already be
 * resolved to its INSEE code (resolveCommuneField); a commune text without a code is ignored here.
 */
export async function searchPlaces(
  q: Queryable,
  criteria: SearchCriteria,
  now: Date,
  opts: { pageSize?: number; /** Only places in these communes (the embed of an EPCI's site). */ communes?: readonly string[] } = {},
): Promise<SearchResults> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? SEARCH_PAGE_SIZE, 1), 200);
  const page = Math.max(1, Math.floor(criteria.page));
  const offset = (page - 1) * pageSize;
  const origin = await findOrigin(q, criteria);
  const where = filters(criteria, now);
  if (opts.communes) where.push(opts.communes.length ? sql`p.commune_insee = any(${textArray(opts.communes)})` : sql`false`);
  let query: SQL;
  if (origin.kind === 'commune' || origin.kind === 'position') {
    const radius = criteria.radiusKm * 1000;
    const dLat = radius / METRES_PER_DEGREE;
    // A degree of longitude shrinks with latitude: take the box's edge nearest a pole so the box holds the circle.
    const edgeLat = Math.min(89, Math.abs(origin.lat) + dLat);
    const dLon = Math.min(180, radius / (METRES_PER_DEGREE * Math.cos((edgeLat * Math.PI) / 180)));
    where.push(
      sql`p.latitude between ${origin.lat - dLat}::float8 and ${origin.lat + dLat}::float8`,
      sql`p.longitude between ${origin.lon - dLon}::float8 and ${origin.lon + dLon}::float8`,
    );
    query = sql`select s.*, count(*) over () as total from (
        select ${columns(now)}, ${haversine(origin.lat, origin.lon)} as distance
        from places p where ${sql.join(where, sql` and `)}
      ) s where s.distance <= ${radius}::float8
      order by s.distance, s.name, s.id limit ${pageSize} offset ${offset}`;
  } else {
    if (origin.kind === 'commune-without-distance') where.push(sql`p.commune_insee = ${origin.insee}`);
    query = sql`select ${columns(now)}, null::float8 as distance, count(*) over () as total
      from places p where ${sql.join(where, sql` and `)}
      order by p.commune_name, p.name, p.id limit ${pageSize} offset ${offset}`;
  }
  const rows = await queryRows<HitRow>(q, query);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page: the window count is not there to read, so count apart (rare: a stale link).
    const counted = await searchPlaces(q, { ...criteria, page: 1 }, now, { ...opts, pageSize });
    total = counted.total;
  }
  return { hits: rows.map(toHit), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), origin };
}

export type ResolvedSearch =
  | { ok: true; criteria: SearchCriteria }
  | { ok: false; criteria: SearchCriteria; message: string; candidates?: CommuneSummary[] | undefined };

/**
 * Turns the typed commune into its INSEE code (without JavaScript the server matches the text; several matches
 * make the form ask which one). The criteria come back with the commune's full label, as the field shows it.
 */
export async function resolveSearchCommune(q: Queryable, criteria: SearchCriteria): Promise<ResolvedSearch> {
  // An address may carry the code alone (a link from a commune's page, the embed): it is enough.
  if (!criteria.commune.text && !criteria.commune.insee) return { ok: true, criteria };
  const r = await resolveCommuneField(q, criteria.commune);
  if (r.kind === 'found') return { ok: true, criteria: { ...criteria, commune: { text: communeLabel(r.commune), insee: r.commune.insee } } };
  if (r.kind === 'empty') return { ok: true, criteria: { ...criteria, commune: { text: '', insee: null } } };
  return { ok: false, criteria: { ...criteria, commune: { ...criteria.commune, insee: null } }, message: r.message, ...(r.kind === 'ambiguous' ? { candidates: r.candidates } : {}) };
}
