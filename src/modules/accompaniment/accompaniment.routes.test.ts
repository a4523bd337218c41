// Recording digital help through HTTP as a mediator would on a phone, the collective actions, a person's
// history kept within their structure, and the statistics with their charts, tables and exports.
import ExcelJS from 'exceljs';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signedInAs, type StaffUser } from '../../../tests/support/staff-session.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { auditEvents, services, socialCentres, structures } from '../../schema.ts';
import { accompaniments, collectiveActions } from './db/accompaniment.table.ts';

let t: TestApp;
let mediator: StaffUser;
let colleague: StaffUser;
let centreAgent: StaffUser;
let structureId: string;

const quick = { duration: '15', level: 'faire_avec', themes: ['social', 'courriel'], place: 'drop_in', outcome: 'done', person: 'none' };

beforeAll(async () => {
  t = await createTestApp();
  // Structures without the demo's records, so that the counts are this file's.
  const [s1, s2] = await t.deps.db.select({ id: structures.id }).from(structures).where(sql`${structures.id} not in (select owner_id from accompaniments)`).limit(2);
  structureId = s1!.id;
  mediator = await createStaffUser(t, 'structure_member', { structureId, name: 'Sophie Médiatrice' });
  colleague = await createStaffUser(t, 'structure_member', { structureId: s2!.id, name: 'Autre structure' });
  const [centre] = await t.deps.db.select({ id: socialCentres.id }).from(socialCentres).limit(1);
  centreAgent = await createStaffUser(t, 'agent', { socialCentreId: centre!.id });
});
afterAll(() => t.close());

