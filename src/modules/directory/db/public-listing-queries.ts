// What the public pages of a place and of a structure read: published listings only.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { places, services, structures } from './directory.table.ts';
import type { PlaceRow, ServiceRow, StructureRow } from './listing-store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID: anything else never reaches the database (it would fail the uuid cast). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export interface PublicPlace {
  place: PlaceRow;
  structure: Pick<StructureRow, 'id' | 'name' | 'kind'> | null;
  services: ServiceRow[];
}

export async function getPublicPlace(q: Queryable, id: string): Promise<PublicPlace | null> {
  if (!isUuid(id)) return null;
  const [place] = await q
    .select()
    .from(places)
    .where(and(eq(places.id, id), eq(places.status, 'published')));
  if (!place) return null;
  const [structure, placeServices] = await Promise.all([
    place.structureId
      ? q
          .select({ id: structures.id, name: structures.name, kind: structures.kind })
          .from(structures)
          .where(eq(structures.id, place.structureId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    q
      .select()
      .from(services)
      .where(and(eq(services.placeId, id), eq(services.status, 'published')))
      .orderBy(asc(services.name)),
  ]);
  return { place, structure, services: placeServices };
}

export interface PublicStructure {
  structure: StructureRow;
  parent: Pick<StructureRow, 'id' | 'name'> | null;
  places: Array<Pick<PlaceRow, 'id' | 'name' | 'street' | 'postcode' | 'communeName'>>;
  services: Array<ServiceRow & { placeName: string | null }>;
}

export async function getPublicStructure(q: Queryable, id: string): Promise<PublicStructure | null> {
  if (!isUuid(id)) return null;
  const [structure] = await q.select().from(structures).where(eq(structures.id, id));
  if (!structure) return null;
  const [parent, structurePlaces, structureServices] = await Promise.all([
    structure.parentId
      ? q
          .select({ id: structures.id, name: structures.name })
          .from(structures)
          .where(eq(structures.id, structure.parentId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    q
      .select({ id: places.id, name: places.name, street: places.street, postcode: places.postcode, communeName: places.communeName })
      .from(places)
      .where(and(eq(places.structureId, id), eq(places.status, 'published')))
      .orderBy(asc(places.communeName), asc(places.name)),
    q
      .select({ service: services, placeName: places.name, placeStatus: places.status })
      .from(services)
      .leftJoin(places, eq(places.id, services.placeId))
      .where(and(eq(services.structureId, id), eq(services.status, 'published')))
      .orderBy(asc(services.name)),
  ]);
  return {
    structure,
    parent,
    places: structurePlaces,
    // A service received at a hidden place is still offered, but the hidden place is not named.
    services: structureServices.map((r) => ({ ...r.service, placeName: r.placeStatus === 'published' ? r.placeName : null })),
  };
}
