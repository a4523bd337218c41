// Structure members claim their structure and keep its listings up to date; the département team may edit
// any listing. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/client.ts';
import { auditEvents, listingChanges, mailOutbox, places, roleGrants, services, structureClaims, structures, users } from '../../../schema.ts';
import { signInStaff } from '../../../../tests/support/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { createPlace, createService, createStructure } from '../db/listing-store.ts';
import { signedInAs } from '../../../../tests/support/staff-session.ts';

let t: TestApp;
let demoStructureId: string;
let member: TestClient;
let ownPlaceId: string;
let ownServiceId: string;
let otherStructureId: string;
let otherPlaceId: string;
let otherServiceId: string;

const seed = { userId: null, kind: 'seed' as const };
const storeDeps = () => ({ clock: t.clock, ids: t.deps.ids });

/** A signed-in staff member (TOTP step passed) with the given roles: the rows a real sign-in leaves behind. */
async function staffClient(
  email: string,
  roles: Array<{ role: 'admin' | 'agent' | 'structure_member' | 'directory_moderator'; structureId?: string }>,
): Promise<{ client: TestClient; userId: string }> {
  const userId = randomUUID();
  const now = t.clock.now();
  await t.deps.db.insert(users).values({ id: userId, kind: 'staff', email, displayName: `Personne ${email}`, status: 'active', totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: now, createdAt: now });
  for (const r of roles) await t.deps.db.insert(roleGrants).values({ id: randomUUID(), userId, role: r.role, structureId: r.structureId ?? null, grantedAt: now });
  const client = await signedInAs(t, { userId, email });
  return { client, userId };
}

const placeBase = {
  source: 'test',
  name: 'Point numérique de la gare',
  street: '19 place de la Gare',
  postcode: '35000',
  communeName: 'Rennes',
  communeInsee: '35238',
  openingHours: 'Mo-Fr 09:00-12:00',
  services: ['Aide aux démarches administratives'],
};

/** A complete valid place form, as a person would send it. */
function placeForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Point numérique de la gare',
    street: '19 place de la Gare',
    complement: '',
    postcode: '35000',
    commune: 'Rennes (35000)',
    communeInsee: '35238',
    latitude: '48.1036',
    longitude: '-1.6722',
    phone: '02 99 00 11 22',
    emails: 'accueil@exemple.fr',
    websites: '',
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00',
    appointmentUrl: '',
    summary: '',
    detail: '',
    services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
    fees: ['Gratuit'],
    acceptsPassNumerique: 'oui',
    accessibilityUrl: '',
    updateFrequencyDays: '180',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const [demo] = await t.deps.db.select().from(structures).where(eq(structures.name, 'Espace numérique de Rennes'));
  demoStructureId = demo!.id;
  const d = storeDeps();
  ownPlaceId = await createPlace(t.deps.db, d, { ...placeBase, sourceId: randomUUID(), structureId: demoStructureId }, seed);
  ownServiceId = await createService(t.deps.db, d, { name: 'Aide aux démarches en ligne', structureId: demoStructureId, placeId: ownPlaceId, themes: ['numerique--acceder-a-des-services-en-ligne'], receptionModes: ['en-presentiel'] }, seed);
  otherStructureId = await createStructure(t.deps.db, d, { name: 'Médiathèque de Vitré', kind: 'mediatheque', siret: '21350360500015' }, seed);
  otherPlaceId = await createPlace(t.deps.db, d, { ...placeBase, name: 'Médiathèque', sourceId: randomUUID(), structureId: otherStructureId }, seed);
  otherServiceId = await createService(t.deps.db, d, { name: 'Atelier tablette', structureId: otherStructureId, themes: ['numerique--maitriser-les-fondamentaux-du-numerique'] }, seed);
  member = (await signInStaff(t, 'structure@demo.relais.test')).client;
});
afterAll(() => t.close());

const placeRow = async (id: string) => (await t.deps.db.select().from(places).where(eq(places.id, id)))[0]!;
const changesOf = (id: string) => t.deps.db.select().from(listingChanges).where(eq(listingChanges.entityId, id)).orderBy(asc(listingChanges.changedAt), asc(listingChanges.field));
const auditOf = (action: string, subjectId: string) =>
  t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));

