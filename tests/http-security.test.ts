// The HTTP protections every page gets: headers, cookie flags, session expiry, CSRF, body limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResident } from './support/sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let https: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '20000' } });
  https = await createTestApp({ env: { PUBLIC_URL: 'https://relais.exemple.fr' } });
});
afterAll(async () => {
  await t.close();
  await https.close();
});

describe('security headers', () => {
  it('sends a Content-Security-Policy without unsafe-inline, and the other protective headers', async () => {
    const res = await t.client().request('/connexion');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS and makes the session cookie Secure with the __Host- prefix behind HTTPS', async () => {
    const res = await https.client().request('/connexion');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('__Host-relais_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
  });
});

describe('sessions', () => {
  it('keeps the session in an httpOnly, SameSite=Lax cookie without lifetime', async () => {
    const res = await t.client().request('/connexion');
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('relais_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
  });

  it('ends a session left idle longer than the idle limit', async () => {
    const client = await signInResident(t);
    expect((await client.request('/compte')).status).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await client.request('/compte')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await client.request('/compte');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/connexion/);
  });

  it('ends an active session after the absolute limit', async () => {
    const client = await signInResident(t);
    for (let i = 0; i < 12 * 4; i++) {
      t.clock.advance(15 * 60_000);
      const res = await client.request('/compte');
      if (i < 12 * 4 - 1) expect(res.status, `après ${(i + 1) * 15} minutes`).toBe(200);
      else expect(res.status).toBe(303);
    }
  });
});

describe('bad requests', () => {
  it('refuses a form sent with a wrong CSRF token with a French 403 page', async () => {
    const client = t.client();
    await client.get('/connexion');
    const res = await client.post('/connexion', { email: 'a@b.fr', password: 'x' }, { csrf: 'faux-jeton' });
    expect(res.status).toBe(403);
    expect(res.html).toContain('Accès refusé');
  });

  it('answers an oversized body with a French 413 page', async () => {
    const client = t.client();
    await client.get('/connexion');
    const res = await client.post('/connexion', { email: 'a@b.fr', password: 'x'.repeat(30_000) });
    expect(res.status).toBe(413);
    expect(res.html).toContain('Envoi trop volumineux');
  });
});

describe('unexpected errors', () => {
  it('shows a French 500 page with a reference, never the error itself', async () => {
    const broken = await createTestApp();
    try {
      broken.app.get('/panne', () => {
        throw new Error('détail interne à ne pas montrer');
      });
      const res = await broken.client().get('/panne');
      expect(res.status).toBe(500);
      expect(res.html).toContain('Désolé, le service rencontre un problème');
      expect(res.html).toContain(res.res.headers.get('x-request-id')!);
      expect(res.html).not.toContain('détail interne');
      expect(res.html).not.toMatch(/at .*\.tsx?:\d+/);
    } finally {
      await broken.close();
    }
  });
});
