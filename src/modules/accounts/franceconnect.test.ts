// FranceConnect against a real OpenID Connect provider (oidc-provider) started here on 127.0.0.1, configured
// like FranceConnect: authorization code flow, client_secret_post, acr eidas1, a nonce it requires, an RS256
// signed id_token, the identity in userinfo, RP-initiated logout. Its login page is a plain form the test
// submits, as a person would.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { users } from './db/accounts.table.ts';
import { DEMO_PASSWORD } from './index.ts';

interface Identity {
  sub: string;
  given_name: string;
  family_name: string;
  email: string;
}

const identities: Record<string, Identity> = {
  camille: { sub: 'fc-sub-camille-0001', given_name: 'Camille', family_name: 'Lefèvre', email: 'camille.lefevre@exemple.fr' },
  // Same address as a demo account created with a password.
  usurper: { sub: 'fc-sub-other-0002', given_name: 'Marie', family_name: 'Autre', email: 'usager@demo.relais.test' },
  marie: { sub: 'fc-sub-marie-0003', given_name: 'Marie', family_name: 'Usagère', email: 'marie.u@exemple.fr' },
};

const CLIENT_ID = 'relais-test-client';
const CLIENT_SECRET = 'a-client-secret-long-enough-for-hs256-0123456789';
const PUBLIC_URL = 'http://localhost:3000';

