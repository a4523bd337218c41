import { desc, eq, like } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { createInvitation, deactivateUser, DEMO_PASSWORD } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const password = 'une phrase de passe assez longue';

function sessionCookie(res: Response): string | null {
  // The last one counts (a rotation first deletes the old cookie, then sets the new one).
  const line = res.headers.getSetCookie().filter((l) => l.startsWith('relais_session=')).at(-1);
  return line ? line.split(';')[0]!.split('=')[1]! : null;
}

async function signIn(client: TestClient, email: string, pw: string, path = '/connexion') {
  await client.get(path);
  return client.post(path, { email, password: pw });
}

function secretOf(html: string): string {
  return html.match(/id="totp-secret">([A-Z2-7 ]+)</)![1]!.replace(/ /g, '');
}

function code(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

async function lastMailTo(to: string) {
  const [m] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.id)).limit(1);
  return m;
}

describe('resident sign-up, sign-in and sign-out', () => {
  it('shows each problem next to its field with a 422, keeping the other answers', async () => {
    const client = t.client();
    const page = await client.get('/inscription');
    expect(page.status).toBe(200);
    const r = await client.post('/inscription', { displayName: 'Inès Durand', email: 'ines@', password: 'court', passwordConfirmation: 'court' });
    expect(r.status).toBe(422);
    expect(r.html).toContain('<title>Erreur : Créer un compte');
    expect(r.html).toContain('<a href="#email">Saisissez une adresse e-mail valide, par exemple nom@exemple.fr</a>');
    expect(r.html).toMatch(/id="password-error"[^>]*>[\s\S]*Le mot de passe doit contenir au moins 12 caractères/);
    expect(r.html).toContain('value="Inès Durand"');
    expect(r.html).toContain('value="ines@"');
    expect(r.html).not.toContain('value="court"');
  });

  it('creates the account, signs in with a new session id, and refuses the same address again', async () => {
    const client = t.client();
    await client.get('/inscription');
    const before = client.csrf;
    const r = await client.post('/inscription', { displayName: 'Inès Durand', email: 'Ines.Durand@exemple.fr', password, passwordConfirmation: password });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/compte');
    const account = await client.get('/compte');
    expect(account.status).toBe(200);
    expect(account.html).toContain('Inès Durand');
    expect(account.html).toContain('ines.durand@exemple.fr');
    expect(client.csrf).not.toBe(before);

    const other = t.client();
    await other.get('/inscription');
    const dup = await other.post('/inscription', { displayName: 'Autre', email: 'INES.DURAND@exemple.fr', password, passwordConfirmation: password });
    expect(dup.status).toBe(422);
    expect(dup.html).toContain('Un compte existe déjà avec cette adresse e-mail');
  });

  it('rotates the session cookie at sign-in, follows a local « retour » only, and signs out', async () => {
    const client = t.client();
    const page = await client.get('/connexion?retour=%2Fcompte%3Fonglet%3D1');
    const anonymousCookie = sessionCookie(page.res);
    expect(anonymousCookie).toBeTruthy();
    expect(page.html).not.toContain('FranceConnect');
    const wrong = await client.post('/connexion?retour=%2Fcompte%3Fonglet%3D1', { email: 'ines.durand@exemple.fr', password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('L’adresse e-mail ou le mot de passe est incorrect');
    expect(wrong.html).toContain('value="ines.durand@exemple.fr"');
    const ok = await client.post('/connexion?retour=%2Fcompte%3Fonglet%3D1', { email: 'ines.durand@exemple.fr', password });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/compte?onglet=1');
    const signedInCookie = sessionCookie(ok.res);
    expect(signedInCookie).toBeTruthy();
    expect(signedInCookie).not.toBe(anonymousCookie);

    const external = t.client();
    const r = await signIn(external, 'ines.durand@exemple.fr', password, '/connexion?retour=%2F%2Fevil.example%2F');
    expect(r.location).toBe('/compte');

    await client.get('/compte');
    const out = await client.post('/deconnexion', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/deconnexion');
    expect((await client.get('/compte')).res.headers.get('location')).toBe('/connexion?retour=%2Fcompte');
    const audit = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorLabel, 'ines.durand@exemple.fr'));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['account.created', 'auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out']));
  });

  it('refuses a form posted without its CSRF token', async () => {
    const client = t.client();
    await client.get('/connexion');
    const r = await client.post('/connexion', { email: 'ines.durand@exemple.fr', password }, { csrf: null });
    expect(r.status).toBe(403);
    expect(r.html).toContain('Accès refusé');
  });
});

