import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { users } from '../db/accounts.table.ts';
import { findUserByEmail } from '../db/users.queries.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';
import { isPlausibleEmail, normaliseEmail } from '../domain/email.ts';
import { completeSignIn } from './sign-in-with-password.ts';

export interface FranceConnectIdentity {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
}

export type FranceConnectSignInResult =
  | { ok: true; userId: string; created: boolean }
  | { ok: false; reason: 'email_taken' | 'deactivated' | 'no_email' };

/**
 * A resident comes back from FranceConnect. The account is keyed by FranceConnect's `sub` (stable per
 * person and per service). An existing account with the same e-mail is NOT linked automatically: the e-mail
 * FranceConnect passes on comes from the identity provider and Relais cannot be sure the person controls it,
 * and linking would hand the existing account (its files, its messages) to whoever holds that identity.
 * The person is asked to sign in with their password instead; once signed in, they can link FranceConnect
 * from « Mon compte » (link-franceconnect.ts), proving both identities at once.
 */
export async function signInWithFranceConnect(
  deps: AccountsDeps,
  input: { identity: FranceConnectIdentity; meta: RequestMeta },
): Promise<FranceConnectSignInResult> {
  const now = deps.clock.now();
  const { identity } = input;
  const [known] = await deps.db.select().from(users).where(eq(users.franceConnectSub, identity.sub)).limit(1);
  if (known) {
    if (known.status !== 'active') return { ok: false, reason: 'deactivated' };
    await completeSignIn(deps, { userId: known.id, email: known.email, method: 'franceconnect', meta: input.meta });
    return { ok: true, userId: known.id, created: false };
  }
  const email = normaliseEmail(identity.email);
  if (!isPlausibleEmail(email)) return { ok: false, reason: 'no_email' };
  if (await findUserByEmail(deps.db, email)) return { ok: false, reason: 'email_taken' };
  const id = deps.ids.uuid();
  const displayName = `${identity.givenName} ${identity.familyName}`.trim().replace(/\s+/g, ' ') || email;
  const created = await inTransaction(deps.db, async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into users (id, kind, email, display_name, status, franceconnect_sub, created_at, last_sign_in_at)
          values (${id}, 'resident', ${email}, ${displayName}, 'active', ${identity.sub}, ${now.toISOString()}, ${now.toISOString()})
          on conflict do nothing returning id`,
    );
    if (rows.length === 0) return false;
    const audit = { at: now, actorId: id, actorLabel: email, subjectType: 'user', subjectId: id, ip: input.meta.ip, requestId: input.meta.requestId };
    await recordAudit(tx, { ...audit, action: 'account.created', details: { kind: 'resident', method: 'franceconnect' } });
    await recordAudit(tx, { ...audit, action: 'auth.sign_in', details: { method: 'franceconnect' } });
    return true;
  });
  if (!created) return { ok: false, reason: 'email_taken' };
  return { ok: true, userId: id, created: true };
}
