import { and, eq, isNull, or, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { clearRateLimit, rateLimitBlockedUntil } from '../../../platform/http/rate-limit.ts';
import { sha256 } from '../../../platform/security/secret-token.ts';
import { recoveryCodes, users } from '../db/accounts.table.ts';
import { findUserById } from '../db/users.queries.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { normaliseRecoveryCode } from '../domain/recovery-code.ts';
import { matchTotp, normaliseTotpCode } from '../domain/totp.ts';
import { limits } from '../limits.ts';
import { recordAuthFailure } from './record-auth-failure.ts';

export type SecondFactorResult =
  | { ok: true; method: 'totp' | 'recovery-code'; recoveryCodesLeft: number | null }
  | { ok: false; reason: 'invalid' | 'malformed' | 'not_enrolled' | 'unknown' }
  | { ok: false; reason: 'throttled' | 'locked'; until: Date };

/**
 * The TOTP step of a staff sign-in: a 6-digit code (accepted once: its time step must be later than the
 * last one used, checked and stored in one UPDATE so two processes cannot both accept it), or one of the
 * recovery codes (each usable once, same way).
 */
export async function verifySecondFactor(
  deps: AccountsDeps,
  input: { userId: string; code: string; meta: RequestMeta },
): Promise<SecondFactorResult> {
  const now = deps.clock.now();
  const user = await findUserById(deps.db, input.userId);
  if (!user || user.status !== 'active') return { ok: false, reason: 'unknown' };
  if (!user.totpEnabledAt || !user.totpSecret) return { ok: false, reason: 'not_enrolled' };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', until: user.lockedUntil };
  const blocked = await rateLimitBlockedUntil(deps.db, limits.secondFactor, user.id, now);
  if (blocked) return { ok: false, reason: 'throttled', until: blocked };

  const totp = normaliseTotpCode(input.code);
  const recovery = totp ? null : normaliseRecoveryCode(input.code);
  if (!totp && !recovery) return { ok: false, reason: 'malformed' };
  const audit = { at: now, actorId: user.id, actorLabel: user.email, subjectType: 'user', subjectId: user.id, ip: input.meta.ip, requestId: input.meta.requestId };

  const accepted = await inTransaction(deps.db, async (tx) => {
    if (totp) {
      const step = matchTotp(user.totpSecret!, totp, now);
      if (step === null) return null;
      const rows = await tx
        .update(users)
        .set({ totpLastStep: step, lastSignInAt: now, failedAttempts: 0 })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      if (rows.length === 0) return null;
      await recordAudit(tx, { ...audit, action: 'auth.sign_in', details: { method: 'password+totp' } });
      return { method: 'totp' as const, left: null };
    }
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, sha256(recovery!)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used.length === 0) return null;
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
    await tx.update(users).set({ lastSignInAt: now, failedAttempts: 0 }).where(eq(users.id, user.id));
    await recordAudit(tx, { ...audit, action: 'auth.recovery_code_used', details: { left: Number(left!.n) } });
    await recordAudit(tx, { ...audit, action: 'auth.sign_in', details: { method: 'password+recovery-code' } });
    return { method: 'recovery-code' as const, left: Number(left!.n) };
  });
  if (accepted) {
    await clearRateLimit(deps.db, limits.secondFactor, user.id);
    return { ok: true, method: accepted.method, recoveryCodesLeft: accepted.left };
  }
  const outcome = await recordAuthFailure(deps, {
    rule: limits.secondFactor,
    subject: user.id,
    user,
    label: user.email,
    action: 'auth.mfa_failed',
    details: { stage: 'verification', kind: totp ? 'totp' : 'recovery-code' },
    meta: input.meta,
  });
  return outcome.kind === 'invalid' ? { ok: false, reason: 'invalid' } : { ok: false, reason: outcome.kind, until: outcome.until };
}
