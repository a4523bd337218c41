import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { clearRateLimit } from '../../../platform/http/rate-limit.ts';
import { destroyUserSessions } from '../../../platform/http/session.ts';
import { hashPassword } from '../../../platform/security/password-hash.ts';
import { sha256 } from '../../../platform/security/secret-token.ts';
import { passwordResets, users } from '../db/accounts.table.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { normaliseEmail } from '../domain/email.ts';
import { checkPassword, passwordMessages } from '../domain/password-policy.ts';
import { limits } from '../limits.ts';

export type ResetPasswordResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid_link' }
  | { ok: false; reason: 'password'; errors: { password?: string; passwordConfirmation?: string } };

/** The account a reset link belongs to, if the link is unused and not expired. */
export async function findValidResetLink(deps: AccountsDeps, token: string): Promise<{ userId: string; email: string } | null> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({ userId: users.id, email: users.email, status: users.status })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return row && row.status === 'active' ? { userId: row.userId, email: row.email } : null;
}

/** Sets the new password, uses the link up (with every other pending link), ends all the user's sessions. */
export async function resetPassword(
  deps: AccountsDeps,
  input: { token: string; password: string; passwordConfirmation: string; meta: RequestMeta },
): Promise<ResetPasswordResult> {
  const link = await findValidResetLink(deps, input.token);
  if (!link) return { ok: false, reason: 'invalid_link' };
  const problem = checkPassword(input.password, link.email);
  if (problem) return { ok: false, reason: 'password', errors: { password: passwordMessages[problem] } };
  if (input.password !== input.passwordConfirmation) {
    return { ok: false, reason: 'password', errors: { passwordConfirmation: 'Les deux mots de passe ne sont pas identiques' } };
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const ok = await inTransaction(deps.db, async (tx) => {
    // Used up atomically: of two submissions of one link, only one changes the password.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (used.length === 0) return false;
    await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, link.userId), isNull(passwordResets.usedAt)));
    // Proving access to the mailbox lifts a lock: the lock protects the password, which has just changed.
    await tx.update(users).set({ passwordHash, failedAttempts: 0, lockedUntil: null }).where(eq(users.id, link.userId));
    await destroyUserSessions(tx, link.userId);
    await recordAudit(tx, {
      at: now,
      actorId: link.userId,
      actorLabel: link.email,
      action: 'auth.password_reset',
      subjectType: 'user',
      subjectId: link.userId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return true;
  });
  if (!ok) return { ok: false, reason: 'invalid_link' };
  await clearRateLimit(deps.db, limits.signInAccount, normaliseEmail(link.email));
  return { ok: true, userId: link.userId };
}
