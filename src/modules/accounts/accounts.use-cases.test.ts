import { and, eq, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { queryRows } from '../../platform/db/client.ts';
import { httpSessions } from '../../platform/http/http.table.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { users } from './db/accounts.table.ts';
import { createInvitation, deactivateUser, grantRole, resetSecondFactor, revokeRole } from './index.ts';
import { activeRoles } from './db/users.queries.ts';
import { acceptInvitation } from './use-cases/accept-invitation.ts';
import { beginTotpEnrolment } from './use-cases/begin-totp-enrolment.ts';
import { confirmTotpEnrolment } from './use-cases/confirm-totp-enrolment.ts';
import { requestPasswordReset } from './use-cases/request-password-reset.ts';
import { resetPassword } from './use-cases/reset-password.ts';
import { signInWithPassword } from './use-cases/sign-in-with-password.ts';
import { signUpResident } from './use-cases/sign-up-resident.ts';
import { verifySecondFactor } from './use-cases/verify-second-factor.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';

let t: TestApp;
let deps: AccountsDeps;
const meta: RequestMeta = { ip: '192.0.2.10', requestId: 'test' };
const admin = { id: null, label: 'admin de test' };
const password = 'une phrase de passe assez longue';

beforeAll(async () => {
  t = await createTestApp();
  deps = t.deps;
});
afterAll(() => t.close());

async function actions(userId: string): Promise<string[]> {
  const rows = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, userId)).orderBy(auditEvents.id);
  return rows.map((r) => r.action);
}

async function lastMailTo(to: string) {
  const [m] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(sql`${mailOutbox.id} desc`).limit(1);
  return m;
}

function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

async function invitedStaff(email: string): Promise<string> {
  const inv = await createInvitation(deps, { email, displayName: 'Agent Test', invitedBy: admin, roles: [{ role: 'agent' }] });
  if (!inv.ok) throw new Error(JSON.stringify(inv.errors));
  const token = inv.link.split('/').at(-1)!;
  const accepted = await acceptInvitation(deps, { token, password, passwordConfirmation: password, meta });
  expect(accepted.ok).toBe(true);
  return inv.userId;
}

describe('sign-up', () => {
  it('creates an active resident with a normalised e-mail and an audit event', async () => {
    const r = await signUpResident(deps, { displayName: ' Jeanne  Martin ', email: ' Jeanne.Martin@Exemple.FR ', password, passwordConfirmation: password, meta });
    expect(r.ok).toBe(true);
    const [u] = await t.deps.db.select().from(users).where(eq(users.id, r.ok ? r.userId : ''));
    expect(u).toMatchObject({ email: 'jeanne.martin@exemple.fr', displayName: 'Jeanne Martin', kind: 'resident', status: 'active' });
    expect(u!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await actions(u!.id)).toEqual(['account.created']);
  });

  it('refuses a second account with the same address, whatever its case', async () => {
    const r = await signUpResident(deps, { displayName: 'Autre', email: 'JEANNE.martin@exemple.fr', password, passwordConfirmation: password, meta });
    expect(r).toEqual({ ok: false, errors: { email: expect.stringContaining('Un compte existe déjà') } });
  });

  it('explains each problem in French', async () => {
    const r = await signUpResident(deps, { displayName: '', email: 'pas-une-adresse', password: 'court', passwordConfirmation: 'court', meta });
    expect(r).toEqual({
      ok: false,
      errors: {
        displayName: 'Saisissez votre nom',
        email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr',
        password: 'Le mot de passe doit contenir au moins 12 caractères',
      },
    });
    const common = await signUpResident(deps, { displayName: 'A', email: 'a@exemple.fr', password: 'Azerty123456', passwordConfirmation: 'Azerty123456', meta });
    expect(common.ok ? '' : common.errors.password).toContain('trop courant');
    const withEmail = await signUpResident(deps, { displayName: 'A', email: 'paulette@exemple.fr', password: 'paulette-2026-ok', passwordConfirmation: 'paulette-2026-ok', meta });
    expect(withEmail.ok ? '' : withEmail.errors.password).toContain('adresse e-mail');
    const mismatch = await signUpResident(deps, { displayName: 'A', email: 'b@exemple.fr', password, passwordConfirmation: password + '!', meta });
    expect(mismatch.ok ? '' : mismatch.errors.passwordConfirmation).toBe('Les deux mots de passe ne sont pas identiques');
  });
});

