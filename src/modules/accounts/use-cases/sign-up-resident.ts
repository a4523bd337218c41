import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { hashPassword } from '../../../platform/security/password-hash.ts';
import { findUserByEmail } from '../db/users.queries.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { isPlausibleEmail, normaliseEmail } from '../domain/email.ts';
import { checkPassword, passwordMessages } from '../domain/password-policy.ts';

export type SignUpField = 'displayName' | 'email' | 'password' | 'passwordConfirmation';
export type SignUpResult = { ok: true; userId: string } | { ok: false; errors: Partial<Record<SignUpField, string>> };

export const emailTakenMessage =
  'Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou choisissez « Mot de passe oublié » si vous ne vous en souvenez plus';

export async function signUpResident(
  deps: AccountsDeps,
  input: { displayName: string; email: string; password: string; passwordConfirmation: string; meta: RequestMeta },
): Promise<SignUpResult> {
  const errors: Partial<Record<SignUpField, string>> = {};
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  const email = normaliseEmail(input.email);
  if (!displayName) errors.displayName = 'Saisissez votre nom';
  else if (displayName.length > 120) errors.displayName = 'Le nom doit contenir au plus 120 caractères';
  if (!email) errors.email = 'Saisissez votre adresse e-mail';
  else if (!isPlausibleEmail(email)) errors.email = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr';
  const problem = checkPassword(input.password, email);
  if (problem) errors.password = passwordMessages[problem];
  else if (input.password !== input.passwordConfirmation) errors.passwordConfirmation = 'Les deux mots de passe ne sont pas identiques';
  if (Object.keys(errors).length) return { ok: false, errors };

  if (await findUserByEmail(deps.db, email)) return { ok: false, errors: { email: emailTakenMessage } };
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const id = deps.ids.uuid();
  const created = await inTransaction(deps.db, async (tx) => {
    // ON CONFLICT: two sign-ups with one address at the same moment give one account and one clear message.
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into users (id, kind, email, display_name, password_hash, status, created_at)
          values (${id}, 'resident', ${email}, ${displayName}, ${passwordHash}, 'active', ${now.toISOString()})
          on conflict do nothing returning id`,
    );
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      at: now,
      actorId: id,
      actorLabel: email,
      action: 'account.created',
      subjectType: 'user',
      subjectId: id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { kind: 'resident', method: 'password' },
    });
    return true;
  });
  if (!created) return { ok: false, errors: { email: emailTakenMessage } };
  return { ok: true, userId: id };
}
