// Signing in as the demo accounts in route tests: password, then TOTP enrolment with a code computed from the
// secret the page shows, as a person with an authenticator app would.
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import type { TestApp, TestClient } from './test-app.ts';

export async function signInResident(t: TestApp, email = 'usager@demo.relais.test'): Promise<TestClient> {
  const client = t.client();
  await client.get('/connexion');
  const res = await client.post('/connexion', { email, password: DEMO_PASSWORD });
  if (res.status !== 303) throw new Error(`connexion de ${email} refusée (${res.status})`);
  return client;
}

/** Signs in a demo staff account and enrols its TOTP; returns the client and the TOTP secret. */
export async function signInStaff(t: TestApp, email: string): Promise<{ client: TestClient; secret: string }> {
  const client = t.client();
  await client.get('/connexion');
  const first = await client.post('/connexion', { email, password: DEMO_PASSWORD });
  if (first.location !== '/connexion/double-authentification') throw new Error(`connexion de ${email} : ${first.status} ${first.location}`);
  const enrol = await client.get('/connexion/double-authentification');
  const secret = enrol.html.match(/id="totp-secret">([A-Z2-7 ]+)</)![1]!.replace(/ /g, '');
  const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: t.clock.now().getTime() });
  const ok = await client.post('/connexion/double-authentification', { code });
  if (ok.status !== 303) throw new Error(`double authentification de ${email} refusée (${ok.status})`);
  return { client, secret };
}