describe('sign-in, slowing down and lockout', () => {
  it('signs a resident in, and says the same thing for an unknown address and a wrong password', async () => {
    await signUpResident(deps, { displayName: 'Léa', email: 'lea@exemple.fr', password, passwordConfirmation: password, meta });
    expect(await signInWithPassword(deps, { email: 'LEA@exemple.fr', password, meta })).toMatchObject({ ok: true, kind: 'resident' });
    expect(await signInWithPassword(deps, { email: 'lea@exemple.fr', password: 'mauvais mot de passe', meta })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword(deps, { email: 'personne@exemple.fr', password, meta })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('slows down after 5 failures, locks the account 15 minutes at 10 (audited), then lets it in again', async () => {
    await signUpResident(deps, { displayName: 'Paul', email: 'paul@exemple.fr', password, passwordConfirmation: password, meta });
    const m = { ...meta, ip: '192.0.2.20' };
    for (let i = 1; i <= 5; i++) {
      expect(await signInWithPassword(deps, { email: 'paul@exemple.fr', password: 'faux', meta: m })).toEqual({ ok: false, reason: 'invalid' });
    }
    const sixth = await signInWithPassword(deps, { email: 'paul@exemple.fr', password: 'faux', meta: m });
    expect(sixth).toMatchObject({ ok: false, reason: 'throttled' });
    // While slowed down, even the right password is not tried.
    expect(await signInWithPassword(deps, { email: 'paul@exemple.fr', password, meta: m })).toMatchObject({ ok: false, reason: 'throttled' });
    let last;
    for (let i = 7; i <= 10; i++) {
      t.clock.advance(10 * 60_000);
      last = await signInWithPassword(deps, { email: 'paul@exemple.fr', password: 'faux', meta: m });
    }
    expect(last).toMatchObject({ ok: false, reason: 'locked' });
    const [u] = await t.deps.db.select().from(users).where(eq(users.email, 'paul@exemple.fr'));
    expect(u!.lockedUntil!.getTime()).toBe(t.clock.now().getTime() + 15 * 60_000);
    expect(await actions(u!.id)).toContain('auth.locked');
    t.clock.advance(14 * 60_000);
    expect(await signInWithPassword(deps, { email: 'paul@exemple.fr', password, meta: m })).toMatchObject({ ok: false, reason: 'locked' });
    t.clock.advance(61_000);
    expect(await signInWithPassword(deps, { email: 'paul@exemple.fr', password, meta: m })).toMatchObject({ ok: true });
  });
});

describe('TOTP', () => {
  it('enrols with a first code, returns 10 recovery codes, then accepts each code and recovery code once', async () => {
    const userId = await invitedStaff('agent.totp@exemple.fr');
    const signIn = await signInWithPassword(deps, { email: 'agent.totp@exemple.fr', password, meta });
    expect(signIn).toMatchObject({ ok: true, kind: 'staff', totpEnrolled: false });
    const begun = await beginTotpEnrolment(deps, { userId });
    if (!begun.ok) throw new Error('no secret');
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Relais:agent\.totp%40exemple\.fr\?/);
    // Same secret on a reload.
    expect((await beginTotpEnrolment(deps, { userId }) as { secret: string }).secret).toBe(begun.secret);
    expect(await confirmTotpEnrolment(deps, { userId, code: '000000', meta })).toEqual({ ok: false, reason: 'invalid' });
    const confirmed = await confirmTotpEnrolment(deps, { userId, code: codeAt(begun.secret, t.clock.now()), meta });
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    const stored = await queryRows<{ code_hash: string }>(t.deps.db, sql`select code_hash from recovery_codes where user_id = ${userId}`);
    expect(stored.map((r) => r.code_hash)).not.toContain(confirmed.recoveryCodes[0]);

    // The enrolment code cannot be replayed; the next step's code works once; a previous step's is refused.
    expect(await verifySecondFactor(deps, { userId, code: codeAt(begun.secret, t.clock.now()), meta })).toEqual({ ok: false, reason: 'invalid' });
    t.clock.advance(30_000);
    const next = codeAt(begun.secret, t.clock.now());
    expect(await verifySecondFactor(deps, { userId, code: next, meta })).toMatchObject({ ok: true, method: 'totp' });
    expect(await verifySecondFactor(deps, { userId, code: next, meta })).toEqual({ ok: false, reason: 'invalid' });
    // One step of drift either way is accepted.
    t.clock.advance(60_000);
    expect(await verifySecondFactor(deps, { userId, code: codeAt(begun.secret, new Date(t.clock.now().getTime() + 30_000)), meta })).toMatchObject({ ok: true });

    const recovery = confirmed.recoveryCodes[3]!;
    expect(await verifySecondFactor(deps, { userId, code: recovery.toUpperCase().replace(/-/g, ' '), meta })).toEqual({
      ok: true,
      method: 'recovery-code',
      recoveryCodesLeft: 9,
    });
    expect(await verifySecondFactor(deps, { userId, code: recovery, meta })).toEqual({ ok: false, reason: 'invalid' });
    expect(await actions(userId)).toEqual(
      expect.arrayContaining(['account.invited', 'role.granted', 'account.invitation_accepted', 'auth.mfa_enrolled', 'auth.recovery_code_used', 'auth.mfa_failed']),
    );

    // Phone and codes lost: an admin resets the second factor; the next sign-in enrols again with a new secret.
    expect(await resetSecondFactor(deps, { userId, by: admin })).toEqual({ ok: true });
    expect(await verifySecondFactor(deps, { userId, code: confirmed.recoveryCodes[5]!, meta })).toEqual({ ok: false, reason: 'not_enrolled' });
    expect(await signInWithPassword(deps, { email: 'agent.totp@exemple.fr', password, meta })).toMatchObject({ ok: true, totpEnrolled: false });
    const fresh = await beginTotpEnrolment(deps, { userId });
    expect(fresh.ok && fresh.secret).not.toBe(begun.secret);
    expect(await actions(userId)).toContain('auth.mfa_reset');
  });
});

describe('password reset', () => {
  it('mails a single-use link valid one hour, sets the password and ends every session', async () => {
    await signUpResident(deps, { displayName: 'Rémi', email: 'remi@exemple.fr', password, passwordConfirmation: password, meta });
    const [u] = await t.deps.db.select().from(users).where(eq(users.email, 'remi@exemple.fr'));
    await t.deps.db.insert(httpSessions).values({
      idHash: 'remi-session',
      userId: u!.id,
      csrfToken: 'x',
      createdAt: t.clock.now(),
      lastSeenAt: t.clock.now(),
      idleExpiresAt: new Date(t.clock.now().getTime() + 3_600_000),
      absoluteExpiresAt: new Date(t.clock.now().getTime() + 3_600_000),
    });
    await requestPasswordReset(deps, { email: 'Remi@exemple.fr', meta });
    const mail = await lastMailTo('remi@exemple.fr');
    const token = mail!.text.match(/\/mot-de-passe-oublie\/([\w-]+)/)![1]!;
    const stored = await queryRows<{ token_hash: string }>(t.deps.db, sql`select token_hash from password_resets where user_id = ${u!.id}`);
    expect(stored[0]!.token_hash).not.toBe(token);

    const newPassword = 'un tout nouveau mot de passe';
    expect(await resetPassword(deps, { token, password: 'court', passwordConfirmation: 'court', meta })).toMatchObject({ ok: false, reason: 'password' });
    expect(await resetPassword(deps, { token, password: newPassword, passwordConfirmation: newPassword, meta })).toMatchObject({ ok: true });
    expect(await t.deps.db.select().from(httpSessions).where(eq(httpSessions.userId, u!.id))).toEqual([]);
    expect(await resetPassword(deps, { token, password: newPassword, passwordConfirmation: newPassword, meta })).toEqual({ ok: false, reason: 'invalid_link' });
    expect(await signInWithPassword(deps, { email: 'remi@exemple.fr', password: newPassword, meta })).toMatchObject({ ok: true });

    await requestPasswordReset(deps, { email: 'remi@exemple.fr', meta });
    const second = (await lastMailTo('remi@exemple.fr'))!.text.match(/\/mot-de-passe-oublie\/([\w-]+)/)![1]!;
    t.clock.advance(60 * 60_000 + 1000);
    expect(await resetPassword(deps, { token: second, password: newPassword + '!', passwordConfirmation: newPassword + '!', meta })).toEqual({
      ok: false,
      reason: 'invalid_link',
    });
    expect(await actions(u!.id)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('sends nothing for an unknown address, and at most 3 mails an hour to one address', async () => {
    const before = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
    await requestPasswordReset(deps, { email: 'inconnu@exemple.fr', meta });
    const after = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    await signUpResident(deps, { displayName: 'Zoé', email: 'zoe@exemple.fr', password, passwordConfirmation: password, meta });
    for (let i = 0; i < 5; i++) await requestPasswordReset(deps, { email: 'zoe@exemple.fr', meta });
    expect(await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'zoe@exemple.fr'))).toHaveLength(3);
  });
});

describe('invitations and administration', () => {
  it('invites a staff member (account, roles, mail, audit) and the link expires after 7 days', async () => {
    const r = await createInvitation(deps, {
      email: 'Nouvel.Agent@exemple.fr',
      displayName: 'Nouvel Agent',
      invitedBy: admin,
      roles: [{ role: 'agent', communeCodes: ['35238'] }],
    });
    if (!r.ok) throw new Error('refused');
    const [u] = await t.deps.db.select().from(users).where(eq(users.id, r.userId));
    expect(u).toMatchObject({ kind: 'staff', status: 'invited', email: 'nouvel.agent@exemple.fr', passwordHash: null });
    expect(await activeRoles(t.deps.db, r.userId)).toEqual([{ role: 'agent', socialCentreId: null, structureId: null, communeCodes: ['35238'], epciCodes: [] }]);
    expect((await lastMailTo('nouvel.agent@exemple.fr'))!.text).toContain(r.link);
    expect(await createInvitation(deps, { email: 'nouvel.agent@exemple.fr', displayName: 'X', invitedBy: admin, roles: [{ role: 'admin' }] })).toMatchObject({
      ok: false,
      errors: { email: 'Un compte existe déjà avec cette adresse e-mail' },
    });
    t.clock.advance(7 * 24 * 3_600_000 + 1000);
    const token = r.link.split('/').at(-1)!;
    expect(await acceptInvitation(deps, { token, password, passwordConfirmation: password, meta })).toEqual({ ok: false, reason: 'invalid_link' });
  });

  it('grants and revokes roles, and deactivation ends sessions and refuses sign-in', async () => {
    const userId = await invitedStaff('a.desactiver@exemple.fr');
    const g = await grantRole(deps, { userId, grant: { role: 'structure_member', structureId: '00000000-0000-4000-8000-000000000001' }, by: admin });
    if (!g.ok) throw new Error(g.reason);
    expect((await activeRoles(t.deps.db, userId)).map((r) => r.role)).toEqual(['agent', 'structure_member']);
    expect(await revokeRole(deps, { grantId: g.grantId, by: admin })).toEqual({ ok: true });
    expect((await activeRoles(t.deps.db, userId)).map((r) => r.role)).toEqual(['agent']);
    expect(await grantRole(deps, { userId, grant: { role: 'partner_agent' }, by: admin })).toEqual({ ok: false, reason: 'scope' });

    await t.deps.db.insert(httpSessions).values({
      idHash: 'to-deactivate',
      userId,
      csrfToken: 'x',
      createdAt: t.clock.now(),
      lastSeenAt: t.clock.now(),
      idleExpiresAt: new Date(t.clock.now().getTime() + 3_600_000),
      absoluteExpiresAt: new Date(t.clock.now().getTime() + 3_600_000),
    });
    expect(await deactivateUser(deps, { userId, by: admin })).toEqual({ ok: true });
    expect(await t.deps.db.select().from(httpSessions).where(and(eq(httpSessions.userId, userId)))).toEqual([]);
    expect(await signInWithPassword(deps, { email: 'a.desactiver@exemple.fr', password, meta })).toEqual({ ok: false, reason: 'deactivated' });
    expect(await actions(userId)).toEqual(expect.arrayContaining(['role.granted', 'role.revoked', 'account.deactivated']));
  });
});
