// The département team's side of the directory, through its pages: moderation queue, approve and revert,
// a listing's history, error reports, claims, the quality dashboard, and who may not use any of it.
import { randomUUID } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInStaff } from '../../../tests/support/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { queryRows } from '../../platform/db/client.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { parisToday } from '../../platform/time/paris.ts';
import { errorReports, listingChanges, places, structureClaims } from './db/directory.table.ts';
import { createPlace, createStructure, updatePlace } from './db/listing-store.ts';
import { qualityFigures, type QualityFigures } from './db/quality-queries.ts';

let t: TestApp;
let moderator: TestClient;
let moderatorId: string;
const deps = () => ({ clock: t.deps.clock, ids: t.deps.ids });

/** A staff account with a password hash nobody knows (tests act for it through the store, not by signing in). */
async function staffUser(email: string, displayName: string, opts: { kind?: 'staff' | 'resident'; structureId?: string; status?: string } = {}): Promise<string> {
  const id = randomUUID();
  await t.database.db.execute(
    sql`insert into users (id, kind, email, display_name, status, created_at)
        values (${id}, ${opts.kind ?? 'staff'}, ${email}, ${displayName}, ${opts.status ?? 'active'}, ${t.clock.now().toISOString()})`,
  );
  if (opts.structureId) {
    await t.database.db.execute(
      sql`insert into role_grants (id, user_id, role, structure_id, granted_at) values (${randomUUID()}, ${id}, 'structure_member', ${opts.structureId}, ${t.clock.now().toISOString()})`,
    );
  }
  return id;
}

let seq = 0;
async function fixturePlace(fields: Record<string, unknown> = {}, structureId: string | null = null): Promise<string> {
  seq++;
  return createPlace(
    t.deps.db,
    deps(),
    {
      source: 'test-moderation',
      sourceId: `p${seq}-${randomUUID()}`,
      name: `Lieu d’essai ${seq}`,
      street: '1 rue de la Paix',
      postcode: '35000',
      communeName: 'Rennes',
      communeInsee: '35238',
      latitude: 48.11,
      longitude: -1.68,
      phone: '+33299000000',
      openingHours: 'Mo-Fr 09:00-12:00',
      structureId,
      ...fields,
    } as never,
    { userId: null, kind: 'import' },
  );
}

async function fixtureStructure(name: string): Promise<string> {
  return createStructure(t.deps.db, deps(), { name, kind: 'association', communeInsee: '35238', email: 'contact@exemple.fr' }, { userId: null, kind: 'import' });
}

async function changesOf(placeId: string) {
  return t.deps.db.select().from(listingChanges).where(eq(listingChanges.entityId, placeId)).orderBy(asc(listingChanges.changedAt), asc(listingChanges.field));
}

async function lastAudit(action: string) {
  const [row] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1);
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  moderator = (await signInStaff(t, 'annuaire@demo.relais.test')).client;
  const [row] = await queryRows<{ id: string }>(t.deps.db, sql`select id from users where email = 'annuaire@demo.relais.test'`);
  moderatorId = row!.id;
});
afterAll(() => t.close());