describe('recording a help', () => {
  it('takes one page of presets; errors come back by the field with the answers kept', async () => {
    const b = await signedInAs(t, mediator);
    const form = await b.get('/accompagnements/nouveau');
    expect(form.status).toBe(200);
    const bad = await b.post('/accompagnements/nouveau', { duration: 'autre', durationOther: '0', themes: ['social'], place: 'drop_in', outcome: 'referred', referredTo: '', person: 'new', birthYear: '1850' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez une durée en minutes, entre 1 et 600');
    expect(bad.html).toContain('Choisissez le niveau d’aide');
    expect(bad.html).toContain('Dites vers qui la personne est orientée');
    expect(bad.html).toMatch(/Saisissez une année entre \d{4} et \d{4}/);
    expect(bad.html).toMatch(/value="social"[^>]*checked/);
    const ok = await b.post('/accompagnements/nouveau', { ...quick, lieu: structureId });
    expect(ok.status).toBe(303);
    expect((await b.get(ok.location!)).html).toContain('Aide enregistrée.');
    const [row] = await t.deps.db.select().from(accompaniments).where(eq(accompaniments.helperUserId, mediator.userId));
    expect(row).toMatchObject({ ownerKind: 'structure', ownerId: structureId, durationMinutes: 15, level: 'faire_avec', themes: ['social', 'courriel'], place: 'drop_in', outcome: 'done', beneficiaryId: null });
  });

  it('refuses « faire à la place » to a helper who is not an « aidant habilité », saying why', async () => {
    const b = await signedInAs(t, mediator);
    await b.get('/accompagnements/nouveau');
    const r = await b.post('/accompagnements/nouveau', { ...quick, level: 'faire_a_la_place' });
    expect(r.status).toBe(422);
    expect(r.html).toContain('« Faire à la place » est réservé aux aidants habilités, sous mandat de la personne');
  });

  it('gives a new person a code; their history opens only in the same structure, and each reading is journaled', async () => {
    const b = await signedInAs(t, mediator);
    await b.get('/accompagnements/nouveau');
    const first = await b.post('/accompagnements/nouveau', { ...quick, person: 'new', firstName: 'Josiane', birthYear: '1948', commune: 'Vitré', communeInsee: '35360' });
    expect(first.status).toBe(303);
    const flash = (await b.get(first.location!)).html;
    const code = /Code de la personne : (P-[A-Z0-9]{4})/.exec(flash)![1]!;
    await b.get('/accompagnements/nouveau');
    expect((await b.post('/accompagnements/nouveau', { ...quick, level: 'coup_de_pouce', person: 'known', personCode: code.toLowerCase() })).status).toBe(303);
    const history = await b.get(`/accompagnements/personne?code=${code}`);
    expect(history.status).toBe(200);
    expect(history.html).toContain('Josiane');
    expect(history.html).toContain('Coup de pouce');
    expect(history.html).toContain('Faire avec');
    const [seen] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'accompaniment.person_viewed'), eq(auditEvents.actorId, mediator.userId)));
    expect(seen).toBeDefined();
    // Another structure knows nothing of this person, not even that the code exists.
    const other = await signedInAs(t, colleague);
    expect((await other.get(`/accompagnements/personne?code=${code}`)).status).toBe(404);
    await other.get('/accompagnements/nouveau');
    const unknown = await other.post('/accompagnements/nouveau', { ...quick, person: 'known', personCode: code });
    expect(unknown.status).toBe(422);
    expect(unknown.html).toContain('Aucune personne n’a ce code dans votre centre ou votre structure');
  });

  it('links the help to a directory service when it comes from the service’s page', async () => {
    const [service] = await t.deps.db.select({ id: services.id, name: services.name }).from(services).where(eq(services.status, 'published')).limit(1);
    const b = await signedInAs(t, mediator);
    const form = await b.get(`/accompagnements/nouveau?service=${service!.id}`);
    expect(form.html).toContain(service!.name);
    expect(form.html).toMatch(/value="referred"[^>]*checked/);
    const ok = await b.post('/accompagnements/nouveau', { ...quick, outcome: 'referred', referredServiceId: service!.id });
    expect(ok.status).toBe(303);
    const [row] = await t.deps.db.select().from(accompaniments).where(eq(accompaniments.referredServiceId, service!.id));
    expect(row).toMatchObject({ outcome: 'referred', ownerId: structureId });
    const csv = Buffer.from(await (await b.request('/accompagnements/export.csv')).arrayBuffer()).toString('utf8');
    expect(csv).toContain(service!.name);
    await t.deps.db.delete(accompaniments).where(eq(accompaniments.id, row!.id));
  });

  it('records a collective action with anonymous counts, checked against each other', async () => {
    const b = await signedInAs(t, mediator);
    await b.get('/accompagnements/atelier');
    const bad = await b.post('/accompagnements/atelier', { title: 'Les dangers des réseaux sociaux', theme: 'securite', level: 'faire_avec', duration: '60', attendees: '8', firstTime: '9', under18: '10' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Il ne peut pas y avoir plus de « première fois » que de participants');
    expect(bad.html).toContain('Les tranches d’âge comptent 10 personnes, plus que les 8 participants');
    expect(bad.html).toContain('value="Les dangers des réseaux sociaux"');
    expect((await b.post('/accompagnements/atelier', { title: 'Les dangers des réseaux sociaux', theme: 'securite', level: 'faire_avec', duration: '60', attendees: '8', firstTime: '5', under18: '8' })).status).toBe(303);
    const [row] = await t.deps.db.select().from(collectiveActions).where(eq(collectiveActions.ownerId, structureId));
    expect(row).toMatchObject({ attendees: 8, firstTime: 5, under18: 8, theme: 'securite' });
  });
});

describe('statistics', () => {
  it('counts by level, theme, place, duration and outcome, with a chart and its table, and exports the same rows', async () => {
    const b = await signedInAs(t, mediator);
    const page = await b.get('/accompagnements/statistiques');
    expect(page.status).toBe(200);
    expect(page.html).toContain('3 aides individuelles');
    expect(page.html).toContain('1 atelier avec 8 participants (dont 5 pour la première fois)');
    expect(page.html).toMatch(/<svg[^>]*role="img"/);
    // Two « faire avec », one « coup de pouce » (the refused « faire à la place » counts nothing): the table beside the chart says it.
    expect(page.html).toMatch(/Faire avec<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>67 %<\/td>/);
    expect(page.html).toMatch(/11 à 30 minutes<\/td>\s*<td[^>]*>3<\/td>/);
    const byCommune = await b.get('/accompagnements/statistiques?commune=Vitr%C3%A9&communeInsee=35360');
    expect(byCommune.html).toContain('1 aide individuelle');
    const csv = await b.request('/accompagnements/export.csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Date;Centre ou structure;Durée (min)');
    expect(text).toContain('Faire avec');
    const xlsx = await b.request('/accompagnements/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Aides')!.rowCount).toBe(4);
    // Another structure's statistics do not count these.
    expect((await (await signedInAs(t, colleague)).get('/accompagnements/statistiques')).html).toContain('0 aide individuelle');
  });

  it('lets an admin see the whole département, and keeps residents and partners out', async () => {
    const admin = await signedInAs(t, await createStaffUser(t, 'admin'));
    const [all] = await t.deps.db.select({ n: count() }).from(accompaniments);
    expect(all!.n).toBeGreaterThan(3);
    expect((await admin.get('/accompagnements/statistiques?lieu=tout')).html).toContain(`${all!.n} aides individuelles`);
    expect((await admin.get('/accompagnements/nouveau')).status).toBe(404);
    const partner = await signedInAs(t, await createStaffUser(t, 'partner_agent'));
    expect((await partner.get('/accompagnements')).status).toBe(403);
    const visitor = await t.client().get('/accompagnements/statistiques');
    expect(visitor.status).toBe(303);
    const agent = await signedInAs(t, centreAgent);
    expect((await agent.get(`/accompagnements/statistiques?lieu=${structureId}`)).html).toContain('0 aide individuelle');
  });
});
