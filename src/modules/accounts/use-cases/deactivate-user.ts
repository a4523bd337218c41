import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { destroyUserSessions } from '../../../platform/http/session.ts';
import { users } from '../db/accounts.table.ts';
import type { AccountsDeps, Actor, RequestMeta } from '../deps.ts';

export type DeactivateResult = { ok: true } | { ok: false; reason: 'unknown' | 'self' | 'already' };

/** Deactivates an account and ends its sessions at once (and the principal middleware refuses it anyway). */
export async function deactivateUser(
  deps: AccountsDeps,
  input: { userId: string; by: Actor; reason?: string; meta?: RequestMeta },
): Promise<DeactivateResult> {
  if (input.by.id === input.userId) return { ok: false, reason: 'self' };
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!user) return { ok: false, reason: 'unknown' };
    const rows = await tx
      .update(users)
      .set({ status: 'deactivated', deactivatedAt: now })
      .where(and(eq(users.id, input.userId), ne(users.status, 'deactivated')))
      .returning({ id: users.id });
    if (rows.length === 0) return { ok: false, reason: 'already' };
    await destroyUserSessions(tx, input.userId);
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'account.deactivated',
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.meta?.ip ?? null,
      requestId: input.meta?.requestId ?? null,
      details: { user: user.email, previousStatus: user.status, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { ok: true };
  });
}

/** Gives a deactivated account back its access (it keeps its password and TOTP; an invited one stays invited). */
export async function reactivateUser(
  deps: AccountsDeps,
  input: { userId: string; by: Actor; meta?: RequestMeta },
): Promise<{ ok: true } | { ok: false; reason: 'unknown' }> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const rows = await tx
      .update(users)
      .set({ status: sql`case when ${users.passwordHash} is null then 'invited' else 'active' end`, deactivatedAt: null, failedAttempts: 0, lockedUntil: null })
      .where(and(eq(users.id, input.userId), eq(users.status, 'deactivated')))
      .returning({ email: users.email });
    if (rows.length === 0) return { ok: false, reason: 'unknown' };
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'account.reactivated',
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.meta?.ip ?? null,
      requestId: input.meta?.requestId ?? null,
      details: { user: rows[0]!.email },
    });
    return { ok: true };
  });
}
