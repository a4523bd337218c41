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

/** E-mail addresses of the active staff holding an active role scoped to the structure (its members). */
export async function structureMemberEmails(q: Queryable, structureId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ email: users.email })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(roleGrants.structureId, structureId), isNull(roleGrants.revokedAt), eq(users.status, 'active'), eq(users.kind, 'staff')))
    .orderBy(users.email);
  return rows.map((r) => r.email);
}

/** The e-mail address and name of a user, to write to them (null when the account no longer exists or is off). */
export async function userContact(q: Queryable, userId: string): Promise<{ email: string; displayName: string } | null> {
  const [row] = await q
    .select({ email: users.email, displayName: users.displayName, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  return row && row.status === 'active' ? { email: row.email, displayName: row.displayName } : null;
}
