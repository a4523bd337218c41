import { eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditAction } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { recordRateLimitEvent, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { ACCOUNT_LOCK_MS } from '../limits.ts';
import { users } from '../db/accounts.table.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';

export type FailureOutcome = { kind: 'invalid' } | { kind: 'throttled'; until: Date } | { kind: 'locked'; until: Date };

/**
 * Counts a failed attempt against the account's rule (and audits it). At the rule's lock threshold the
 * account is locked for 15 minutes (users.locked_until) and the lockout is audited once.
 */
export async function recordAuthFailure(
  deps: AccountsDeps,
  input: {
    rule: RateLimitRule;
    subject: string;
    user: { id: string; email: string } | null;
    label: string;
    /** The failure's own audit event; null to count silently (the IP counter: the account's event says it). */
    action: AuditAction | null;
    details: Record<string, unknown>;
    meta: RequestMeta;
  },
): Promise<FailureOutcome> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const hit = await recordRateLimitEvent(tx, input.rule, input.subject, now);
    if (input.action) {
      await recordAudit(tx, {
      at: now,
      actorId: input.user?.id ?? null,
      actorLabel: input.label,
      action: input.action,
      subjectType: input.user ? 'user' : undefined,
      subjectId: input.user?.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { ...input.details, attempt: hit.count },
      });
    }
    if (input.user) {
      await tx
        .update(users)
        .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
        .where(eq(users.id, input.user.id));
    }
    if (hit.lockedNow) {
      const until = new Date(now.getTime() + ACCOUNT_LOCK_MS);
      if (input.user) {
        await tx.update(users).set({ lockedUntil: until }).where(eq(users.id, input.user.id));
      }
      await recordAudit(tx, {
        at: now,
        actorId: input.user?.id ?? null,
        actorLabel: input.label,
        action: 'auth.locked',
        subjectType: input.user ? 'user' : undefined,
        subjectId: input.user?.id,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { ...input.details, rule: input.rule.name, until: until.toISOString(), attempts: hit.count },
      });
      return { kind: 'locked', until };
    }
    if (hit.blockedUntil) return { kind: 'throttled', until: hit.blockedUntil };
    return { kind: 'invalid' };
  });
}
