import { and, eq, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { destroyUserSessions } from '../../../platform/http/session.ts';
import { recoveryCodes, users } from '../db/accounts.table.ts';
import type { AccountsDeps, Actor, RequestMeta } from '../deps.ts';

/**
 * For a staff member who lost their phone and their recovery codes: an admin removes the TOTP secret and the
 * recovery codes; the person enrols again at their next sign-in (after the password). Their sessions end.
 */
export async function resetSecondFactor(
  deps: AccountsDeps,
  input: { userId: string; by: Actor; meta?: RequestMeta },
): Promise<{ ok: true } | { ok: false; reason: 'unknown' | 'self' }> {
  if (input.by.id === input.userId) return { ok: false, reason: 'self' };
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(and(eq(users.id, input.userId), eq(users.kind, 'staff'), isNotNull(users.totpSecret)))
      .returning({ email: users.email });
    if (rows.length === 0) return { ok: false as const, reason: 'unknown' as const };
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await destroyUserSessions(tx, input.userId);
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'auth.mfa_reset',
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.meta?.ip ?? null,
      requestId: input.meta?.requestId ?? null,
      details: { user: rows[0]!.email },
    });
    return { ok: true as const };
  });
}
