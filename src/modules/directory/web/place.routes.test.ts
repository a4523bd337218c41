import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResident, signInStaff } from '../../../../tests/support/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { auditEvents } from '../../../platform/audit/audit.table.ts';
import { roleGrants, users } from '../../accounts/db/accounts.table.ts';
import { socialCentres } from '../../territory/db/territory.table.ts';
import { errorReports } from '../db/directory.table.ts';
import { createPlace, createService, createStructure, type Actor } from '../db/listing-store.ts';

let t: TestApp;
const seed: Actor = { userId: null, kind: 'departement' };
// Monday 2 March 2026, 10:30 in Paris.
const MONDAY_MORNING = new Date('2026-03-02T09:30:00Z');
const tag = Math.random().toString(36).slice(2, 8);
const ids = { demoStructure: '', otherStructure: '', place: '', stale: '', hidden: '', service: '', hiddenService: '', otherService: '' };

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  t.clock.set(MONDAY_MORNING);
  const deps = { clock: t.clock, ids: t.deps.ids };
  const db = t.deps.db;
  // The demo structure member's structure: its places show them « Modifier cette fiche ».
  const [grant] = await db
    .select({ structureId: roleGrants.structureId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.email, 'structure@demo.relais.test'), eq(roleGrants.role, 'structure_member')));
  ids.demoStructure = grant!.structureId!;
  const [centre] = await db.select({ id: socialCentres.id }).from(socialCentres).where(eq(socialCentres.departementCode, '35')).limit(1);
  ids.otherStructure = await createStructure(db, deps, { name: `Association Clic et Déclic ${tag}`, kind: 'association', phone: '+33299000001', communeInsee: '35238', street: '3 rue de Paris', postcode: '35000' }, seed);
  ids.place = await createPlace(
    db,
    deps,
    {
      structureId: ids.demoStructure,
      source: 'test-place',
      sourceId: `place-${tag}`,
      name: `Espace numérique Bréquigny ${tag}`,
      street: '12 boulevard Albert 1er',
      complement: 'Rez-de-chaussée',
      postcode: '35200',
      communeName: 'Rennes',
      communeInsee: '35238',
      latitude: 48.0886,
      longitude: -1.6852,
      phone: '+33299123456',
      emails: ['accueil@brequigny.example.fr'],
      websites: ['https://brequigny.example.fr/'],
      openingHours: 'Mo-Fr 09:00-12:30,14:00-17:00; PH off',
      summary: 'Un lieu pour faire ses démarches en ligne avec un conseiller.',
      itinerance: ['Fixe'],
      services: ['Aide aux démarches administratives', 'Accès internet et matériel informatique'],
      publics: ['Seniors'],
      fees: ['Gratuit'],
      nationalPrograms: ['France Services', 'Aidants Connect'],
      accessModes: ['Se présenter', 'Téléphoner'],
      supportModes: ['Accompagnement individuel'],
      specificSupport: ['Surdité'],
      accessibilityUrl: 'https://acceslibre.beta.gouv.fr/app/35-rennes/a/espace/erp/brequigny/',
      appointmentUrl: 'https://rdv.example.fr/brequigny',
      acceptsPassNumerique: true,
      socialCentreId: centre!.id,
      updatedOn: '2026-01-15',
      updateFrequencyDays: 180,
    },
    seed,
  );
  ids.service = await createService(
    db,
    deps,
    {
      structureId: ids.demoStructure,
      placeId: ids.place,
      name: `Aide aux démarches CAF ${tag}`,
      summary: 'Un conseiller vous aide à faire votre demande.',
      themes: ['numerique--acceder-a-des-services-en-ligne'],
      publics: ['seniors', 'familles'],
      fees: 'gratuit',
      receptionModes: ['en-presentiel'],
      mobilisationModes: ['telephoner', 'se-presenter'],
      mobilisableBy: ['usagers', 'professionnels'],
    },
    seed,
  );
  ids.hiddenService = await createService(db, deps, { structureId: ids.demoStructure, placeId: ids.place, name: `Service retiré ${tag}`, status: 'hidden' }, seed);
  ids.stale = await createPlace(
    db,
    deps,
    {
      structureId: ids.otherStructure,
      source: 'test-place',
      sourceId: `stale-${tag}`,
      name: `Point numérique ancien ${tag}`,
      street: '3 rue de Paris',
      postcode: '35000',
      communeName: 'Rennes',
      updatedOn: '2025-01-10',
      updateFrequencyDays: 180,
    },
    seed,
  );
  ids.otherService = await createService(db, deps, { structureId: ids.otherStructure, placeId: ids.stale, name: `Atelier ordinateur ${tag}` }, seed);
  ids.hidden = await createPlace(
    db,
    deps,
    { source: 'test-place', sourceId: `hidden-${tag}`, name: `Lieu masqué ${tag}`, street: '1 rue X', postcode: '35000', communeName: 'Rennes', status: 'hidden' },
    seed,
  );
});
afterAll(() => t.close());

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the page of a place', () => {
  it('shows a resident what they need: labels, open now, hours, address, contact, offer, services, accessibility, date', async () => {
    const { status, html } = await t.client().get(`/lieux/${ids.place}`);
    expect(status).toBe(200);
    expect(h1(html)).toBe(`Espace numérique Bréquigny ${tag}`);
    const page = text(html);
    for (const label of ['France Services', 'Aidants Connect', 'Accepte le Pass numérique', 'CDAS']) {
      expect(html).toContain(`<strong class="govuk-tag govuk-tag--blue">${label}</strong>`);
    }
    expect(page).toContain('Ouvert maintenant · ferme à 12 h 30');
    expect(page).toContain('Lundi (aujourd’hui) 9 h à 12 h 30 et 14 h à 17 h');
    expect(page).toContain('Samedi Fermé');
    expect(page).toContain('Fermé les jours fériés.');
    expect(page).toContain('12 boulevard Albert 1er Rez-de-chaussée 35200 Rennes');
    expect(html).toContain('href="https://www.openstreetmap.org/directions?route=%3B48.0886%2C-1.6852"');
    expect(html).toContain('href="tel:+33299123456">02 99 12 34 56</a>');
    expect(html).toContain('href="mailto:accueil@brequigny.example.fr"');
    expect(html).toContain('href="https://rdv.example.fr/brequigny">Prendre rendez-vous en ligne</a>');
    for (const offer of ['Aide aux démarches administratives', 'Seniors', 'Gratuit', 'Se présenter', 'Accompagnement individuel', 'Surdité']) {
      expect(page).toContain(offer);
    }
    expect(page).toContain(`Aide aux démarches CAF ${tag}`);
    expect(page).toContain('Accéder à des services en ligne');
    expect(page).toContain('Qui peut faire la demande Les personnes elles-mêmes ou les professionnels');
    expect(page).not.toContain(`Service retiré ${tag}`);
    expect(html).toContain('Voir l’accessibilité du lieu sur acceslibre');
    expect(html).toContain(`href="/structures/${ids.demoStructure}"`);
    expect(page).toContain('Mis à jour le 15 janvier 2026.');
    expect(page).not.toContain('n’a pas été mise à jour depuis');
    expect(html).toContain(`href="/lieux/${ids.place}/signaler"`);
    // The coordinates stay readable without the map.
    expect(page).toContain('48,08860° N, 1,68520° O');
    // A visitor sees no staff action.
    expect(page).not.toContain('Modifier cette fiche');
    expect(page).not.toContain('Orienter une personne');
  });

  it('follows the clock for « ouvert maintenant »: lunch, Friday evening, a public holiday', async () => {
    const at = async (iso: string) => {
      t.clock.set(new Date(iso));
      return text((await t.client().get(`/lieux/${ids.place}`)).html);
    };
    try {
      expect(await at('2026-03-02T12:00:00Z')).toContain('Fermé · ouvre à 14 h');
      expect(await at('2026-03-06T17:30:00Z')).toContain('Fermé · ouvre lundi à 9 h');
      // Easter Monday, 6 April 2026, 10:00 in Paris.
      const holiday = await at('2026-04-06T08:00:00Z');
      expect(holiday).toContain('Fermé aujourd’hui (jour férié) · ouvre demain à 9 h');
      expect(holiday).toContain('Lundi (aujourd’hui)');
    } finally {
      t.clock.set(MONDAY_MORNING);
    }
  });

  it('warns when the listing is older than its update frequency, and says when hours are unknown', async () => {
    const page = text((await t.client().get(`/lieux/${ids.stale}`)).html);
    expect(page).toContain('Cette fiche n’a pas été mise à jour depuis plus de 6 mois');
    expect(page).toContain('Mis à jour le 10 janvier 2025.');
    expect(page).toContain('Horaires non renseignés');
    expect(page).toContain('Les horaires ne sont pas renseignés : appelez avant de vous déplacer.');
  });

  it('answers a hidden place, an unknown place and junk ids with the French 404 page, never a 500', async () => {
    const client = t.client();
    for (const path of [
      `/lieux/${ids.hidden}`,
      '/lieux/00000000-0000-4000-8000-000000000000',
      '/lieux/------------------------------------',
      '/lieux/aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaaaaaa',
      "/lieux/'; drop table places; --",
      '/lieux/%E9%',
      `/lieux/${ids.hidden}/signaler`,
      '/lieux/------------------------------------/signaler',
      '/structures/------------------------------------',
      '/structures/00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain('Page introuvable');
    }
  });

  it('shows the place on the map when it has coordinates, with the tiles’ origin allowed on that page only', async () => {
    const { html, res } = await t.client().get(`/lieux/${ids.place}`);
    const markers = JSON.parse(/data-markers="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"')) as unknown;
    expect(markers).toEqual([{ lat: 48.0886, lon: -1.6852, name: `Espace numérique Bréquigny ${tag}`, url: `/lieux/${ids.place}` }]);
    expect(html).toMatch(/<script type="module" src="\/assets\/place-map\.[0-9a-f]+\.js">/);
    const tiles = new URL(t.deps.config.map.styleUrl).origin;
    expect(res.headers.get('content-security-policy')).toContain(tiles);
    const without = await t.client().get(`/lieux/${ids.stale}`);
    expect(without.html).not.toContain('data-relais-map');
    expect(without.res.headers.get('content-security-policy')).not.toContain(tiles);
  });

  it('stays within 30 KB gzipped', async () => {
    const { html } = await t.client().get(`/lieux/${ids.place}`);
    expect(gzipSync(html).length).toBeLessThanOrEqual(30 * 1024);
  });
});

