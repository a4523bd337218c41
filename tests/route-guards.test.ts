// Every registered route must declare who may use it (a guard from platform/http/guard.ts in its own handler
// chain), and every route that is not public must refuse an anonymous visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardDescription, isGuard } from '../src/platform/http/guard.ts';
import { signInResident } from './support/sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface RouteInfo {
  method: string;
  path: string;
  guards: string[];
}

function registeredRoutes(): RouteInfo[] {
  const byKey = new Map<string, RouteInfo>();
  for (const r of t.app.routes) {
    // Global middleware (app.use) is registered for every path with the method ALL.
    if (r.method === 'ALL' && (r.path === '/*' || r.path === '*')) continue;
    const key = `${r.method} ${r.path}`;
    const info = byKey.get(key) ?? { method: r.method, path: r.path, guards: [] };
    if (isGuard(r.handler)) info.guards.push(guardDescription(r.handler) ?? '?');
    byKey.set(key, info);
  }
  return [...byKey.values()];
}

const PUBLIC = new Set(['anyone', 'anonymous only', 'system']);

function concrete(path: string): string {
  // A parameter's pattern may hold quantifiers in braces ({8}): one level of nesting is read.
  return path.replace(/:[A-Za-z0-9_]+(\{(?:[^{}]|\{[^{}]*\})*\})?\??/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');
}

describe('route guards', () => {
  it('finds the application routes', () => {
    expect(registeredRoutes().length).toBeGreaterThan(1);
  });

  it('gives every route exactly one declared guard', () => {
    const unguarded = registeredRoutes().filter((r) => r.guards.length !== 1);
    expect(unguarded.map((r) => `${r.method} ${r.path} → ${r.guards.length} garde(s)`)).toEqual([]);
  });

  it('refuses an anonymous visitor on every protected route', async () => {
    const failures: string[] = [];
    const visitor = t.client();
    for (const r of registeredRoutes()) {
      if (r.guards.every((g) => PUBLIC.has(g))) continue;
      const method = r.method === 'ALL' ? 'GET' : r.method;
      const res = await visitor.request(concrete(r.path), {
        method,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: new URLSearchParams({ a: 'b' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      });
      const location = res.headers.get('location') ?? '';
      const refused = res.status === 403 || (res.status === 303 && location.startsWith('/connexion'));
      if (!refused) failures.push(`${method} ${r.path} → ${res.status} ${location}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('pages for people not signed in', () => {
  it('send a signed-in person on, to where they were heading when it is a path of this site', async () => {
    const resident = await signInResident(t);
    const signIn = await resident.get('/connexion');
    expect([signIn.status, signIn.res.headers.get('location')]).toEqual([303, '/compte']);
    const back = await resident.get('/connexion?retour=%2Fplan-du-site');
    expect(back.res.headers.get('location')).toBe('/plan-du-site');
    const away = await resident.get('/connexion?retour=%2F%2Fevil.example');
    expect(away.res.headers.get('location')).toBe('/compte');
    await resident.get('/compte'); // a page with a form, for the CSRF token
    const signUp = await resident.post('/inscription', { displayName: 'X', email: 'nouveau-x@example.org', password: 'un mot de passe long' });
    expect([signUp.status, signUp.location]).toEqual([303, '/compte']);
  });
});

describe('no route answers 500 to odd input', () => {
  it('answers every route, with malformed parameters and junk forms, without a server error', async () => {
    const { signInStaff } = await import('./support/sign-in.ts');
    const { client } = await signInStaff(t, 'admin@demo.relais.test');
    await client.get('/compte');
    const failures: string[] = [];
    const routes = registeredRoutes().filter((r) => !['/deconnexion'].includes(r.path));
    for (const r of routes) {
      const method = r.method === 'ALL' ? 'GET' : r.method;
      for (const value of ['x', "'; drop table users; --", '00000000-0000-4000-8000-000000000000', '%E9%']) {
        const path = r.path.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?\??/g, encodeURIComponent(value)).replace(/\*$/, 'x');
        const res =
          method === 'GET'
            ? await client.request(`${path}?q=${encodeURIComponent(value)}&page=-1&du=${encodeURIComponent(value)}`)
            : await client.request(path, {
                method,
                body: new URLSearchParams({ _csrf: client.csrf ?? '', email: value, code: value, nom: value, role: value, communes: value }),
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
              });
        if (res.status >= 500) failures.push(`${method} ${path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    // Still signed in as the admin at the end: the requests really went past the guards.
    expect((await client.request('/admin')).status).toBe(200);
    // Still signed in as the admin at the end: the requests really went past the guards.
    expect((await client.request('/admin')).status).toBe(200);
  });
});
