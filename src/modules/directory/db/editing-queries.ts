// Reads of the self-editing screens: a structure's listings, one listing, its recent history, and the
// structures a person may claim.
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { escapeLike } from '../../../platform/db/escape-like.ts';
import { listingChanges, places, services, structureClaims, structures } from './directory.table.ts';
import type { PlaceRow, ServiceRow, StructureRow } from './listing-store.ts';
import { isUuid } from './public-listing-queries.ts';

// Ids come from URLs: anything that is not a UUID is unknown (and must not reach a uuid column).

export async function findStructure(q: Queryable, id: string): Promise<StructureRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select().from(structures).where(eq(structures.id, id));
  return row;
}

export async function findPlace(q: Queryable, id: string): Promise<PlaceRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select().from(places).where(eq(places.id, id));
  return row;
}

export async function findService(q: Queryable, id: string): Promise<ServiceRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select().from(services).where(eq(services.id, id));
  return row;
}

export async function structuresByIds(q: Queryable, ids: string[]): Promise<StructureRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return q.select().from(structures).where(inArray(structures.id, valid)).orderBy(asc(structures.name));
}

export async function placesOfStructure(q: Queryable, structureId: string): Promise<PlaceRow[]> {
  return q.select().from(places).where(eq(places.structureId, structureId)).orderBy(asc(places.name));
}

export async function servicesOfStructure(q: Queryable, structureId: string): Promise<ServiceRow[]> {
  return q.select().from(services).where(eq(services.structureId, structureId)).orderBy(asc(services.name));
}

export type HistoryRow = typeof listingChanges.$inferSelect;

/** The latest changes of one listing, newest first. */
export async function listingHistory(q: Queryable, entityType: 'structure' | 'place' | 'service', id: string, limit = 30): Promise<HistoryRow[]> {
  return q
    .select()
    .from(listingChanges)
    .where(and(eq(listingChanges.entityType, entityType), eq(listingChanges.entityId, id)))
    .orderBy(desc(listingChanges.changedAt), asc(listingChanges.field))
    .limit(limit);
}

export interface ClaimCandidate {
  id: string;
  name: string;
  kind: StructureRow['kind'];
  siret: string | null;
  postcode: string | null;
  communeInsee: string | null;
}

/** Structures whose name contains the text, or whose SIRET (or SIREN) starts with the digits typed. */
export async function findStructuresToClaim(q: Queryable, text: string, limit = 20): Promise<ClaimCandidate[]> {
  const query = text.trim().slice(0, 100);
  if (!query) return [];
  const digits = query.replace(/[\s.]/gu, '');
  const cols = { id: structures.id, name: structures.name, kind: structures.kind, siret: structures.siret, postcode: structures.postcode, communeInsee: structures.communeInsee };
  const byName = sql`lower(${structures.name}) like ${`%${escapeLike(query.toLowerCase())}%`}`;
  const where = /^\d{9,14}$/u.test(digits) ? or(ilike(structures.siret, `${digits}%`), byName) : byName;
  return q.select(cols).from(structures).where(where).orderBy(asc(structures.name)).limit(limit);
}

export type ClaimRow = typeof structureClaims.$inferSelect;

export async function pendingClaimOf(q: Queryable, userId: string, structureId: string): Promise<ClaimRow | undefined> {
  const [row] = await q
    .select()
    .from(structureClaims)
    .where(and(eq(structureClaims.userId, userId), eq(structureClaims.structureId, structureId), eq(structureClaims.status, 'pending')))
    .limit(1);
  return row;
}

/** A person's claims, newest first (to show those still waiting on /ma-structure). */
export async function claimsOfUser(q: Queryable, userId: string): Promise<Array<ClaimRow & { structureName: string }>> {
  const rows = await q
    .select({ claim: structureClaims, structureName: structures.name })
    .from(structureClaims)
    .innerJoin(structures, eq(structures.id, structureClaims.structureId))
    .where(eq(structureClaims.userId, userId))
    .orderBy(desc(structureClaims.createdAt));
  return rows.map((r) => ({ ...r.claim, structureName: r.structureName }));
}