describe('who may use the directory team’s pages', () => {
  const pages = ['/admin/annuaire', '/admin/annuaire/moderation', '/admin/annuaire/signalements', '/admin/annuaire/demandes', '/admin/annuaire/fiches?type=place&filtre=a-jour'];

  it('sends anonymous visitors to sign in and refuses agents and structure members', async () => {
    const anonymous = t.client();
    for (const path of pages) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.res.headers.get('location')).toMatch(/^\/connexion/);
    }
    for (const email of ['agent@demo.relais.test', 'structure@demo.relais.test']) {
      const { client } = await signInStaff(t, email);
      for (const path of pages) expect((await client.get(path)).status, `${email} ${path}`).toBe(403);
      await client.get('/compte');
      const post = await client.post(`/admin/annuaire/moderation/${randomUUID()}/valider`, {});
      expect(post.status).toBe(403);
    }
  });

  it('lets the directory team in, with /admin leading to the directory and the other admin pages closed', async () => {
    const home = await moderator.get('/admin');
    expect(home.status).toBe(303);
    expect(home.res.headers.get('location')).toBe('/admin/annuaire');
    for (const path of pages) expect((await moderator.get(path)).status, path).toBe(200);
    expect((await moderator.get('/admin/utilisateurs')).status).toBe(403);
    // An admin sees the directory among the other sections.
    const { client: admin } = await signInStaff(t, 'admin@demo.relais.test');
    const page = await admin.get('/admin/annuaire');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/admin/utilisateurs"');
    expect(page.html).toMatch(/<a class="moj-sub-navigation__link" aria-current="page" href="\/admin\/annuaire">Annuaire<\/a>/);
  });
});

