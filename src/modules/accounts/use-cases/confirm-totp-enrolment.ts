import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { rateLimitBlockedUntil } from '../../../platform/http/rate-limit.ts';
import { sha256 } from '../../../platform/security/secret-token.ts';
import { recoveryCodes, users } from '../db/accounts.table.ts';
import { findUserById } from '../db/users.queries.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { formatRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from '../domain/recovery-code.ts';
import { matchTotp, normaliseTotpCode } from '../domain/totp.ts';
import { limits } from '../limits.ts';
import { recordAuthFailure } from './record-auth-failure.ts';

export type ConfirmTotpResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: 'invalid' | 'malformed' | 'already_enrolled' | 'unknown' }
  | { ok: false; reason: 'throttled' | 'locked'; until: Date };

/** Enables TOTP once the first code proves the app holds the secret; returns the 10 recovery codes, shown once. */
export async function confirmTotpEnrolment(
  deps: AccountsDeps,
  input: { userId: string; code: string; meta: RequestMeta },
): Promise<ConfirmTotpResult> {
  const now = deps.clock.now();
  const user = await findUserById(deps.db, input.userId);
  if (!user || user.status !== 'active' || !user.totpSecret) return { ok: false, reason: 'unknown' };
  if (user.totpEnabledAt) return { ok: false, reason: 'already_enrolled' };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', until: user.lockedUntil };
  const blocked = await rateLimitBlockedUntil(deps.db, limits.secondFactor, user.id, now);
  if (blocked) return { ok: false, reason: 'throttled', until: blocked };
  const code = normaliseTotpCode(input.code);
  if (!code) return { ok: false, reason: 'malformed' };
  const step = matchTotp(user.totpSecret, code, now);
  if (step === null) {
    const outcome = await recordAuthFailure(deps, {
      rule: limits.secondFactor,
      subject: user.id,
      user,
      label: user.email,
      action: 'auth.mfa_failed',
      details: { stage: 'enrolment' },
      meta: input.meta,
    });
    return outcome.kind === 'invalid' ? { ok: false, reason: 'invalid' } : { ok: false, reason: outcome.kind, until: outcome.until };
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(16)));
  const done = await inTransaction(deps.db, async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, lastSignInAt: now, failedAttempts: 0 })
      .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt), eq(users.totpSecret, user.totpSecret!)))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({ id: deps.ids.uuid(), userId: user.id, codeHash: sha256(normaliseRecoveryCode(c)!) })),
    );
    const audit = { at: now, actorId: user.id, actorLabel: user.email, subjectType: 'user', subjectId: user.id, ip: input.meta.ip, requestId: input.meta.requestId };
    await recordAudit(tx, { ...audit, action: 'auth.mfa_enrolled', details: { recoveryCodes: codes.length } });
    await recordAudit(tx, { ...audit, action: 'auth.sign_in', details: { method: 'password+totp' } });
    return true;
  });
  if (!done) return { ok: false, reason: 'already_enrolled' };
  return { ok: true, recoveryCodes: codes };
}
