import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { structures } from './directory.table.ts';

export interface StructureSummary {
  id: string;
  name: string;
  kind: (typeof structures.$inferSelect)['kind'];
}

export async function listStructures(q: Queryable): Promise<StructureSummary[]> {
  return q.select({ id: structures.id, name: structures.name, kind: structures.kind }).from(structures).orderBy(asc(structures.name));
}

export async function getStructure(q: Queryable, id: string): Promise<StructureSummary | undefined> {
  const [row] = await q.select({ id: structures.id, name: structures.name, kind: structures.kind }).from(structures).where(eq(structures.id, id));
  return row;
}