describe('staff sign-in with TOTP', () => {
  it('enrols at the first sign-in, shows the recovery codes once, then asks for a code at each sign-in', async () => {
    const client = t.client();
    const first = await signIn(client, 'agent@demo.relais.test', DEMO_PASSWORD, '/connexion?retour=%2Fcompte');
    expect(first.location).toBe('/connexion/double-authentification');
    // Between the two steps, protected pages send to the TOTP step.
    expect((await client.request('/compte')).headers.get('location')).toBe('/connexion/verification');
    const enrol = await client.get('/connexion/double-authentification');
    expect(enrol.status).toBe(200);
    expect(enrol.html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    const secret = secretOf(enrol.html);
    const bad = await client.post('/connexion/double-authentification', { code: '123' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez les 6 chiffres affichés par l’application');
    const ok = await client.post('/connexion/double-authentification', { code: code(secret, t.clock.now()) });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/connexion/codes-de-secours');
    const codesPage = await client.get('/connexion/codes-de-secours');
    const codes = [...codesPage.html.matchAll(/<code>([a-z2-9-]{19})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(codesPage.html).toContain('href="/compte"');
    expect((await client.get('/connexion/codes-de-secours')).res.headers.get('location')).toBe('/compte');
    const account = await client.get('/compte');
    expect(account.status).toBe(200);
    expect(account.html).toContain('Agent du département');
    expect(account.html).toContain('Codes de secours restants : 10');
    await client.post('/deconnexion', {});

    // Next sign-in: the code step; a code cannot be used twice; a recovery code works once.
    t.clock.advance(30_000);
    const again = t.client();
    expect((await signIn(again, 'agent@demo.relais.test', DEMO_PASSWORD)).location).toBe('/connexion/verification');
    const beforeMfa = sessionCookie((await again.get('/connexion/verification')).res);
    const wrong = await again.post('/connexion/verification', { code: '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Ce code ne correspond pas');
    const current = code(secret, t.clock.now());
    const passed = await again.post('/connexion/verification', { code: current });
    expect(passed.location).toBe('/compte');
    expect(sessionCookie(passed.res)).not.toBe(beforeMfa);
    expect((await again.get('/compte')).status).toBe(200);

    const replay = t.client();
    await signIn(replay, 'agent@demo.relais.test', DEMO_PASSWORD);
    await replay.get('/connexion/verification');
    expect((await replay.post('/connexion/verification', { code: current })).status).toBe(422);
    const recovered = await replay.post('/connexion/verification', { code: codes[0]! });
    expect(recovered.location).toBe('/compte');
    await replay.get('/compte');
    await replay.post('/deconnexion', {});

    const reuse = t.client();
    await signIn(reuse, 'agent@demo.relais.test', DEMO_PASSWORD);
    await reuse.get('/connexion/verification');
    expect((await reuse.post('/connexion/verification', { code: codes[0]! })).status).toBe(422);
    const events = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorLabel, 'agent@demo.relais.test'));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.mfa_enrolled', 'auth.recovery_code_used', 'auth.mfa_failed', 'auth.sign_in']));
  });

  it('lets an invited person choose a password, then enrol', async () => {
    const inv = await createInvitation(t.deps, { email: 'invitee@exemple.fr', displayName: 'Ivan Invité', invitedBy: { id: null, label: 'admin' }, roles: [{ role: 'admin' }] });
    if (!inv.ok) throw new Error('invitation refused');
    const mail = await lastMailTo('invitee@exemple.fr');
    const path = new URL(mail!.text.match(/https?:\/\/\S+\/invitation\/\S+/)![0]).pathname;
    const client = t.client();
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Bonjour Ivan Invité');
    const weak = await client.post(path, { password: 'invitee-password', passwordConfirmation: 'invitee-password' });
    expect(weak.status).toBe(422);
    expect(weak.html).toContain('Le mot de passe ne doit pas contenir votre adresse e-mail');
    const ok = await client.post(path, { password, passwordConfirmation: password });
    expect(ok.location).toBe('/connexion/double-authentification');
    expect((await client.get('/connexion/double-authentification')).html).toContain('Configurer la double authentification');
    expect((await t.client().get(path)).status).toBe(410);
  });
});

describe('password reset', () => {
  it('answers the same for any address, mails a single-use link, and ends the sessions', async () => {
    const signedIn = t.client();
    await signIn(signedIn, 'usager@demo.relais.test', DEMO_PASSWORD);
    expect((await signedIn.get('/compte')).status).toBe(200);

    const client = t.client();
    await client.get('/mot-de-passe-oublie');
    const unknown = await client.post('/mot-de-passe-oublie', { email: 'personne@exemple.fr' });
    await client.get('/mot-de-passe-oublie');
    const known = await client.post('/mot-de-passe-oublie', { email: 'Usager@demo.relais.test' });
    expect([unknown.status, unknown.location]).toEqual([303, '/mot-de-passe-oublie?envoye']);
    expect([known.status, known.location]).toEqual([303, '/mot-de-passe-oublie?envoye']);
    expect((await client.get('/mot-de-passe-oublie?envoye')).html).toContain('Si un compte existe avec cette adresse');

    const mail = await lastMailTo('usager@demo.relais.test');
    const path = new URL(mail!.text.match(/https?:\/\/\S+\/mot-de-passe-oublie\/\S+/)![0]).pathname;
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(page.res.headers.get('referrer-policy')).toBe('no-referrer');
    const mismatch = await client.post(path, { password: 'nouveau mot de passe solide', passwordConfirmation: 'autre chose' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.html).toContain('Les deux mots de passe ne sont pas identiques');
    const done = await client.post(path, { password: 'nouveau mot de passe solide', passwordConfirmation: 'nouveau mot de passe solide' });
    expect(done.location).toBe('/connexion?info=mot-de-passe-change');
    expect((await signedIn.request('/compte')).status).toBe(303);
    expect((await client.get(path)).status).toBe(410);
    expect((await signIn(t.client(), 'usager@demo.relais.test', 'nouveau mot de passe solide')).location).toBe('/compte');
  });

  it('refuses a link older than one hour', async () => {
    const client = t.client();
    await client.get('/mot-de-passe-oublie');
    await client.post('/mot-de-passe-oublie', { email: 'structure@demo.relais.test' });
    const mail = await lastMailTo('structure@demo.relais.test');
    const path = new URL(mail!.text.match(/https?:\/\/\S+\/mot-de-passe-oublie\/\S+/)![0]).pathname;
    t.clock.advance(61 * 60_000);
    const page = await client.get(path);
    expect(page.status).toBe(410);
    expect(page.html).toContain('Ce lien n’est plus valable');
  });
});

describe('brute force and deactivation', () => {
  it('locks an account after 10 failures for 15 minutes, with a French message, then lets it in', async () => {
    const client = t.client();
    await client.get('/inscription');
    await client.post('/inscription', { displayName: 'Bruno', email: 'bruno@exemple.fr', password, passwordConfirmation: password });
    const attacker = t.client();
    await attacker.get('/connexion');
    let last;
    for (let i = 0; i < 10; i++) {
      last = await attacker.post('/connexion', { email: 'bruno@exemple.fr', password: `essai numéro ${i}` });
      if (last.status === 429 && i < 9) {
        expect(last.html).toContain('Trop de tentatives. Attendez');
        t.clock.advance(10 * 60_000);
        last = await attacker.post('/connexion', { email: 'bruno@exemple.fr', password: `essai numéro ${i}` });
      }
    }
    expect(last!.status).toBe(429);
    expect(last!.html).toContain('ce compte est bloqué');
    const blocked = await signIn(t.client(), 'bruno@exemple.fr', password);
    expect(blocked.status).toBe(429);
    const locks = await t.deps.db.select().from(auditEvents).where(like(auditEvents.action, 'auth.locked'));
    expect(locks.some((e) => e.actorLabel === 'bruno@exemple.fr')).toBe(true);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await signIn(t.client(), 'bruno@exemple.fr', password)).location).toBe('/compte');
  });

  it('ends a deactivated user’s session at once and refuses to sign them in', async () => {
    const client = t.client();
    await client.get('/inscription');
    const r = await client.post('/inscription', { displayName: 'Denise', email: 'denise@exemple.fr', password, passwordConfirmation: password });
    expect(r.location).toBe('/compte');
    expect((await client.get('/compte')).status).toBe(200);
    const [created] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.actorLabel, 'denise@exemple.fr')).limit(1);
    expect(await deactivateUser(t.deps, { userId: created!.actorId!, by: { id: null, label: 'admin' } })).toEqual({ ok: true });
    expect((await client.request('/compte')).status).toBe(303);
    const again = await signIn(t.client(), 'denise@exemple.fr', password);
    expect(again.status).toBe(422);
    expect(again.html).toContain('Ce compte a été désactivé');
  });
});
