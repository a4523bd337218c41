import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { roleGrants, users } from '../db/accounts.table.ts';

export interface StructureMember {
  userId: string;
  email: string;
  displayName: string;
  status: 'invited' | 'active' | 'deactivated';
  grantedAt: Date;
}

/** People holding the structure_member role for a structure (invited ones too), by name. */
export async function listStructureMembers(q: Queryable, structureId: string): Promise<StructureMember[]> {
  return q
    .select({ userId: users.id, email: users.email, displayName: users.displayName, status: users.status, grantedAt: roleGrants.grantedAt })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'structure_member'), eq(roleGrants.structureId, structureId), isNull(roleGrants.revokedAt)))
    .orderBy(asc(users.displayName));
}

/** Names of users, for histories that show who changed what. */
export async function userNames(q: Queryable, ids: string[]): Promise<Map<string, { displayName: string; email: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await q.select({ id: users.id, displayName: users.displayName, email: users.email }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, { displayName: r.displayName, email: r.email }]));
}

/** The account with this e-mail address (normalised), if any: its id, kind and status. */
export { findUserByEmail } from '../db/users.queries.ts';