describe('« Ma structure »', () => {
  it('lists the member’s structure with its places and services, each with its freshness', async () => {
    const page = await member.get('/ma-structure');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Espace numérique de Rennes');
    expect(page.html).toContain('Point numérique de la gare');
    expect(page.html).toContain('Aide aux démarches en ligne');
    expect(page.html).toContain('À jour');
    expect(page.html).not.toContain('Médiathèque de Vitré');
    expect(page.html).toContain(`/ma-structure/lieux/${ownPlaceId}/modifier`);
  });

  it('shows « à vérifier depuis le … » once the update frequency has passed, and confirming brings it back without a change', async () => {
    const d = storeDeps();
    const stale = await createPlace(t.deps.db, d, { ...placeBase, name: 'Lieu ancien', sourceId: randomUUID(), structureId: demoStructureId, updatedOn: '2025-01-10', updateFrequencyDays: 90 }, seed);
    const page = await member.get('/ma-structure');
    expect(page.html).toContain('À vérifier depuis le 10 avril 2025');
    const before = await placeRow(stale);
    const res = await member.post(`/ma-structure/lieux/${stale}/confirmer`, {});
    expect(res.status).toBe(303);
    const after = await placeRow(stale);
    expect(after.updatedOn).not.toBe('2025-01-10');
    expect(after.lastEditorKind).toBe('structure');
    expect({ ...after, updatedOn: null, updatedAt: null, lastEditorKind: null }).toEqual({ ...before, updatedOn: null, updatedAt: null, lastEditorKind: null });
    expect(await changesOf(stale)).toHaveLength(Object.keys({ ...placeBase, sourceId: 1, structureId: 1, updateFrequencyDays: 1 }).length);
    expect((await auditOf('directory.place_updated', stale))[0]!.details).toMatchObject({ confirmedUnchanged: true });
    expect((await member.get('/ma-structure?confirme=1')).html).toContain('marquée à jour');
  });

  it('explains to a resident that managing a structure needs a professional account', async () => {
    const resident = t.client();
    await resident.get('/connexion');
    await resident.post('/connexion', { email: 'usager@demo.relais.test', password: 'demo-relais-2026' });
    const page = await resident.get('/ma-structure');
    expect(page.status).toBe(200);
    expect(page.html).toContain('il faut un compte professionnel');
    const other = await resident.get(`/ma-structure/lieux/${ownPlaceId}/modifier`);
    expect(other.status).toBe(403);
  });
});

