import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/client.ts';
import { findCentreForCommune } from '../db/social-centre-queries.ts';
import { roleGrants, users } from '../../../schema.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { signedInAs } from '../../../../tests/support/staff-session.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A signed-in staff member (TOTP step passed) holding one role: the rows sign-in would leave behind. */
async function staffClient(role: 'admin' | 'agent'): Promise<{ client: TestClient; userId: string; email: string }> {
  const userId = randomUUID();
  const email = `${role}-${userId.slice(0, 8)}@demo.relais.test`;
  const now = t.clock.now();
  await t.deps.db.insert(users).values({
    id: userId,
    kind: 'staff',
    email,
    displayName: `Test ${role}`,
    status: 'active',
    totpSecret: 'JBSWY3DPEHPK3PXP',
    totpEnabledAt: now,
    createdAt: now,
  });
  await t.deps.db.insert(roleGrants).values({ id: randomUUID(), userId, role, grantedAt: now });
  const client = await signedInAs(t, { userId, email });
  return { client, userId, email };
}

const centreId = async (name: string) =>
  (await queryRows<{ id: string }>(t.deps.db, sql`select id from social_centres where name = ${name}`))[0]!.id;

describe('public commune search', () => {
  it('lists matching communes as links, without JavaScript', async () => {
    const { status, html } = await t.client().get('/communes?q=st+malo');
    expect(status).toBe(200);
    expect(html).toContain('<form method="get" action="/communes"');
    expect(html).toMatch(/<a class="govuk-link" href="\/communes\/35288">Saint-Malo \(35400\)<\/a>/);
  });

  it('says so in French when nothing matches', async () => {
    const { status, html } = await t.client().get('/communes?q=xqzwkv');
    expect(status).toBe(200);
    expect(html).toContain('Aucune commune ne correspond à « xqzwkv »');
  });

  it('shows a commune with its EPCI and the centre that serves it', async () => {
    const { status, html } = await t.client().get('/communes/35049');
    expect(status).toBe(200);
    expect(html).toContain('Cancale');
    expect(html).toContain('CA du Pays de Saint Malo Agglomération');
    expect(html).toContain('CDAS de Saint-Malo');
    expect((await t.client().get('/communes/99999')).status).toBe(404);
    expect((await t.client().get('/communes/nimporte')).status).toBe(404);
  });

  it('answers the autocomplete in JSON, postcodes by prefix', async () => {
    const res = await t.client().request('/api/communes?q=3540&departement=35');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ insee: string; label: string }> };
    expect(body.results[0]).toMatchObject({ insee: '35288', label: 'Saint-Malo (35400)' });
    const none = (await (await t.client().request('/api/communes?q=')).json()) as { results: unknown[] };
    expect(none.results).toEqual([]);
  });
});

