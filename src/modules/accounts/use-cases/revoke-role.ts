import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { roleGrants, users } from '../db/accounts.table.ts';
import type { AccountsDeps, Actor, RequestMeta } from '../deps.ts';

/** Ends a role grant (kept, dated, for the history). The principal is rebuilt at each request: effect is immediate. */
export async function revokeRole(
  deps: AccountsDeps,
  input: { grantId: string; by: Actor; meta?: RequestMeta },
): Promise<{ ok: true } | { ok: false; reason: 'unknown' }> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const rows = await tx
      .update(roleGrants)
      .set({ revokedAt: now })
      .where(and(eq(roleGrants.id, input.grantId), isNull(roleGrants.revokedAt)))
      .returning({ userId: roleGrants.userId, role: roleGrants.role, socialCentreId: roleGrants.socialCentreId, structureId: roleGrants.structureId });
    const row = rows[0];
    if (!row) return { ok: false as const, reason: 'unknown' as const };
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'role.revoked',
      subjectType: 'user',
      subjectId: row.userId,
      ip: input.meta?.ip ?? null,
      requestId: input.meta?.requestId ?? null,
      details: { grantId: input.grantId, user: user?.email, role: row.role, socialCentreId: row.socialCentreId, structureId: row.structureId },
    });
    return { ok: true as const };
  });
}
