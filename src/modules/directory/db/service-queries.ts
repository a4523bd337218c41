// Read-only queries on services for the other modules (orientation): a service with its structure and contact.
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { services, structures } from './directory.table.ts';

export interface ServiceWithStructure {
  id: string;
  name: string;
  summary: string | null;
  email: string | null;
  phone: string | null;
  status: 'published' | 'hidden';
  structure: { id: string; name: string; email: string | null; phone: string | null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The service, its structure and their contacts; undefined for an unknown or malformed id. */
export async function getService(q: Queryable, id: string): Promise<ServiceWithStructure | undefined> {
  // A malformed id would make PostgreSQL fail on the uuid cast: it is simply not a service.
  if (!UUID.test(id)) return undefined;
  const [row] = await q
    .select({
      id: services.id,
      name: services.name,
      summary: services.summary,
      email: services.email,
      phone: services.phone,
      status: services.status,
      structureId: structures.id,
      structureName: structures.name,
      structureEmail: structures.email,
      structurePhone: structures.phone,
    })
    .from(services)
    .innerJoin(structures, eq(structures.id, services.structureId))
    .where(eq(services.id, id));
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    summary: row.summary,
    email: row.email,
    phone: row.phone,
    status: row.status,
    structure: { id: row.structureId, name: row.structureName, email: row.structureEmail, phone: row.structurePhone },
  };
}

/** Names of services and structures by id, for lists that show many of them. */
export async function listingNames(
  q: Queryable,
  ids: { serviceIds: string[]; structureIds: string[] },
): Promise<{ services: Map<string, string>; structures: Map<string, string> }> {
  const serviceIds = [...new Set(ids.serviceIds)];
  const structureIds = [...new Set(ids.structureIds)];
  const [s, t] = await Promise.all([
    serviceIds.length ? q.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, serviceIds)) : [],
    structureIds.length
      ? q.select({ id: structures.id, name: structures.name }).from(structures).where(inArray(structures.id, structureIds))
      : [],
  ]);
  return { services: new Map(s.map((r) => [r.id, r.name])), structures: new Map(t.map((r) => [r.id, r.name])) };
}
