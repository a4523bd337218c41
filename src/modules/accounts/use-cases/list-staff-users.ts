import { and, asc, eq, ilike, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { escapeLike } from '../../../platform/db/escape-like.ts';
import type { RoleScope } from '../../../platform/http/context.ts';
import { roleGrants, users } from '../db/accounts.table.ts';

export interface StaffGrant extends RoleScope {
  id: string;
  grantedAt: Date;
}

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  status: 'invited' | 'active' | 'deactivated';
  mfaEnrolled: boolean;
  lastSignInAt: Date | null;
  grants: StaffGrant[];
}

async function withGrants(q: Queryable, rows: (typeof users.$inferSelect)[]): Promise<StaffUser[]> {
  const ids = rows.map((r) => r.id);
  const grants = ids.length
    ? await q
        .select()
        .from(roleGrants)
        .where(and(inArray(roleGrants.userId, ids), isNull(roleGrants.revokedAt)))
        .orderBy(asc(roleGrants.grantedAt))
    : [];
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    status: u.status,
    mfaEnrolled: u.totpEnabledAt !== null,
    lastSignInAt: u.lastSignInAt,
    grants: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({
        id: g.id,
        role: g.role,
        socialCentreId: g.socialCentreId,
        structureId: g.structureId,
        communeCodes: g.communeCodes,
        epciCodes: g.epciCodes,
        grantedAt: g.grantedAt,
      })),
  }));
}

/** Staff accounts (not residents), filtered by a part of their name or e-mail, by name. */
export async function listStaffUsers(q: Queryable, filter: { text?: string } = {}): Promise<StaffUser[]> {
  const text = filter.text?.trim();
  const rows = await q
    .select()
    .from(users)
    .where(
      and(
        eq(users.kind, 'staff'),
        text ? or(ilike(users.email, `%${escapeLike(text)}%`), ilike(users.displayName, `%${escapeLike(text)}%`)) : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(500);
  return withGrants(q, rows);
}

export async function getStaffUser(q: Queryable, id: string): Promise<StaffUser | undefined> {
  const rows = await q
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.kind, 'staff')));
  const [one] = await withGrants(q, rows);
  return one;
}