describe('staff actions on the page of a place', () => {
  const edit = (id: string) => `href="/ma-structure/lieux/${id}/modifier"`;
  const orient = (serviceId: string) => `href="/orientations/nouvelle?service=${serviceId}"`;
  const pages = async (client: TestClient) => ({
    own: (await client.get(`/lieux/${ids.place}`)).html,
    other: (await client.get(`/lieux/${ids.stale}`)).html,
  });

  it('shows « Modifier cette fiche » to the members of the place’s structure only, and « Orienter » to them', async () => {
    const { client } = await signInStaff(t, 'structure@demo.relais.test');
    const { own, other } = await pages(client);
    expect(own).toContain(edit(ids.place));
    expect(own).toContain('Modifier cette fiche');
    expect(other).not.toContain(edit(ids.stale));
    expect(own).toContain(orient(ids.service));
    expect(other).toContain(orient(ids.otherService));
  });

  it('shows « Modifier cette fiche » to the département’s directory team on every place, without « Orienter »', async () => {
    for (const email of ['annuaire@demo.relais.test', 'admin@demo.relais.test']) {
      const { client } = await signInStaff(t, email);
      const { own, other } = await pages(client);
      expect(own, email).toContain(edit(ids.place));
      expect(other, email).toContain(edit(ids.stale));
      expect(own, email).not.toContain('Orienter une personne');
    }
  });

  it('shows « Orienter » to agents and partner agents, without « Modifier »', async () => {
    for (const email of ['agent@demo.relais.test', 'caf@demo.relais.test']) {
      const { client } = await signInStaff(t, email);
      const { own } = await pages(client);
      expect(own, email).toContain(orient(ids.service));
      expect(own, email).not.toContain('Modifier cette fiche');
    }
  });

  it('shows neither to a resident', async () => {
    const client = await signInResident(t);
    const { own } = await pages(client);
    expect(own).not.toContain('Modifier cette fiche');
    expect(own).not.toContain('Orienter une personne');
  });
});