describe('« Trouver mon CDAS »', () => {
  it('offers a commune field that the script enhances, and works as a plain GET form', async () => {
    const { status, html } = await t.client().get('/mon-centre');
    expect(status).toBe(200);
    expect(html).toContain('Trouver mon CDAS');
    expect(html).toContain('data-module="relais-commune-autocomplete"');
    expect(html).toMatch(/<script type="module" src="\/assets\/commune-autocomplete\.[0-9a-f]+\.js">/);
    const asset = html.match(/src="(\/assets\/commune-autocomplete\.[0-9a-f]+\.js)"/)![1]!;
    const js = await t.client().request(asset);
    expect(js.status).toBe(200);
    const text = await js.text();
    expect(text).toContain("'aria-activedescendant'");
    expect(Buffer.byteLength(text)).toBeLessThan(3 * 1024);
  });

  it('finds the centre from the typed name, accents and abbreviation aside', async () => {
    const { status, html } = await t.client().get('/mon-centre?commune=st+meloir+des+ondes&communeInsee=');
    expect(status).toBe(200);
    expect(html).toContain('Pour Saint-Méloir-des-Ondes');
    expect(html).toContain('CDAS de Saint-Malo');
    expect(html).toContain('12 rue de la Fontaine, 35400 Saint-Malo');
    expect(html).toContain('Du lundi au vendredi : 8 h 30 à 12 h 30 et 13 h 30 à 17 h 30');
    expect(html).toContain('href="tel:0261911000"');
  });

  it('takes the code chosen by the autocomplete', async () => {
    const { html } = await t.client().get('/mon-centre?commune=Vitr%C3%A9+(35500)&communeInsee=35360');
    expect(html).toContain('CDAS de Vitré');
  });

  it('asks which commune when several match, and explains when none does', async () => {
    const several = await t.client().get('/mon-centre?commune=saint+aubin');
    expect(several.status).toBe(422);
    expect(several.html).toContain('Plusieurs communes correspondent à « saint aubin » : choisissez la vôtre.');
    expect(several.html).toContain('id="communeInsee" type="radio" value="35251" name="communeInsee"');
    expect(several.html).toContain('href="#communeInsee"');
    const chosen = await t.client().get('/mon-centre?commune=saint+aubin&communeInsee=35251');
    expect(chosen.html).toContain('CDAS des Marches de Bretagne');
    const none = await t.client().get('/mon-centre?commune=xqzwkv');
    expect(none.status).toBe(422);
    expect(none.html).toContain('Aucune commune ne correspond à « xqzwkv »');
    const empty = await t.client().get('/mon-centre?commune=');
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('Saisissez le nom ou le code postal de votre commune');
    const rennes = await t.client().get('/mon-centre?commune=rennes');
    expect(rennes.html).toContain('Aucun CDAS n’est encore rattaché à Rennes');
  });
});

