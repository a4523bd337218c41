import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { recordRateLimitEvent } from '../../../platform/http/rate-limit.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { passwordResets } from '../db/accounts.table.ts';
import { findUserByEmail } from '../db/users.queries.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { normaliseEmail } from '../domain/email.ts';
import { limits } from '../limits.ts';

export const RESET_LINK_VALIDITY_MS = 60 * 60_000;

/**
 * Sends a reset link when the address belongs to an active account. Returns nothing either way: the page
 * says the same thing whether the account exists or not, so it cannot be used to find who has an account.
 */
export async function requestPasswordReset(deps: AccountsDeps, input: { email: string; meta: RequestMeta }): Promise<void> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  if (!email) return;
  // At most 3 mails an hour to one address, so the form cannot be used to flood someone's inbox.
  const hit = await recordRateLimitEvent(deps.db, limits.resetEmail, email, now);
  if (hit.count > limits.resetEmail.slowAfter) return;
  const user = await findUserByEmail(deps.db, email);
  // A FranceConnect-only account may get a password this way too: the link proves the mailbox is theirs.
  if (!user || user.status !== 'active') return;
  const token = randomToken();
  const link = `${deps.config.publicUrl}/mot-de-passe-oublie/${token}`;
  await inTransaction(deps.db, async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_VALIDITY_MS),
    });
    await enqueueMail(
      tx,
      {
        to: user.email,
        subject: 'Choisir un nouveau mot de passe',
        text: [
          `Bonjour ${user.displayName},`,
          '',
          'Vous avez demandé à choisir un nouveau mot de passe pour votre compte Relais.',
          'Ouvrez ce lien dans l’heure qui suit (il ne sert qu’une fois) :',
          '',
          link,
          '',
          'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
        ].join('\n'),
      },
      now,
    );
    await recordAudit(tx, {
      at: now,
      actorId: user.id,
      actorLabel: user.email,
      action: 'auth.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
  });
}