describe('the page of a structure', () => {
  it('shows its kind, contact, published places and services', async () => {
    const { status, html } = await t.client().get(`/structures/${ids.otherStructure}`);
    expect(status).toBe(200);
    expect(h1(html)).toBe(`Association Clic et Déclic ${tag}`);
    const page = text(html);
    expect(page).toContain('Association');
    expect(html).toContain('href="tel:+33299000001">02 99 00 00 01</a>');
    expect(page).toContain('3 rue de Paris 35000 Rennes');
    expect(html).toContain(`href="/lieux/${ids.stale}"`);
    expect(page).toContain(`Atelier ordinateur ${tag}`);
  });

  it('lists the demo structure’s places without the hidden ones', async () => {
    const page = text((await t.client().get(`/structures/${ids.demoStructure}`)).html);
    expect(page).toContain(`Espace numérique Bréquigny ${tag}`);
    expect(page).toContain(`Aide aux démarches CAF ${tag}`);
    expect(page).not.toContain(`Service retiré ${tag}`);
  });
});

describe('« Signaler une erreur »', () => {
  const reportsOf = (placeId: string) => t.deps.db.select().from(errorReports).where(eq(errorReports.placeId, placeId));

  /** Posts the form as a browser behind the proxy at that address would. */
  async function postFrom(client: TestClient, ip: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ _csrf: client.csrf ?? '', ...fields });
    const res = await client.request(`/lieux/${ids.stale}/signaler`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  it('takes a report from anyone, without an account, with the audit event, then confirms it', async () => {
    const client = t.client();
    const form = await client.get(`/lieux/${ids.place}/signaler`);
    expect(form.status).toBe(200);
    expect(h1(form.html)).toBe('Signaler une erreur');
    expect(form.html).toContain('name="message"');
    expect(form.html).toContain('name="email"');
    const sent = await client.post(`/lieux/${ids.place}/signaler`, {
      message: 'Le lieu est fermé le mercredi depuis janvier.',
      email: ' Lea.Martin@Exemple.fr ',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/lieux/${ids.place}/signaler/merci`);
    const [report, ...more] = await reportsOf(ids.place);
    expect(more).toEqual([]);
    expect(report).toMatchObject({ message: 'Le lieu est fermé le mercredi depuis janvier.', reporterEmail: 'lea.martin@exemple.fr', status: 'open' });
    expect(report!.createdAt).toEqual(MONDAY_MORNING);
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'directory.error_reported'), eq(auditEvents.subjectId, ids.place)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, actorLabel: 'visiteur anonyme', subjectType: 'place', details: { reportId: report!.id, answerWanted: true } });
    // The audit journal says a report was made, not what it says nor who wrote it.
    expect(JSON.stringify(events[0])).not.toContain('lea.martin');
    const thanks = await client.get(sent.location!);
    expect(thanks.status).toBe(200);
    expect(thanks.html).toContain('Signalement envoyé');
    expect(thanks.html).toContain(`href="/lieux/${ids.place}"`);
  });

  it('answers 422 with French messages next to the fields and keeps the answers', async () => {
    const client = t.client();
    await client.get(`/lieux/${ids.stale}/signaler`);
    const before = (await reportsOf(ids.stale)).length;
    const bad = await client.post(`/lieux/${ids.stale}/signaler`, { message: '   ', email: 'pas-une-adresse' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<title>Erreur : Signaler une erreur');
    expect(bad.html).toContain('href="#message">Décrivez ce qui est inexact sur cette fiche</a>');
    expect(bad.html).toContain('href="#email">Entrez une adresse e-mail valide, comme nom@exemple.fr, ou laissez ce champ vide</a>');
    expect(bad.html).toMatch(/id="message-error"[^>]*>\s*<span class="govuk-visually-hidden">Erreur.:<\/span> Décrivez ce qui est inexact/);
    expect(bad.html).toContain('value="pas-une-adresse"');

    const long = await client.post(`/lieux/${ids.stale}/signaler`, { message: 'x'.repeat(2001), email: '' });
    expect(long.status).toBe(422);
    expect(long.html).toContain('Décrivez l’erreur en 2\u00a0000 caractères au plus');
    expect(long.html).toContain('x'.repeat(2001));
    expect(await reportsOf(ids.stale)).toHaveLength(before);

    // 2,000 characters, line breaks sent as CRLF counted once as the browser counts them: accepted.
    const lines = `${'y'.repeat(998)}\r\n${'y'.repeat(1000)}`;
    expect((await client.post(`/lieux/${ids.stale}/signaler`, { message: lines, email: '' })).status).toBe(303);
    const after = await reportsOf(ids.stale);
    expect(after).toHaveLength(before + 1);
    expect(after.find((r) => r.message.startsWith('yyy'))).toMatchObject({ reporterEmail: null });
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await t.client().post(`/lieux/${ids.stale}/signaler`, { message: 'Erreur', email: '' }, { csrf: null });
    expect(res.status).toBe(403);
  });

  it('slows down one address that sends many reports, without blocking the others', async () => {
    const client = t.client();
    await client.get(`/lieux/${ids.stale}/signaler`);
    const count = async () => (await reportsOf(ids.stale)).filter((r) => r.message.startsWith('Rafale')).length;
    for (let i = 1; i <= 6; i++) expect((await postFrom(client, '203.0.113.9', { message: `Rafale ${i}`, email: '' })).status).toBe(303);
    const refused = await postFrom(client, '203.0.113.9', { message: 'Rafale 7', email: '' });
    expect(refused.status).toBe(429);
    expect(text(refused.html)).toContain('Trop de signalements envoyés depuis cette connexion. Attendez 1 minute avant de réessayer.');
    expect(refused.html).toContain('Rafale 7');
    expect(await count()).toBe(6);
    expect((await postFrom(client, '198.51.100.4', { message: 'Rafale autre adresse', email: '' })).status).toBe(303);
    expect(await count()).toBe(7);
  });

  it('refuses a report on a hidden place', async () => {
    const client = t.client();
    await client.get(`/lieux/${ids.place}/signaler`);
    expect((await client.post(`/lieux/${ids.hidden}/signaler`, { message: 'Erreur', email: '' })).status).toBe(404);
  });
});