describe('editing a place', () => {
  it('saves valid answers: phone in E.164, hours, history rows pending moderation, audit in the same save', async () => {
    const page = await member.get(`/ma-structure/lieux/${ownPlaceId}/modifier`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('value="Point numérique de la gare"');
    const res = await member.post(`/ma-structure/lieux/${ownPlaceId}/modifier`, placeForm());
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/ma-structure/lieux/${ownPlaceId}/modifier?enregistre=1`);
    const row = await placeRow(ownPlaceId);
    expect(row.phone).toBe('+33299001122');
    expect(row.openingHours).toBe('Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00');
    expect(row.acceptsPassNumerique).toBe(true);
    expect(row.latitude).toBeCloseTo(48.1036);
    expect(row.lastEditorKind).toBe('structure');
    const [saturday] = await queryRows<{ open: boolean }>(t.deps.db, sql`select open_week && '{[7200,8640)}'::int4multirange as open from places where id = ${ownPlaceId}`);
    expect(saturday!.open).toBe(true);
    const edits = (await changesOf(ownPlaceId)).filter((h) => h.actorKind === 'structure');
    expect(edits.map((h) => h.field).sort()).toEqual(['acceptsPassNumerique', 'emails', 'fees', 'latitude', 'longitude', 'openingHours', 'phone', 'services']);
    expect(edits.every((h) => h.moderation === 'pending')).toBe(true);
    expect(new Set(edits.map((h) => h.batchId)).size).toBe(1);
    const [event] = await auditOf('directory.place_updated', ownPlaceId);
    expect(event!.details).toMatchObject({ editorKind: 'structure', moderation: 'pending' });
    const after = await member.get(res.location!);
    expect(after.html).toContain('Vos modifications sont publiées');
    expect(after.html).toContain('Historique des modifications');
    expect(after.html).toContain('Sophie Médiatrice');
    expect(after.html).toContain('À relire');
    // The French description of the hours, as visitors will read it.
    expect(after.html).toContain('Du lundi au vendredi : 9 h à 12 h et 14 h à 17 h 30');
  });

  it('refuses bad answers with French messages next to the fields, keeps the answers, and saves nothing', async () => {
    const before = await placeRow(ownPlaceId);
    const historyBefore = (await changesOf(ownPlaceId)).length;
    await member.get(`/ma-structure/lieux/${ownPlaceId}/modifier`);
    const res = await member.post(
      `/ma-structure/lieux/${ownPlaceId}/modifier`,
      placeForm({
        name: 'Nouveau nom gardé',
        phone: '12 34',
        emails: 'pas-une-adresse',
        openingHours: 'lundi 9h-12h',
        postcode: '3500',
        latitude: '123',
        accessibilityUrl: 'https://exemple.fr/fiche',
        appointmentUrl: 'www.rdv.fr',
        services: ['Service inventé'],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toContain('<title>Erreur :');
    expect(res.html).toContain('Saisissez un numéro de téléphone français');
    expect(res.html).toContain('« pas-une-adresse » n’est pas une adresse e-mail valide');
    expect(res.html).toContain('Ces horaires ne sont pas au format attendu');
    expect(res.html).toContain('Le code postal doit comporter 5 chiffres');
    expect(res.html).toContain('La latitude est un nombre entre -90 et 90');
    expect(res.html).toContain('https://acceslibre.beta.gouv.fr/');
    expect(res.html).toContain('Saisissez une adresse web complète');
    expect(res.html).toContain('Choisissez parmi les réponses proposées');
    // Linked from the summary, next to the field, and the other answers kept.
    expect(res.html).toContain('href="#phone"');
    expect(res.html).toMatch(/id="phone-error"/);
    expect(res.html).toContain('value="Nouveau nom gardé"');
    expect(res.html).toContain('value="12 34"');
    expect(res.html).toContain('lundi 9h-12h');
    expect(await placeRow(ownPlaceId)).toEqual(before);
    expect((await changesOf(ownPlaceId)).length).toBe(historyBefore);
  });

  it('checks that the postcode belongs to the commune, and that a commune is given', async () => {
    await member.get(`/ma-structure/lieux/${ownPlaceId}/modifier`);
    const wrong = await member.post(`/ma-structure/lieux/${ownPlaceId}/modifier`, placeForm({ postcode: '35500' }));
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Ce code postal n’est pas celui de Rennes');
    const none = await member.post(`/ma-structure/lieux/${ownPlaceId}/modifier`, placeForm({ commune: '', communeInsee: '' }));
    expect(none.status).toBe(422);
    expect(none.html).toContain('Saisissez la commune du lieu');
  });

  it('says so when nothing changed, and writes no history', async () => {
    const before = (await changesOf(ownPlaceId)).length;
    await member.get(`/ma-structure/lieux/${ownPlaceId}/modifier`);
    const res = await member.post(`/ma-structure/lieux/${ownPlaceId}/modifier`, placeForm());
    expect(res.location).toContain('enregistre=0');
    expect((await changesOf(ownPlaceId)).length).toBe(before);
    expect((await member.get(res.location!)).html).toContain('Aucune information n’a changé');
  });

  it('creates a place for the member’s structure, moderated like an edit', async () => {
    await member.get(`/ma-structure/structure/${demoStructureId}/lieux/nouveau`);
    const res = await member.post(`/ma-structure/structure/${demoStructureId}/lieux/nouveau`, placeForm({ name: 'Antenne de Villejean', postcode: '35000' }));
    expect(res.status).toBe(303);
    const id = res.location!.split('/')[3]!;
    const row = await placeRow(id);
    expect(row).toMatchObject({ name: 'Antenne de Villejean', structureId: demoStructureId, source: 'relais', communeInsee: '35238', phone: '+33299001122' });
    expect((await changesOf(id)).every((h) => h.moderation === 'pending' && h.actorKind === 'structure')).toBe(true);
    expect(await auditOf('directory.place_created', id)).toHaveLength(1);
  });
});

describe('who may edit what', () => {
  it('refuses another structure’s listings to a structure member (403), and unknown ids are 404', async () => {
    expect((await member.get(`/ma-structure/lieux/${otherPlaceId}/modifier`)).status).toBe(403);
    const before = await placeRow(otherPlaceId);
    const post = await member.post(`/ma-structure/lieux/${otherPlaceId}/modifier`, placeForm({ name: 'Piraté' }));
    expect(post.status).toBe(403);
    expect(await placeRow(otherPlaceId)).toEqual(before);
    expect((await member.post(`/ma-structure/lieux/${otherPlaceId}/confirmer`, {})).status).toBe(403);
    expect((await member.get(`/ma-structure/services/${otherServiceId}/modifier`)).status).toBe(403);
    expect((await member.get(`/ma-structure/structure/${otherStructureId}/modifier`)).status).toBe(403);
    expect((await member.get(`/ma-structure/structure/${otherStructureId}/lieux/nouveau`)).status).toBe(403);
    expect((await member.get(`/ma-structure/structure/${otherStructureId}/membres`)).status).toBe(403);
    expect((await member.get(`/ma-structure/lieux/${randomUUID()}/modifier`)).status).toBe(404);
    expect((await member.get('/ma-structure/lieux/pas-un-id/modifier')).status).toBe(404);
  });

  it('sends an anonymous visitor to sign in, and refuses an agent without the role', async () => {
    const anonymous = t.client();
    const res = await anonymous.request(`/ma-structure/lieux/${ownPlaceId}/modifier`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/connexion?retour=${encodeURIComponent(`/ma-structure/lieux/${ownPlaceId}/modifier`)}`);
    const { client: agent } = await staffClient('agent-sans-structure@cd35.fr', [{ role: 'agent' }]);
    expect((await agent.get(`/ma-structure/lieux/${ownPlaceId}/modifier`)).status).toBe(403);
  });

  it('lets the département team edit any listing, without moderation', async () => {
    const { client: team } = await staffClient('equipe@cd35.fr', [{ role: 'directory_moderator' }]);
    const page = await team.get(`/ma-structure/lieux/${otherPlaceId}/modifier`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('relues par l’équipe annuaire');
    const res = await team.post(`/ma-structure/lieux/${otherPlaceId}/modifier`, placeForm({ name: 'Médiathèque de Vitré – espace numérique', commune: 'Vitré', communeInsee: '35360', postcode: '35500' }));
    expect(res.status).toBe(303);
    const edits = (await changesOf(otherPlaceId)).filter((h) => h.actorKind === 'departement');
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((h) => h.moderation === 'not_needed')).toBe(true);
    expect((await placeRow(otherPlaceId)).lastEditorKind).toBe('departement');
  });
});