let server: Server;
let provider: Provider;
let issuer: string;
let t: TestApp;
const seenAuthParams: URLSearchParams[] = [];

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url!, issuer).pathname;
      const login = path.match(/^\/interaction\/([^/]+)(\/login)?$/);
      if (login && req.method === 'GET') {
        await provider.interactionDetails(req, res);
        res.setHeader('content-type', 'text/html');
        res.end(`<form method="post" action="/interaction/${login[1]}/login"><input name="login"><button>Se connecter</button></form>`);
        return;
      }
      if (login && req.method === 'POST') {
        const details = await provider.interactionDetails(req, res);
        const accountId = (await readForm(req)).get('login')!;
        const grant = new provider.Grant({ accountId, clientId: details.params['client_id'] as string });
        grant.addOIDCScope(details.params['scope'] as string);
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId, acr: 'eidas1' }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      provider.callback()(req, res);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${PUBLIC_URL}/connexion/franceconnect/retour`],
        post_logout_redirect_uris: [`${PUBLIC_URL}/deconnexion/franceconnect`],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'fc-test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['cookie-key-for-the-test-provider'] },
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    scopes: ['openid', 'given_name', 'family_name', 'email'],
    claims: { openid: ['sub'], given_name: ['given_name'], family_name: ['family_name'], email: ['email'] },
    ttl: { AuthorizationCode: 60, Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The provider's own « do you want to sign out? » page: its form, and a button to confirm.
        logoutSource: (ctx, form) => {
          ctx.body = `<!DOCTYPE html><title>Déconnexion</title>${form}<button form="op.logoutForm" name="logout" value="yes">Oui</button>`;
        },
      },
    },
    findAccount: (_ctx, sub) => {
      const identity = Object.values(identities).find((i) => i.sub === sub) ?? identities[sub];
      if (!identity) return undefined;
      return { accountId: identity.sub, claims: () => ({ ...identity }) };
    },
  });
  // FranceConnect refuses an authorization request without a nonce.
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth') {
      seenAuthParams.push(new URLSearchParams(ctx.querystring));
      if (!ctx.query['nonce']) {
        ctx.status = 400;
        ctx.body = 'nonce required';
        return;
      }
    }
    await next();
  });
  t = await createTestApp({
    env: { PUBLIC_URL, FRANCECONNECT_ISSUER: issuer, FRANCECONNECT_CLIENT_ID: CLIENT_ID, FRANCECONNECT_CLIENT_SECRET: CLIENT_SECRET },
  });
});

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The browser's cookies at the provider (a separate site). */
class ProviderBrowser {
  private jar = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      this.jar.set(name!.trim(), rest.join('='));
    }
    return res;
  }
}

/** Follows redirects at the provider until it sends the browser back to Relais; returns that address. */
async function followToRelais(browser: ProviderBrowser, start: string, identity: Identity | null): Promise<URL> {
  let next = new URL(start);
  for (let i = 0; i < 10; i++) {
    if (next.origin === PUBLIC_URL) return next;
    const res = await browser.fetch(next.href);
    if (res.status === 200 && identity) {
      const html = await res.text();
      const action = html.match(/action="([^"]+)"/)![1]!;
      const posted = await browser.fetch(new URL(action, issuer).href, {
        method: 'POST',
        body: new URLSearchParams({ login: identity.sub }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      next = new URL(posted.headers.get('location')!, issuer);
      continue;
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    next = new URL(location, issuer);
  }
  throw new Error('too many redirects');
}

async function franceConnect(client: TestClient, browser: ProviderBrowser, identity: Identity, retour = '') {
  const page = await client.get(`/connexion${retour}`);
  expect(page.html).toContain('S’identifier avec FranceConnect');
  const start = await client.post(`/connexion/franceconnect${retour}`, {});
  expect(start.status).toBe(303);
  const back = await followToRelais(browser, start.location!, identity);
  return client.get(back.pathname + back.search);
}

describe('FranceConnect', () => {
  it('creates a resident account at the first sign-in, keyed by sub, and signs in to the same account later', async () => {
    const client = t.client();
    const browser = new ProviderBrowser();
    const back = await franceConnect(client, browser, identities['camille']!, '?retour=%2Fcompte');
    expect(back.status).toBe(303);
    expect(back.res.headers.get('location')).toBe('/compte');
    const params = seenAuthParams.at(-1)!;
    expect(params.get('acr_values')).toBe('eidas1');
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('state')).toBeTruthy();
    expect(params.get('scope')).toBe('openid given_name family_name email');
    const account = await client.get('/compte');
    expect(account.status).toBe(200);
    expect(account.html).toContain('Camille Lefèvre');
    expect(account.html).toContain('Avec FranceConnect');
    const rows = await t.deps.db.select().from(users).where(eq(users.franceConnectSub, 'fc-sub-camille-0001'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'resident', email: 'camille.lefevre@exemple.fr', passwordHash: null });

    // Sign-out also ends the FranceConnect session: the browser goes through the provider's logout.
    const out = await client.post('/deconnexion', {});
    const endSession = new URL(out.location!);
    expect(endSession.origin).toBe(issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/deconnexion/franceconnect`);
    const confirm = await browser.fetch(endSession.href);
    const form = await confirm.text();
    const xsrf = form.match(/name="xsrf" value="([^"]+)"/)![1]!;
    const action = form.match(/action="([^"]+)"/)![1]!;
    const loggedOut = await browser.fetch(new URL(action, issuer).href, {
      method: 'POST',
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const backHome = new URL(loggedOut.headers.get('location')!);
    expect(backHome.pathname).toBe('/deconnexion/franceconnect');
    expect((await client.get(backHome.pathname + backHome.search)).res.headers.get('location')).toBe('/deconnexion');
    expect((await client.request('/compte')).status).toBe(303);

    const again = t.client();
    expect((await franceConnect(again, new ProviderBrowser(), identities['camille']!)).res.headers.get('location')).toBe('/compte');
    expect(await t.deps.db.select().from(users).where(eq(users.franceConnectSub, 'fc-sub-camille-0001'))).toHaveLength(1);
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, rows[0]!.id));
    expect(events.map((e) => [e.action, e.details['method'] ?? null])).toEqual(
      expect.arrayContaining([
        ['account.created', 'franceconnect'],
        ['auth.sign_in', 'franceconnect'],
        ['auth.sign_out', null],
      ]),
    );
  });

  it('does not hand an existing password account to a FranceConnect identity with the same e-mail', async () => {
    const client = t.client();
    const back = await franceConnect(client, new ProviderBrowser(), identities['usurper']!);
    expect(back.status).toBe(409);
    expect(back.html).toContain('Un compte Relais existe déjà avec l’adresse usager@demo.relais.test');
    expect((await client.request('/compte')).status).toBe(303);
    expect(await t.deps.db.select().from(users).where(eq(users.franceConnectSub, 'fc-sub-other-0002'))).toEqual([]);
  });

  it('links FranceConnect to a password account from « Mon compte », and only there', async () => {
    const client = t.client();
    await client.get('/connexion');
    expect((await client.post('/connexion', { email: 'usager@demo.relais.test', password: DEMO_PASSWORD })).location).toBe('/compte');
    const account = await client.get('/compte');
    expect(account.html).toContain('Lier mon compte à FranceConnect');
    const start = await client.post('/compte/franceconnect', {});
    const back = await followToRelais(new ProviderBrowser(), start.location!, identities['marie']!);
    const linked = await client.get(back.pathname + back.search);
    expect(linked.res.headers.get('location')).toBe('/compte?info=franceconnect-lie');
    expect((await client.get('/compte?info=franceconnect-lie')).html).toContain('Votre compte est maintenant lié à FranceConnect');

    const later = t.client();
    expect((await franceConnect(later, new ProviderBrowser(), identities['marie']!)).res.headers.get('location')).toBe('/compte');
    const page = await later.get('/compte');
    expect(page.html).toContain('usager@demo.relais.test');
    const [row] = await t.deps.db.select().from(users).where(eq(users.email, 'usager@demo.relais.test'));
    expect(row!.franceConnectSub).toBe('fc-sub-marie-0003');
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, row!.id));
    expect(events.map((e) => e.action)).toContain('account.franceconnect_linked');

    // The same identity cannot be linked to a second account.
    const other = t.client();
    await other.get('/inscription');
    await other.post('/inscription', { displayName: 'Autre', email: 'autre@exemple.fr', password: 'une phrase de passe assez longue', passwordConfirmation: 'une phrase de passe assez longue' });
    await other.get('/compte');
    const otherStart = await other.post('/compte/franceconnect', {});
    const otherBack = await followToRelais(new ProviderBrowser(), otherStart.location!, identities['marie']!);
    const refused = await other.get(otherBack.pathname + otherBack.search);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('déjà liée à un autre compte');
  });

  it('refuses an answer that does not match the request (state)', async () => {
    const victim = t.client();
    await victim.get('/connexion');
    await victim.post('/connexion/franceconnect', {});
    // An attacker's own authorization response, replayed into the victim's browser.
    const attacker = t.client();
    await attacker.get('/connexion');
    const start = await attacker.post('/connexion/franceconnect', {});
    const back = await followToRelais(new ProviderBrowser(), start.location!, identities['camille']!);
    const res = await victim.get(back.pathname + back.search);
    expect(res.status).toBe(502);
    expect(res.html).toContain('La connexion avec FranceConnect n’a pas abouti');
    expect((await victim.request('/compte')).status).toBe(303);
  });

  it('answers a callback without a pending request with a French page', async () => {
    const res = await t.client().get('/connexion/franceconnect/retour?code=x&state=y');
    expect(res.status).toBe(400);
    expect(res.html).toContain('La demande de connexion a expiré');
  });
});