describe('admin screens for social centres', () => {
  it('send an anonymous visitor to sign in and refuse staff who are not admins', async () => {
    const anon = await t.client().get('/admin/centres');
    expect(anon.status).toBe(303);
    expect(anon.res.headers.get('location')).toBe('/connexion?retour=%2Fadmin%2Fcentres');
    const { client: agent } = await staffClient('agent');
    expect((await agent.get('/admin/centres')).status).toBe(403);
    const id = await centreId('CDAS de Vitré');
    expect((await agent.get(`/admin/centres/${id}`)).status).toBe(403);
    // The agent cannot post either, even with the valid CSRF token of their own session.
    const before = await countAudit('territory.sectorisation_changed', id);
    await agent.get('/mon-centre');
    expect(agent.csrf).toBeTruthy();
    const posted = await agent.post(`/admin/centres/${id}/communes`, { commune: 'Rennes' });
    expect(posted.status).toBe(403);
    expect(await countAudit('territory.sectorisation_changed', id)).toBe(before);
    expect(await findCentreForCommune(t.deps.db, '35238')).toBeNull();
  });

  it('list the centres with the number of communes each serves', async () => {
    const { client } = await staffClient('admin');
    const { status, html } = await client.get('/admin/centres');
    expect(status).toBe(200);
    for (const name of ['CDAS de Saint-Malo', 'CDAS de Vitré', 'CDAS de la Couronne rennaise Sud']) expect(html).toContain(name);
    expect(html).toContain('Ajouter un centre');
  });

  it('create a centre: French errors with 422 and answers kept, then success with an audit event', async () => {
    const { client, userId } = await staffClient('admin');
    await client.get('/admin/centres/nouveau');
    const bad = await client.post('/admin/centres/nouveau', {
      kind: 'CDAS',
      name: '',
      commune: 'Rennes',
      communeInsee: '',
      address: '1 place de la Mairie',
      phone: '12',
      email: 'pas-une-adresse',
      openingHours: 'lundi 9h-12h',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<title>Erreur : ');
    expect(bad.html).toContain('Saisissez le nom du centre');
    expect(bad.html).toContain('href="#name"');
    expect(bad.html).toContain('Saisissez un numéro de téléphone à 10 chiffres');
    expect(bad.html).toContain('Saisissez une adresse e-mail valide');
    expect(bad.html).toContain('Saisissez les horaires au format indiqué');
    expect(bad.html).toContain('value="1 place de la Mairie"');
    expect(bad.html).toContain('value="Rennes (35000 à 35700)"');

    const taken = await client.post('/admin/centres/nouveau', {
      kind: 'CDAS', name: 'CDAS de Vitré', commune: 'Rennes', address: '1 place de la Mairie',
    });
    expect(taken.status).toBe(422);
    expect(taken.html).toContain('Un centre s’appelle déjà « CDAS de Vitré »');

    const ok = await client.post('/admin/centres/nouveau', {
      kind: 'CDAS',
      name: 'CDAS de Rennes Centre',
      commune: 'rennes',
      communeInsee: '',
      address: '1 place de la Mairie, 35000 Rennes',
      phone: '02 61 91 99 00',
      email: 'cdas-rennes-centre@demo.relais.test',
      openingHours: 'Mo-Fr 09:00-17:00',
    });
    expect(ok.status).toBe(303);
    const id = ok.location!.match(/\/admin\/centres\/([0-9a-f-]{36})\?enregistre=1$/)![1]!;
    const page = await client.get(ok.location!);
    expect(page.html).toContain('Le centre a été enregistré.');
    expect(page.html).toContain('value="CDAS de Rennes Centre"');
    const [row] = await queryRows<{ actor_id: string; details: { name: string } }>(
      t.deps.db,
      sql`select actor_id, details from audit_events where action = 'territory.social_centre_created' and subject_id = ${id}`,
    );
    expect(row).toMatchObject({ actor_id: userId, details: { name: 'CDAS de Rennes Centre' } });
  });

  it('edit a centre and journal what changed', async () => {
    const { client } = await staffClient('admin');
    const id = await centreId('CDAS de Guichen');
    const form = await client.get(`/admin/centres/${id}`);
    expect(form.html).toContain('value="Guichen (35580)"');
    const res = await client.post(`/admin/centres/${id}`, {
      kind: 'CDAS', name: 'CDAS de Guichen', commune: 'Guichen (35580)', communeInsee: '35126',
      address: '8 place de l’Hôtel de Ville, 35580 Guichen', phone: '02 61 91 17 00', email: 'cdas-guichen@demo.relais.test',
      openingHours: 'Mo-Fr 08:30-12:30,13:30-17:00',
    });
    expect(res.status).toBe(303);
    const [row] = await queryRows<{ details: { changes: Record<string, { from: string; to: string }> } }>(
      t.deps.db,
      sql`select details from audit_events where action = 'territory.social_centre_updated' and subject_id = ${id}`,
    );
    expect(row!.details.changes).toEqual({
      address: { from: '6 place de l’Hôtel de Ville, 35580 Guichen', to: '8 place de l’Hôtel de Ville, 35580 Guichen' },
    });
    expect((await client.get('/admin/centres/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('edit the communes a centre serves, naming the centre that already serves a commune', async () => {
    const { client } = await staffClient('admin');
    const id = await centreId('CDAS de Vitré');
    const before = await countAudit('territory.sectorisation_changed', id);
    const page = await client.get(`/admin/centres/${id}/communes`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Argentré-du-Plessis (35370)');

    const elsewhere = await client.post(`/admin/centres/${id}/communes`, { commune: 'Cancale', communeInsee: '' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.html).toContain('Cancale est déjà rattachée au centre « CDAS de Saint-Malo ». Retirez-la d’abord de ce centre.');
    expect(elsewhere.html).toContain('value="Cancale (35260)"');

    const added = await client.post(`/admin/centres/${id}/communes`, { commune: 'Louvigné-de-Bais', communeInsee: '' });
    expect(added.status).toBe(303);
    expect((await client.get(added.location!)).html).toContain('Louvigné-de-Bais a été ajoutée.');
    expect(await countAudit('territory.sectorisation_changed', id)).toBe(before + 1);

    const removed = await client.post(`/admin/centres/${id}/communes/35161/retirer`, {});
    expect(removed.status).toBe(303);
    expect((await client.get(removed.location!)).html).toContain('Louvigné-de-Bais a été retirée.');
    expect(await countAudit('territory.sectorisation_changed', id)).toBe(before + 2);
    const [served] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*) as n from social_centre_communes where commune_insee = '35161'`);
    expect(Number(served!.n)).toBe(0);
  });
});

async function countAudit(action: string, subjectId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*) as n from audit_events where action = ${action} and subject_id = ${subjectId}`);
  return Number(r!.n);
}
