import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { hashPassword } from '../../../platform/security/password-hash.ts';
import { sha256 } from '../../../platform/security/secret-token.ts';
import { invitations, users } from '../db/accounts.table.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { checkPassword, passwordMessages } from '../domain/password-policy.ts';

export type AcceptInvitationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid_link' }
  | { ok: false; reason: 'password'; errors: { password?: string; passwordConfirmation?: string } };

/** The invited account behind a link, if the link is pending and not expired. */
export async function findPendingInvitation(
  deps: AccountsDeps,
  token: string,
): Promise<{ userId: string; email: string; displayName: string } | null> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({ userId: users.id, email: users.email, displayName: users.displayName, status: users.status })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
  return row && row.status === 'invited' ? { userId: row.userId, email: row.email, displayName: row.displayName } : null;
}

/** The invited person chooses a password: the account becomes active (TOTP enrolment comes next). */
export async function acceptInvitation(
  deps: AccountsDeps,
  input: { token: string; password: string; passwordConfirmation: string; meta: RequestMeta },
): Promise<AcceptInvitationResult> {
  const invitation = await findPendingInvitation(deps, input.token);
  if (!invitation) return { ok: false, reason: 'invalid_link' };
  const problem = checkPassword(input.password, invitation.email);
  if (problem) return { ok: false, reason: 'password', errors: { password: passwordMessages[problem] } };
  if (input.password !== input.passwordConfirmation) {
    return { ok: false, reason: 'password', errors: { passwordConfirmation: 'Les deux mots de passe ne sont pas identiques' } };
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const stale = new Error('stale invitation');
  const ok = await inTransaction(deps.db, async (tx) => {
    const accepted = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.tokenHash, sha256(input.token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
      .returning({ id: invitations.id });
    if (accepted.length === 0) return false;
    const activated = await tx
      .update(users)
      .set({ passwordHash, status: 'active' })
      .where(and(eq(users.id, invitation.userId), eq(users.status, 'invited')))
      .returning({ id: users.id });
    // Deactivated meanwhile: undo the acceptance too.
    if (activated.length === 0) throw stale;
    await recordAudit(tx, {
      at: now,
      actorId: invitation.userId,
      actorLabel: invitation.email,
      action: 'account.invitation_accepted',
      subjectType: 'user',
      subjectId: invitation.userId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return true;
  }).catch((error: unknown) => {
    if (error === stale) return false;
    throw error;
  });
  return ok ? { ok: true, userId: invitation.userId } : { ok: false, reason: 'invalid_link' };
}
