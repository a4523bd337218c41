import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { Secret } from 'otpauth';
import { users } from '../db/accounts.table.ts';
import { findUserById } from '../db/users.queries.ts';
import type { AccountsDeps } from '../deps.ts';
import { totpUri } from '../domain/totp.ts';

export type BeginTotpResult = { ok: true; secret: string; uri: string; email: string } | { ok: false; reason: 'already_enrolled' | 'unknown' };

/**
 * The secret to show while enrolling. It is kept (not yet enabled) on the user, so reloading the page
 * or another process shows the same one; it becomes active only when a first code confirms it.
 */
export async function beginTotpEnrolment(deps: AccountsDeps, input: { userId: string }): Promise<BeginTotpResult> {
  const user = await findUserById(deps.db, input.userId);
  if (!user || user.kind !== 'staff' || user.status !== 'active') return { ok: false, reason: 'unknown' };
  if (user.totpEnabledAt) return { ok: false, reason: 'already_enrolled' };
  let secret = user.totpSecret;
  if (!secret) {
    const fresh = new Secret({ buffer: randomBytes(20).buffer }).base32;
    // Only if still empty: two tabs enrolling at once end up with the same secret.
    await deps.db
      .update(users)
      .set({ totpSecret: fresh })
      .where(and(eq(users.id, user.id), isNull(users.totpSecret)));
    secret = (await findUserById(deps.db, user.id))!.totpSecret!;
  }
  return { ok: true, secret, uri: totpUri(secret, user.email), email: user.email };
}
