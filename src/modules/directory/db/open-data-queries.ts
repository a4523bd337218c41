// Reads for the open-data exports: published listings in batches (keyset on the id, so that memory stays flat
// and no long transaction is held however large the directory), and a cheap fingerprint of each export
// (count and latest change) for its ETag and Last-Modified.
import { and, asc, eq, exists, gt, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { places, services, structures } from './directory.table.ts';
import type { PlaceRow, ServiceRow, StructureRow } from './listing-store.ts';

export const EXPORT_BATCH = 1000;

export interface Fingerprint {
  readonly count: number;
  /** The latest change among the exported rows; null when there are none. */
  readonly lastModified: Date | null;
}

const published = eq(places.status, 'published');
const geolocated = and(published, isNotNull(places.latitude), isNotNull(places.longitude))!;
const publishedService = eq(services.status, 'published');
// A structure is published when one of its places or services is.
const structureIsPublished = (q: Queryable) =>
  or(
    exists(q.select({ one: sql`1` }).from(places).where(and(eq(places.structureId, structures.id), published))),
    exists(q.select({ one: sql`1` }).from(services).where(and(eq(services.structureId, structures.id), publishedService))),
  )!;

export type ExportKind = 'places' | 'geolocated-places' | 'structures' | 'services';

async function fingerprintOf(q: Queryable, table: SQL, where: SQL): Promise<Fingerprint> {
  const [row] = await queryRows<{ n: number; last: string | Date | null }>(q, sql`select count(*)::int as n, max(updated_at) as last from ${table} where ${where}`);
  const last = row?.last ?? null;
  return { count: row?.n ?? 0, lastModified: last === null ? null : new Date(last) };
}

export function exportFingerprint(q: Queryable, kind: ExportKind): Promise<Fingerprint> {
  switch (kind) {
    case 'places':
      return fingerprintOf(q, sql`places`, sql`status = 'published'`);
    case 'geolocated-places':
      return fingerprintOf(q, sql`places`, sql`status = 'published' and latitude is not null and longitude is not null`);
    case 'services':
      return fingerprintOf(q, sql`services`, sql`status = 'published'`);
    case 'structures':
      return fingerprintOf(
        q,
        sql`structures s`,
        sql`exists (select 1 from places p where p.structure_id = s.id and p.status = 'published')
            or exists (select 1 from services v where v.structure_id = s.id and v.status = 'published')`,
      );
  }
}

export interface ExportedPlace {
  readonly place: PlaceRow;
  /** The SIRET of the place's structure, when the place has no pivot of its own. */
  readonly structureSiret: string | null;
}

/** Published places in id order, batch by batch; only geolocated ones when asked. */
export async function* publishedPlaces(q: Queryable, options: { geolocatedOnly?: boolean; batch?: number } = {}): AsyncGenerator<ExportedPlace> {
  const batch = options.batch ?? EXPORT_BATCH;
  let after: string | null = null;
  for (;;) {
    const filter = options.geolocatedOnly ? geolocated : published;
    const rows: { place: PlaceRow; structureSiret: string | null }[] = await q
      .select({ place: places, structureSiret: structures.siret })
      .from(places)
      .leftJoin(structures, eq(structures.id, places.structureId))
      .where(after === null ? filter : and(filter, gt(places.id, after)))
      .orderBy(asc(places.id))
      .limit(batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.place.id;
  }
}

export interface ExportedStructure {
  readonly structure: StructureRow;
  readonly communeName: string | null;
}

export async function* publishedStructures(q: Queryable, batch = EXPORT_BATCH): AsyncGenerator<ExportedStructure> {
  let after: string | null = null;
  for (;;) {
    const filter = structureIsPublished(q);
    const rows: ExportedStructure[] = await q
      .select({ structure: structures, communeName: sql<string | null>`(select name from communes where insee = ${structures.communeInsee})` })
      .from(structures)
      .where(after === null ? filter : and(filter, gt(structures.id, after)))
      .orderBy(asc(structures.id))
      .limit(batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.structure.id;
  }
}

export interface ExportedService {
  readonly service: ServiceRow;
  /** Where the service is offered, when it is tied to a place. */
  readonly place: Pick<PlaceRow, 'street' | 'complement' | 'postcode' | 'communeName' | 'communeInsee' | 'latitude' | 'longitude' | 'openingHours'> | null;
}

export async function* publishedServices(q: Queryable, batch = EXPORT_BATCH): AsyncGenerator<ExportedService> {
  let after: string | null = null;
  for (;;) {
    const rows = await q
      .select({
        service: services,
        street: places.street,
        complement: places.complement,
        postcode: places.postcode,
        communeName: places.communeName,
        communeInsee: places.communeInsee,
        latitude: places.latitude,
        longitude: places.longitude,
        openingHours: places.openingHours,
      })
      .from(services)
      .leftJoin(places, eq(places.id, services.placeId))
      .where(after === null ? publishedService : and(publishedService, gt(services.id, after)))
      .orderBy(asc(services.id))
      .limit(batch);
    for (const r of rows) {
      const { service, ...place } = r;
      yield { service, place: place.street === null ? null : (place as ExportedService['place']) };
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.service.id;
  }
}