describe('moderation queue', () => {
  let structureId: string;
  let memberId: string;

  beforeAll(async () => {
    structureId = await fixtureStructure('Association Les Claviers Solidaires');
    memberId = await staffUser('lea.membre@claviers.test', 'Léa Membre', { structureId });
  });

  it('shows an edit by a structure with a readable field-by-field difference and counts it in the navigation', async () => {
    const before = await moderator.get('/admin/annuaire/moderation');
    const countBefore = Number(before.html.match(/Modifications à relire \((\d+)\)/)?.[1] ?? 0);
    const placeId = await fixturePlace({ name: 'Espace numérique du Blosne', services: ['Accéder à une connexion internet'] }, structureId);
    t.clock.advance(60_000);
    await updatePlace(
      t.deps.db,
      deps(),
      placeId,
      {
        phone: '+33299112233',
        openingHours: 'Mo-Fr 14:00-18:00; Sa 10:00-12:00',
        services: ['Accéder à une connexion internet', 'Prendre en main un ordinateur'],
      },
      { userId: memberId, kind: 'structure' },
    );
    const page = await moderator.get('/admin/annuaire/moderation');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Modifications à relire (${countBefore + 1})`);
    expect(page.html).toContain('Lieu « Espace numérique du Blosne »');
    expect(page.html).toContain('Léa Membre (lea.membre@claviers.test), pour la structure');
    expect(page.html).toContain('structure « Association Les Claviers Solidaires »');
    for (const label of ['Téléphone', 'Horaires', 'Services proposés']) expect(page.html).toContain(`>${label}<`);
    expect(page.html).toContain('+33299112233');
    // Hours in French, lists as lists: no raw array, JSON or OSM syntax.
    expect(page.html).toContain('Samedi : 10 h à 12 h');
    expect(page.html).toContain('<li>Prendre en main un ordinateur</li>');
    expect(page.html).not.toMatch(/\["|\{\[|Mo-Fr/);
    // Filters: by type and by structure.
    expect((await moderator.get('/admin/annuaire/moderation?type=service')).html).not.toContain('Espace numérique du Blosne');
    expect((await moderator.get('/admin/annuaire/moderation?structure=claviers')).html).toContain('Espace numérique du Blosne');
    expect((await moderator.get('/admin/annuaire/moderation?structure=autre+chose')).html).not.toContain('Espace numérique du Blosne');
    const bad = await moderator.get('/admin/annuaire/moderation?du=31/02/2026');
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('La date de début doit être une vraie date');
  });

  it('approves a whole save: every field approved by the moderator, journaled, gone from the queue', async () => {
    const placeId = await fixturePlace({ name: 'Médiathèque de Cleunay' }, structureId);
    t.clock.advance(60_000);
    await updatePlace(t.deps.db, deps(), placeId, { phone: '+33299445566', summary: 'Ateliers numériques' }, { userId: memberId, kind: 'structure' });
    const [pending] = (await changesOf(placeId)).filter((c) => c.moderation === 'pending');
    await moderator.get('/admin/annuaire/moderation');
    const res = await moderator.post(`/admin/annuaire/moderation/${pending!.batchId}/valider`, { retour: '/admin/annuaire/moderation' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/admin/annuaire/moderation');
    const edits = (await changesOf(placeId)).filter((c) => c.actorKind === 'structure');
    expect(edits.map((c) => [c.field, c.moderation, c.moderatedBy])).toEqual([
      ['phone', 'approved', moderatorId],
      ['summary', 'approved', moderatorId],
    ]);
    const audit = await lastAudit('directory.change_approved');
    expect(audit).toMatchObject({ actorId: moderatorId, subjectType: 'place', subjectId: placeId });
    expect(audit!.details).toMatchObject({ batchId: pending!.batchId, fields: ['phone', 'summary'] });
    const page = await moderator.get('/admin/annuaire/moderation');
    expect(page.html).toContain('Modification de « Médiathèque de Cleunay » validée.');
    expect(page.html).not.toContain('Lieu « Médiathèque de Cleunay »');
    // Approving again finds nothing to approve.
    await moderator.post(`/admin/annuaire/moderation/${pending!.batchId}/valider`, {});
    expect((await moderator.get('/admin/annuaire/moderation')).html).toContain('n’attend plus de relecture');
  });

  it('reverts one field: the old value is back through the store, the change is reverted, journaled', async () => {
    const placeId = await fixturePlace({ name: 'Tiers-lieu de Bréquigny', phone: '+33299000001' }, structureId);
    t.clock.advance(60_000);
    await updatePlace(t.deps.db, deps(), placeId, { phone: '+33299999999', name: 'Tiers-lieu Bréquigny' }, { userId: memberId, kind: 'structure' });
    const phone = (await changesOf(placeId)).find((c) => c.field === 'phone' && c.actorKind === 'structure')!;
    t.clock.advance(60_000);
    await moderator.get('/admin/annuaire/moderation');
    const res = await moderator.post(`/admin/annuaire/modifications/${phone.id}/annuler`, { retour: '/admin/annuaire/moderation' });
    expect(res.status).toBe(303);
    const [place] = await t.deps.db.select().from(places).where(eq(places.id, placeId));
    expect(place!.phone).toBe('+33299000001');
    expect(place!.name).toBe('Tiers-lieu Bréquigny');
    expect(place!.lastEditorKind).toBe('departement');
    const history = await changesOf(placeId);
    expect(history.find((c) => c.id === phone.id)).toMatchObject({ moderation: 'reverted', moderatedBy: moderatorId });
    expect(history.find((c) => c.field === 'name' && c.actorKind === 'structure')!.moderation).toBe('pending');
    const restore = history.filter((c) => c.actorKind === 'departement');
    expect(restore.map((c) => [c.field, c.oldValue, c.newValue, c.moderation, c.actorUserId])).toEqual([['phone', '+33299999999', '+33299000001', 'not_needed', moderatorId]]);
    const audit = await lastAudit('directory.change_reverted');
    expect(audit).toMatchObject({ actorId: moderatorId, subjectId: placeId });
    expect(audit!.details).toMatchObject({ changes: [{ changeId: phone.id, field: 'phone', restored: '+33299000001', removed: '+33299999999' }] });
    expect((await moderator.get('/admin/annuaire/moderation')).html).toContain('Ancienne valeur remise sur « Tiers-lieu Bréquigny » : 1 champ.');
  });

  it('reverts a whole save, lists and hours included', async () => {
    const placeId = await fixturePlace({ name: 'EPN de Maurepas', services: ['Accéder à une connexion internet'], openingHours: 'Tu 09:00-12:00' }, structureId);
    t.clock.advance(60_000);
    await updatePlace(t.deps.db, deps(), placeId, { services: [], openingHours: 'Sa 09:00-12:00', emails: ['epn@maurepas.test'] }, { userId: memberId, kind: 'structure' });
    const batchId = (await changesOf(placeId)).find((c) => c.actorKind === 'structure')!.batchId;
    await moderator.get('/admin/annuaire/moderation');
    expect((await moderator.post(`/admin/annuaire/moderation/${batchId}/annuler`, {})).status).toBe(303);
    const [row] = await queryRows<{ services: string[]; opening_hours: string; emails: string[]; tuesday: boolean }>(
      t.deps.db,
      sql`select services, opening_hours, emails, open_week @> ${1440 + 600}::int as tuesday from places where id = ${placeId}`,
    );
    expect(row).toEqual({ services: ['Accéder à une connexion internet'], opening_hours: 'Tu 09:00-12:00', emails: [], tuesday: true });
    expect((await changesOf(placeId)).filter((c) => c.batchId === batchId).map((c) => c.moderation)).toEqual(['reverted', 'reverted', 'reverted']);
  });

  it('refuses to revert a field changed again since, and says so', async () => {
    const placeId = await fixturePlace({ name: 'Maison de quartier Villejean', phone: '+33299000002' }, structureId);
    t.clock.advance(60_000);
    await updatePlace(t.deps.db, deps(), placeId, { phone: '+33299000003' }, { userId: memberId, kind: 'structure' });
    t.clock.advance(60_000);
    await updatePlace(t.deps.db, deps(), placeId, { phone: '+33299000004' }, { userId: memberId, kind: 'structure' });
    const first = (await changesOf(placeId)).find((c) => c.newValue === '+33299000003')!;
    await moderator.get('/admin/annuaire/moderation');
    const res = await moderator.post(`/admin/annuaire/moderation/${first.batchId}/annuler`, { retour: '/admin/annuaire/moderation' });
    expect(res.status).toBe(303);
    const [place] = await t.deps.db.select().from(places).where(eq(places.id, placeId));
    expect(place!.phone).toBe('+33299000004');
    expect((await changesOf(placeId)).find((c) => c.id === first.id)!.moderation).toBe('pending');
    const page = await moderator.get('/admin/annuaire/moderation');
    expect(page.html).toContain('Rien n’a été annulé sur « Maison de quartier Villejean »');
    expect(page.html).toContain('« Téléphone » a été modifié depuis');
    // The latest edit can be reverted: the value of the first edit comes back.
    const latest = (await changesOf(placeId)).find((c) => c.newValue === '+33299000004')!;
    await moderator.post(`/admin/annuaire/modifications/${latest.id}/annuler`, {});
    const [after] = await t.deps.db.select().from(places).where(eq(places.id, placeId));
    expect(after!.phone).toBe('+33299000003');
  });

  it('does not offer to revert the creation of a listing, and refuses it', async () => {
    const placeId = await createPlace(
      t.deps.db,
      deps(),
      { source: 'relais', sourceId: randomUUID(), name: 'Nouveau lieu de la structure', street: '2 rue Haute', postcode: '35000', communeName: 'Rennes', structureId },
      { userId: memberId, kind: 'structure' },
    );
    const change = (await changesOf(placeId)).find((c) => c.field === 'name')!;
    const page = await moderator.get('/admin/annuaire/moderation');
    expect(page.html).toContain('fiche créée par cette modification');
    await moderator.post(`/admin/annuaire/modifications/${change.id}/annuler`, {});
    expect((await moderator.get('/admin/annuaire/moderation')).html).toContain('a été rempli à la création de la fiche');
    const [place] = await t.deps.db.select().from(places).where(eq(places.id, placeId));
    expect(place!.name).toBe('Nouveau lieu de la structure');
  });

  it('shows a listing’s whole history with the moderation states, and reverts from there', async () => {
    const placeId = await fixturePlace({ name: 'Point numérique de Cesson', summary: 'Accueil libre' }, structureId);
    t.clock.advance(60_000);
    await updatePlace(t.deps.db, deps(), placeId, { summary: 'Accueil sur rendez-vous' }, { userId: memberId, kind: 'structure' });
    const history = `/admin/annuaire/historique/place/${placeId}`;
    const page = await moderator.get(history);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Point numérique de Cesson');
    expect(page.html).toContain('À relire');
    expect(page.html).toContain('Accueil sur rendez-vous');
    expect(page.html).toContain(`href="/ma-structure/lieux/${placeId}/modifier"`);
    const change = (await changesOf(placeId)).find((c) => c.field === 'summary' && c.actorKind === 'structure')!;
    const res = await moderator.post(`/admin/annuaire/modifications/${change.id}/annuler`, { retour: history });
    expect(res.location).toBe(history);
    const after = await moderator.get(history);
    expect(after.html).toContain('Annulée');
    expect(after.html).toContain('Sans relecture');
    // The return address is only ever a page of this area.
    const other = await moderator.post(`/admin/annuaire/modifications/${change.id}/annuler`, { retour: 'https://ailleurs.example/' });
    expect(other.location).toBe('/admin/annuaire/moderation');
    expect((await moderator.get(`/admin/annuaire/historique/place/${randomUUID()}`)).status).toBe(404);
    expect((await moderator.get(`/admin/annuaire/historique/lieu/${placeId}`)).status).toBe(404);
  });
});

describe('error reports', () => {
  it('lists open reports and closes one with a note, journaled', async () => {
    const placeId = await fixturePlace({ name: 'Cyberbase de Saint-Malo' });
    const reportId = randomUUID();
    await t.deps.db.insert(errorReports).values({ id: reportId, placeId, message: 'Le lieu a déménagé rue Nationale.', reporterEmail: 'paul@exemple.fr', createdAt: t.clock.now() });
    const list = await moderator.get('/admin/annuaire/signalements');
    expect(list.html).toContain('Cyberbase de Saint-Malo');
    expect(list.html).toContain('Le lieu a déménagé rue Nationale.');
    expect(list.html).toMatch(/Erreurs signalées \(\d+\)/);
    const form = await moderator.get(`/admin/annuaire/signalements/${reportId}`);
    expect(form.html).toContain(`href="/ma-structure/lieux/${placeId}/modifier"`);
    expect(form.html).toContain(`href="/lieux/${placeId}"`);
    const bad = await moderator.post(`/admin/annuaire/signalements/${reportId}`, { issue: 'resolved', note: '' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Écrivez ce que vous avez fait ou vérifié');
    expect(bad.html).toContain('value="resolved" checked');
    const ok = await moderator.post(`/admin/annuaire/signalements/${reportId}`, { issue: 'resolved', note: 'Adresse corrigée avec la structure.' });
    expect(ok.status).toBe(303);
    const [row] = await t.deps.db.select().from(errorReports).where(eq(errorReports.id, reportId));
    expect(row).toMatchObject({ status: 'resolved', handledBy: moderatorId, handlingNote: 'Adresse corrigée avec la structure.' });
    const audit = await lastAudit('directory.error_report_handled');
    expect(audit).toMatchObject({ subjectId: placeId });
    expect(audit!.details).toMatchObject({ reportId, outcome: 'resolved', note: 'Adresse corrigée avec la structure.' });
    expect((await moderator.get('/admin/annuaire/signalements')).html).not.toContain('Le lieu a déménagé rue Nationale.');
  });
});

describe('requests to manage a structure', () => {
  async function claim(structureId: string, userId: string): Promise<string> {
    const id = randomUUID();
    await t.deps.db.insert(structureClaims).values({ id, structureId, userId, siret: '13002526500013', message: 'Je suis la coordinatrice.', status: 'pending', createdAt: t.clock.now() });
    return id;
  }
  const mailTo = async (to: string) => t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.id));

  it('rejects with a required reason, and tells the person by e-mail', async () => {
    const structureId = await fixtureStructure('CCAS de Vitré');
    const userId = await staffUser('nina@exemple.fr', 'Nina Demandeuse');
    const claimId = await claim(structureId, userId);
    const list = await moderator.get('/admin/annuaire/demandes');
    expect(list.html).toContain('CCAS de Vitré');
    expect(list.html).toContain('Nina Demandeuse, nina@exemple.fr');
    await moderator.get(`/admin/annuaire/demandes/${claimId}`);
    const bad = await moderator.post(`/admin/annuaire/demandes/${claimId}`, { decision: 'reject', reason: ' ' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Écrivez le motif du refus');
    const ok = await moderator.post(`/admin/annuaire/demandes/${claimId}`, { decision: 'reject', reason: 'Nous ne trouvons pas de lien avec le CCAS.' });
    expect(ok.status).toBe(303);
    const [row] = await t.deps.db.select().from(structureClaims).where(eq(structureClaims.id, claimId));
    expect(row).toMatchObject({ status: 'rejected', decidedBy: moderatorId, reason: 'Nous ne trouvons pas de lien avec le CCAS.' });
    const [mail] = await mailTo('nina@exemple.fr');
    expect(mail!.subject).toBe('Votre demande pour gérer « CCAS de Vitré »');
    expect(mail!.text).toContain('Motif : Nous ne trouvons pas de lien avec le CCAS.');
    expect((await lastAudit('directory.claim_rejected'))!.details).toMatchObject({ claimId, userId });
    const grants = await queryRows(t.deps.db, sql`select 1 from role_grants where user_id = ${userId}`);
    expect(grants).toHaveLength(0);
  });

  it('approves: the person becomes a member of the structure and is told by e-mail', async () => {
    const structureId = await fixtureStructure('Centre social de Fougères');
    const userId = await staffUser('omar@exemple.fr', 'Omar Demandeur');
    const claimId = await claim(structureId, userId);
    await moderator.get(`/admin/annuaire/demandes/${claimId}`);
    const ok = await moderator.post(`/admin/annuaire/demandes/${claimId}`, { decision: 'approve' });
    expect(ok.status).toBe(303);
    const grants = await queryRows<{ role: string; structure_id: string; granted_by: string }>(
      t.deps.db,
      sql`select role, structure_id, granted_by from role_grants where user_id = ${userId} and revoked_at is null`,
    );
    expect(grants).toEqual([{ role: 'structure_member', structure_id: structureId, granted_by: moderatorId }]);
    const [mail] = await mailTo('omar@exemple.fr');
    expect(mail!.subject).toBe('Vous gérez maintenant « Centre social de Fougères »');
    expect(mail!.text).toContain('/ma-structure');
    expect(await lastAudit('directory.claim_approved')).toMatchObject({ subjectId: structureId });
    expect(await lastAudit('role.granted')).toMatchObject({ subjectId: userId });
    // Deciding twice changes nothing.
    await moderator.post(`/admin/annuaire/demandes/${claimId}`, { decision: 'reject', reason: 'Trop tard' });
    const [row] = await t.deps.db.select().from(structureClaims).where(eq(structureClaims.id, claimId));
    expect(row!.status).toBe('approved');
  });

  it('cannot make a resident’s account a structure member: says so, changes nothing', async () => {
    const structureId = await fixtureStructure('Médiathèque de Redon');
    const userId = await staffUser('resident@exemple.fr', 'Rémi Résident', { kind: 'resident' });
    const claimId = await claim(structureId, userId);
    await moderator.get(`/admin/annuaire/demandes/${claimId}`);
    const res = await moderator.post(`/admin/annuaire/demandes/${claimId}`, { decision: 'approve' });
    expect(res.status).toBe(422);
    expect(res.html).toContain('compte de particulier');
    const [row] = await t.deps.db.select().from(structureClaims).where(eq(structureClaims.id, claimId));
    expect(row!.status).toBe('pending');
    expect(await mailTo('resident@exemple.fr')).toHaveLength(0);
  });
});

describe('quality dashboard', () => {
  const figure = (all: QualityFigures[], type: string) => all.find((f) => f.type === type)!;

  it('leads the team to the bulk import from the section’s navigation', async () => {
    const page = await moderator.get('/admin/annuaire');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/admin/annuaire/import"');
    expect((await moderator.get('/admin/annuaire/import')).status).toBe(200);
  });

  it('counts the listings up to date, updated by structures, incomplete and without editor, relative to what was there', async () => {
    const today = () => parisToday(t.clock.now());
    const before = await qualityFigures(t.deps.db, today());
    const withMember = await fixtureStructure('Structure avec éditrice');
    await staffUser('editrice@exemple.fr', 'Édith Éditrice', { structureId: withMember });
    const orphan = await fixtureStructure('Structure sans éditeur');
    // Up to date, complete, with an editor, last updated by its structure.
    const good = await fixturePlace({ name: 'Lieu complet' }, withMember);
    t.clock.advance(1000);
    await updatePlace(t.deps.db, deps(), good, { summary: 'Tout est là' }, { userId: null, kind: 'structure' });
    // Stale, no coordinates, no hours, no contact, structure without member.
    await fixturePlace(
      { name: 'Lieu à compléter', latitude: null, longitude: null, openingHours: null, phone: null, updatedOn: '2020-01-01', updateFrequencyDays: 180 },
      orphan,
    );
    const after = await qualityFigures(t.deps.db, today());
    const delta = (type: string, key: keyof QualityFigures['counts'] | 'total') => {
      const a = figure(after, type);
      const b = figure(before, type);
      return key === 'total' ? a.total - b.total : (a.counts[key] ?? 0) - (b.counts[key] ?? 0);
    };
    expect(delta('place', 'total')).toBe(2);
    expect(delta('place', 'a-jour')).toBe(1);
    expect(delta('place', 'perimees')).toBe(1);
    expect(delta('place', 'par-les-structures')).toBe(1);
    expect(delta('place', 'a-geolocaliser')).toBe(1);
    expect(delta('place', 'sans-horaires')).toBe(1);
    expect(delta('place', 'sans-contact')).toBe(1);
    expect(delta('place', 'sans-editeur')).toBe(1);
    expect(delta('structure', 'total')).toBe(2);
    expect(delta('structure', 'sans-editeur')).toBe(1);
    expect(figure(after, 'structure').counts['a-geolocaliser']).toBeNull();

    const page = await moderator.get('/admin/annuaire');
    expect(page.status).toBe(200);
    const p = figure(after, 'place');
    expect(page.html).toContain(`href="/admin/annuaire/fiches?type=place&amp;filtre=a-geolocaliser">${p.counts['a-geolocaliser']!.toLocaleString('fr-FR')}`);
    const list = await moderator.get('/admin/annuaire/fiches?type=place&filtre=sans-editeur&q=lieu+%C3%A0+compl');
    expect(list.html).toContain('Lieu à compléter');
    expect(list.html).toContain('1 fiche.');
    expect((await moderator.get('/admin/annuaire/fiches?type=place&filtre=sans-editeur&q=Lieu+complet')).html).toContain('Aucune fiche.');
    const structures = await moderator.get('/admin/annuaire/fiches?type=structure&filtre=sans-editeur&q=sans+%C3%A9diteur');
    expect(structures.html).toContain('Structure sans éditeur');
    expect((await moderator.get('/admin/annuaire/fiches?type=place&filtre=nimporte')).status).toBe(404);
  });

  it('answers fast on the whole directory (one aggregate query)', async () => {
    const started = performance.now();
    await qualityFigures(t.deps.db, parisToday(t.clock.now()));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