describe('editing a service', () => {
  const serviceForm = (o: Record<string, string | string[]> = {}) => ({
    name: 'Aide aux démarches en ligne',
    summary: 'Un médiateur vous aide',
    description: '',
    placeId: ownPlaceId,
    themes: ['numerique--acceder-a-des-services-en-ligne', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
    publics: ['seniors'],
    publicsDetail: '',
    fees: 'gratuit',
    feesDetail: '',
    receptionModes: ['en-presentiel'],
    mobilisationModes: ['se-presenter', 'telephoner'],
    mobilisableBy: ['usagers', 'professionnels'],
    mobilisationUrl: '',
    mobilisationDetail: '',
    zoneKind: 'commune',
    zoneCommune: 'Rennes',
    zoneCommuneInsee: '35238',
    accessConditions: 'Sans condition',
    phone: '0299001123',
    email: 'aide@exemple.fr',
    updateFrequencyDays: '90',
    ...o,
  });

  it('saves the data·inclusion fields and the eligibility zone', async () => {
    await member.get(`/ma-structure/services/${ownServiceId}/modifier`);
    const res = await member.post(`/ma-structure/services/${ownServiceId}/modifier`, serviceForm());
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(services).where(eq(services.id, ownServiceId));
    expect(row).toMatchObject({ fees: 'gratuit', zoneKind: 'commune', zoneCodes: ['35238'], phone: '+33299001123', publics: ['seniors'], updateFrequencyDays: 90 });
    expect((await changesOf(ownServiceId)).filter((h) => h.actorKind === 'structure').every((h) => h.moderation === 'pending')).toBe(true);
    expect(await auditOf('directory.service_updated', ownServiceId)).toHaveLength(1);

    const epci = await member.post(`/ma-structure/services/${ownServiceId}/modifier`, serviceForm({ zoneKind: 'departement' }));
    expect(epci.status).toBe(303);
    const [dep] = await t.deps.db.select().from(services).where(eq(services.id, ownServiceId));
    expect(dep!.zoneCodes).toEqual(['35']);
  });

  it('refuses bad answers and keeps them', async () => {
    const [before] = await t.deps.db.select().from(services).where(eq(services.id, ownServiceId));
    await member.get(`/ma-structure/services/${ownServiceId}/modifier`);
    const res = await member.post(
      `/ma-structure/services/${ownServiceId}/modifier`,
      serviceForm({ themes: [], placeId: otherPlaceId, zoneKind: 'epci', mobilisationModes: ['utiliser-lien-mobilisation'], email: 'x@', summary: 'Résumé gardé' }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toContain('Choisissez au moins une thématique');
    expect(res.html).toContain('Choisissez un des lieux de la structure');
    expect(res.html).toContain('Choisissez au moins une intercommunalité');
    expect(res.html).toContain('Saisissez le lien de mobilisation');
    expect(res.html).toContain('Saisissez une adresse e-mail valide');
    expect(res.html).toContain('value="Résumé gardé"');
    const [after] = await t.deps.db.select().from(services).where(eq(services.id, ownServiceId));
    expect(after).toEqual(before);
  });

  it('creates a service for the structure', async () => {
    await member.get(`/ma-structure/structure/${demoStructureId}/services/nouveau`);
    const res = await member.post(`/ma-structure/structure/${demoStructureId}/services/nouveau`, serviceForm({ name: 'Prêt de tablettes', zoneKind: 'pays' }));
    expect(res.status).toBe(303);
    const id = res.location!.split('/')[3]!;
    const [row] = await t.deps.db.select().from(services).where(eq(services.id, id));
    expect(row).toMatchObject({ name: 'Prêt de tablettes', structureId: demoStructureId, zoneKind: 'pays', zoneCodes: [] });
    expect(await auditOf('directory.service_created', id)).toHaveLength(1);
  });
});

describe('editing the structure', () => {
  it('validates the SIRET and saves valid answers', async () => {
    await member.get(`/ma-structure/structure/${demoStructureId}/modifier`);
    const base = { name: 'Espace numérique de Rennes', kind: 'association', siret: '', rna: '', description: '', street: '', postcode: '', commune: '', communeInsee: '', phone: '', email: '', website: '', updateFrequencyDays: '365' };
    const bad = await member.post(`/ma-structure/structure/${demoStructureId}/modifier`, { ...base, siret: '12345678901234', rna: 'X1', website: 'exemple' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Ce numéro SIRET n’existe pas');
    expect(bad.html).toContain('Le numéro RNA commence par W');
    expect(bad.html).toContain('value="12345678901234"');
    const ok = await member.post(`/ma-structure/structure/${demoStructureId}/modifier`, { ...base, siret: '732 829 320 00074', website: 'https://www.espace-rennes.fr', commune: 'Rennes', communeInsee: '35238' });
    expect(ok.status).toBe(303);
    const [row] = await t.deps.db.select().from(structures).where(eq(structures.id, demoStructureId));
    expect(row).toMatchObject({ siret: '73282932000074', website: 'https://www.espace-rennes.fr', communeInsee: '35238', lastEditorKind: 'structure' });
    expect(await auditOf('directory.structure_updated', demoStructureId)).toHaveLength(1);
  });
});

describe('claiming a structure', () => {
  it('approves at once when the e-mail is at the structure’s web domain, and grants the scoped role', async () => {
    const d = storeDeps();
    const id = await createStructure(t.deps.db, d, { name: 'Centre social des Longs Champs', kind: 'centre_social', website: 'https://www.longschamps.fr/' }, seed);
    const { client, userId } = await staffClient('direction@longschamps.fr', [{ role: 'agent' }]);
    const search = await client.get('/ma-structure/revendiquer?q=longs champs');
    expect(search.html).toContain(`/ma-structure/revendiquer/${id}`);
    await client.get(`/ma-structure/revendiquer/${id}`);
    const res = await client.post(`/ma-structure/revendiquer/${id}`, { siret: '732 829 320 00074', message: '' });
    expect(res.location).toBe('/ma-structure?demande=acceptee');
    const [claim] = await t.deps.db.select().from(structureClaims).where(eq(structureClaims.structureId, id));
    expect(claim).toMatchObject({ status: 'approved', autoApproved: true, userId, siret: '73282932000074' });
    const grants = await t.deps.db.select().from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'structure_member')));
    expect(grants.map((g) => g.structureId)).toEqual([id]);
    expect(await auditOf('directory.claim_requested', id)).toHaveLength(1);
    expect(await auditOf('directory.claim_approved', id)).toHaveLength(1);
    // The role works at the next request: the structure is on their page and its forms open.
    const page = await client.get('/ma-structure?demande=acceptee');
    expect(page.html).toContain('Votre demande est acceptée');
    expect(page.html).toContain('Centre social des Longs Champs');
    expect((await client.get(`/ma-structure/structure/${id}/modifier`)).status).toBe(200);
    // The SIRET it gave is recorded on the structure, as a moderated edit of the structure's own.
    const [s] = await t.deps.db.select().from(structures).where(eq(structures.id, id));
    expect(s!.siret).toBe('73282932000074');
    // Claiming again: already a member.
    const again = await client.get(`/ma-structure/revendiquer/${id}`);
    expect(again.status).toBe(409);
    expect(again.html).toContain('Vous gérez déjà cette structure');
  });

  it('leaves the claim pending for a webmail address, and refuses a second one clearly', async () => {
    const id = await createStructure(t.deps.db, storeDeps(), { name: 'Association Clic Emploi', kind: 'association', website: 'https://gmail.com' }, seed);
    const { client, userId } = await staffClient('clic.emploi@gmail.com', [{ role: 'agent' }]);
    await client.get(`/ma-structure/revendiquer/${id}`);
    const res = await client.post(`/ma-structure/revendiquer/${id}`, { siret: '73282932000074', message: 'Je suis la présidente' });
    expect(res.location).toBe('/ma-structure?demande=envoyee');
    const claims = await t.deps.db.select().from(structureClaims).where(eq(structureClaims.structureId, id));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ status: 'pending', autoApproved: false, message: 'Je suis la présidente' });
    expect(await t.deps.db.select().from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'structure_member')))).toHaveLength(0);
    expect(await auditOf('directory.claim_approved', id)).toHaveLength(0);
    expect((await client.get('/ma-structure')).html).toContain('attend la réponse de l’équipe annuaire');
    const second = await client.post(`/ma-structure/revendiquer/${id}`, { siret: '73282932000074', message: '' });
    expect(second.status).toBe(409);
    expect(second.html).toContain('Votre demande est déjà envoyée');
    expect(await t.deps.db.select().from(structureClaims).where(eq(structureClaims.structureId, id))).toHaveLength(1);
  });

  it('refuses a SIRET that is malformed, fails its checksum, or is not the structure’s', async () => {
    const { client } = await staffClient('quelquun@vitre.fr', [{ role: 'agent' }]);
    await client.get(`/ma-structure/revendiquer/${otherStructureId}`);
    for (const [siret, message] of [
      ['', 'Saisissez le numéro SIRET'],
      ['1234', 'doit comporter 14 chiffres'],
      ['7328293200007A', 'ne doit contenir que des chiffres'],
      ['73282932000075', 'Ce numéro SIRET n’existe pas'],
      ['73282932000074', 'n’est pas le SIRET de « Médiathèque de Vitré »'],
    ] as const) {
      const res = await client.post(`/ma-structure/revendiquer/${otherStructureId}`, { siret, message: 'gardé' });
      expect(res.status, siret).toBe(422);
      expect(res.html).toContain(message);
      expect(res.html).toContain('>gardé</textarea>');
    }
    expect(await t.deps.db.select().from(structureClaims).where(eq(structureClaims.structureId, otherStructureId))).toHaveLength(0);
    // The structure's own SIRET is accepted (pending: the domain is not the structure's).
    const ok = await client.post(`/ma-structure/revendiquer/${otherStructureId}`, { siret: '213 503 605 00015', message: '' });
    expect(ok.location).toBe('/ma-structure?demande=envoyee');
  });

  it('answers a short or empty search clearly', async () => {
    const { client } = await staffClient('cherche@exemple.org', [{ role: 'agent' }]);
    expect((await client.get('/ma-structure/revendiquer?q=a')).status).toBe(422);
    expect((await client.get('/ma-structure/revendiquer?q=zzzzzz-introuvable')).html).toContain('Aucune structure ne correspond');
    expect((await client.get('/ma-structure/revendiquer?q=21350360500015')).html).toContain('Médiathèque de Vitré');
  });
});

