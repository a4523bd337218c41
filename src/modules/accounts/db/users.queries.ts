import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import type { RoleScope } from '../../../platform/http/context.ts';
import { roleGrants, users } from './accounts.table.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(q: Queryable, normalisedEmail: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(sql`lower(${users.email}) = ${normalisedEmail}`).limit(1);
  return row;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function activeRoles(q: Queryable, userId: string): Promise<RoleScope[]> {
  const rows = await q
    .select({
      role: roleGrants.role,
      socialCentreId: roleGrants.socialCentreId,
      structureId: roleGrants.structureId,
      communeCodes: roleGrants.communeCodes,
      epciCodes: roleGrants.epciCodes,
    })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.grantedAt);
  return rows;
}
