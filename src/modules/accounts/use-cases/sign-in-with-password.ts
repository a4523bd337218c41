import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { clearRateLimit, rateLimitBlockedUntil } from '../../../platform/http/rate-limit.ts';
import { verifyAgainstDummy, verifyPassword } from '../../../platform/security/password-hash.ts';
import { users } from '../db/accounts.table.ts';
import { findUserByEmail } from '../db/users.queries.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { normaliseEmail } from '../domain/email.ts';
import { limits } from '../limits.ts';
import { recordAuthFailure } from './record-auth-failure.ts';

export type SignInResult =
  | { ok: true; userId: string; kind: 'resident' | 'staff'; totpEnrolled: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'deactivated' }
  | { ok: false; reason: 'throttled' | 'locked'; until: Date };

/**
 * The password step. Residents are signed in by it; staff then pass the TOTP step.
 * The same answer and about the same time whether the e-mail is unknown or the password wrong.
 */
export async function signInWithPassword(
  deps: AccountsDeps,
  input: { email: string; password: string; meta: RequestMeta },
): Promise<SignInResult> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  const ip = input.meta.ip ?? 'unknown';

  const ipBlocked = await rateLimitBlockedUntil(deps.db, limits.signInIp, ip, now);
  if (ipBlocked) return { ok: false, reason: 'throttled', until: ipBlocked };
  const user = await findUserByEmail(deps.db, email);
  if (user?.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', until: user.lockedUntil };
  const accountBlocked = await rateLimitBlockedUntil(deps.db, limits.signInAccount, email, now);
  if (accountBlocked) return { ok: false, reason: 'throttled', until: accountBlocked };

  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !passwordOk) {
    // Counted per IP (many accounts from one machine) and per address (one account from many machines).
    await recordAuthFailure(deps, {
      rule: limits.signInIp,
      subject: ip,
      user: null,
      label: 'visiteur anonyme',
      action: null,
      details: { ip },
      meta: input.meta,
    });
    const outcome = await recordAuthFailure(deps, {
      rule: limits.signInAccount,
      subject: email,
      user: user ? { id: user.id, email: user.email } : null,
      label: user?.email ?? email,
      action: 'auth.sign_in_failed',
      details: { email, why: user ? 'wrong password' : 'unknown e-mail' },
      meta: input.meta,
    });
    if (outcome.kind === 'invalid') return { ok: false, reason: 'invalid' };
    return { ok: false, reason: outcome.kind, until: outcome.until };
  }
  if (user.status !== 'active') {
    await inTransaction(deps.db, (tx) =>
      recordAudit(tx, {
        at: now,
        actorId: user.id,
        actorLabel: user.email,
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user.id,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { why: `account ${user.status}` },
      }),
    );
    return user.status === 'deactivated' ? { ok: false, reason: 'deactivated' } : { ok: false, reason: 'invalid' };
  }

  await clearRateLimit(deps.db, limits.signInAccount, email);
  if (user.kind === 'resident') {
    await completeSignIn(deps, { userId: user.id, email: user.email, method: 'password', meta: input.meta });
  } else {
    await deps.db.update(users).set({ failedAttempts: 0 }).where(eq(users.id, user.id));
  }
  return { ok: true, userId: user.id, kind: user.kind, totpEnrolled: user.totpEnabledAt !== null };
}

/** The person is now fully signed in (resident after the password or FranceConnect, staff after TOTP). */
export async function completeSignIn(
  deps: AccountsDeps,
  input: { userId: string; email: string; method: 'password' | 'password+totp' | 'password+recovery-code' | 'franceconnect'; meta: RequestMeta },
): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await tx.update(users).set({ lastSignInAt: now, failedAttempts: 0 }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      at: now,
      actorId: input.userId,
      actorLabel: input.email,
      action: 'auth.sign_in',
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { method: input.method },
    });
  });
}