describe('inviting colleagues', () => {
  it('invites a colleague by e-mail with the structure_member role scoped to the structure, and lists members', async () => {
    const page = await member.get(`/ma-structure/structure/${demoStructureId}/membres`);
    expect(page.html).toContain('Sophie Médiatrice');
    const bad = await member.post(`/ma-structure/structure/${demoStructureId}/membres`, { displayName: '', email: 'pas-valide' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez le nom de votre collègue');
    expect(bad.html).toContain('value="pas-valide"');
    const res = await member.post(`/ma-structure/structure/${demoStructureId}/membres`, { displayName: 'Paul Collègue', email: 'paul@espace-rennes.fr' });
    expect(res.location).toBe(`/ma-structure/structure/${demoStructureId}/membres?invitation=envoyee`);
    const [invited] = await t.deps.db.select().from(users).where(eq(users.email, 'paul@espace-rennes.fr'));
    expect(invited).toMatchObject({ kind: 'staff', status: 'invited' });
    const grants = await t.deps.db.select().from(roleGrants).where(eq(roleGrants.userId, invited!.id));
    expect(grants.map((g) => [g.role, g.structureId])).toEqual([['structure_member', demoStructureId]]);
    expect(await auditOf('directory.member_invited', demoStructureId)).toHaveLength(1);
    const mails = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'paul@espace-rennes.fr'));
    expect(mails).toHaveLength(1);
    const list = await member.get(`/ma-structure/structure/${demoStructureId}/membres?invitation=envoyee`);
    expect(list.html).toContain('Paul Collègue');
    expect(list.html).toContain('Invitation envoyée');
    const twice = await member.post(`/ma-structure/structure/${demoStructureId}/membres`, { displayName: 'Paul Collègue', email: 'paul@espace-rennes.fr' });
    expect(twice.status).toBe(422);
    expect(twice.html).toContain('déjà membre');
  });

  it('gives the role at once to a colleague who already has a professional account', async () => {
    const { userId } = await staffClient('deja-pro@espace-rennes.fr', [{ role: 'agent' }]);
    await member.get(`/ma-structure/structure/${demoStructureId}/membres`);
    const res = await member.post(`/ma-structure/structure/${demoStructureId}/membres`, { displayName: 'Déjà Pro', email: 'deja-pro@espace-rennes.fr' });
    expect(res.location).toContain('invitation=ajoute');
    const grants = await t.deps.db.select().from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'structure_member')));
    expect(grants.map((g) => g.structureId)).toEqual([demoStructureId]);
    const resident = await member.post(`/ma-structure/structure/${demoStructureId}/membres`, { displayName: 'Marie', email: 'usager@demo.relais.test' });
    expect(resident.status).toBe(422);
    expect(resident.html).toContain('compte personnel d’usager');
  });
});
