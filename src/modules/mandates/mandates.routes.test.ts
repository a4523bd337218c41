// Mandates through HTTP: the manager habilitates an aidant; the aidant creates a mandate (text read, consent),
// prints the attestation, which anyone can check by its code; the mandate is used to record « faire à la place »
// within its domains only; revoked or expired, it is refused. Every step is journaled; others are kept out.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../tests/support/pdf-text.ts';
import { createStaffUser, signedInAs, type StaffUser } from '../../../tests/support/staff-session.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { auditEvents, socialCentres, structureClaims, structures } from '../../schema.ts';
import { accompaniments } from '../accompaniment/index.ts';
import { mandates } from './db/mandates.table.ts';
import { cases, reviewTeamMembers, saveDraftPage } from '../procedures/index.ts';
import pino from 'pino';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import { runDueJobs } from '../../platform/jobs/worker.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { mandateJobHandlers, MANDATE_REMINDER_JOB } from './mandates.jobs.ts';
import { setHabilitation } from './use-cases/mandates.ts';

let t: TestApp;
let centreId: string;
let otherCentreId: string;
let manager: StaffUser;
let aidant: StaffUser;
let plainAgent: StaffUser;
let stranger: StaffUser;
let code = '';
let reference = '';
let mandateUrl = '';

const person = { personName: 'Jeanne Martin', birthDate: '02/04/1950', documentType: 'cni', documentNumber: 'X4RTBPFW4', scopes: ['social', 'argent'], duration: '1m' };
const faireALaPlace = (ref: string, themes: string[]) => ({ duration: '30', level: 'faire_a_la_place', mandateReference: ref, themes, place: 'interview_room', outcome: 'done', person: 'none' });

async function record(b: TestClient, fields: Record<string, string | string[]>) {
  await b.get('/accompagnements/nouveau');
  return b.post('/accompagnements/nouveau', fields);
}

beforeAll(async () => {
  t = await createTestApp();
  const [c1, c2] = await t.deps.db.select({ id: socialCentres.id }).from(socialCentres).limit(2);
  centreId = c1!.id;
  otherCentreId = c2!.id;
  manager = await createStaffUser(t, 'centre_manager', { socialCentreId: centreId, name: 'Marc Responsable' });
  aidant = await createStaffUser(t, 'agent', { socialCentreId: centreId, name: 'Awa Aidante' });
  plainAgent = await createStaffUser(t, 'agent', { socialCentreId: centreId, name: 'Paul Agent' });
  stranger = await createStaffUser(t, 'agent', { socialCentreId: otherCentreId, name: 'Sam Ailleurs' });
});
afterAll(() => t.close());

describe('mandates', () => {
  it('are created only by an « aidant habilité », whom the centre’s manager flags', async () => {
    expect((await (await signedInAs(t, aidant)).get('/mandats/nouveau')).status).toBe(404);
    expect((await (await signedInAs(t, aidant)).get('/mandats/aidants')).status).toBe(404);
    const m = await signedInAs(t, manager);
    const page = await m.get('/mandats/aidants');
    expect(page.html).toContain('Awa Aidante');
    expect((await m.post('/mandats/aidants', { owner: centreId, user: aidant.userId, on: 'oui' })).status).toBe(303);
    expect((await m.get('/mandats/aidants')).html).toMatch(/Awa Aidante[\s\S]*?Aidant habilité/);
    // A person of another centre cannot be flagged from here.
    expect((await m.post('/mandats/aidants', { owner: centreId, user: stranger.userId, on: 'oui' })).status).toBe(404);
    const [granted] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'mandate.habilitation_granted'), eq(auditEvents.subjectId, aidant.userId)));
    expect(granted!.actorId).toBe(manager.userId);
  });

  it('checks every answer, reads the text to the person, and needs their consent', async () => {
    const b = await signedInAs(t, aidant);
    await b.get('/mandats/nouveau');
    const bad = await b.post('/mandats/nouveau', { personName: 'Jeanne Martin', birthDate: '02/04/2099', documentType: 'carte-vitale', documentNumber: '12', scopes: ['social', 'astrologie'], duration: '2y' });
    expect(bad.status).toBe(422);
    for (const message of ['La date de naissance doit être passée', 'Choisissez la pièce d’identité vérifiée', 'Saisissez le numéro de la pièce', 'Cochez des domaines de la liste', 'Choisissez une durée : 1 jour, 1 mois, 6 mois ou 1 an']) expect(bad.html).toContain(message);
    expect(bad.html).toContain('value="Jeanne Martin"');
    const read = await b.post('/mandats/nouveau', person);
    expect(read.status).toBe(200);
    expect(read.html).toContain('Vous, Jeanne Martin, autorisez');
    expect(read.html).toContain('Social : aides sociales');
    expect(read.html).toContain('Ce mandat dure 1 mois');
    const noConsent = await b.post('/mandats/confirmer', person);
    expect(noConsent.status).toBe(422);
    expect(noConsent.html).toContain('Sans l’accord de la personne, le mandat ne peut pas être créé');
    const created = await b.post('/mandats/confirmer', { ...person, consent: 'oui' });
    expect(created.status).toBe(303);
    mandateUrl = created.location!;
    const page = await b.get(mandateUrl);
    expect(page.html).toContain('Valide');
    reference = /Mandat (M-\d{4}-[A-Z0-9]{6}) créé/.exec(page.html)![1]!;
    const [row] = await t.deps.db.select().from(mandates).where(eq(mandates.reference, reference));
    expect(row).toMatchObject({ ownerKind: 'centre', ownerId: centreId, personName: 'Jeanne Martin', personBirthDate: '1950-04-02', documentType: 'cni', documentNumber: 'X4RTBPFW4', scopes: ['argent', 'social'], duration: '1m', createdByUserId: aidant.userId });
    code = row!.integrityHash;
    const pdf = await b.request(`${mandateUrl}/attestation.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(code);
    expect(text).toContain('Jeanne Martin');
    const actions = (await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, row!.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['mandate.created', 'mandate.viewed', 'mandate.attestation_printed']));
  });

  it('tells anyone whether a code is valid, and nothing else', async () => {
    const visitor = t.client();
    const ok = await visitor.get(`/mandats/verifier?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`);
    expect(ok.html).toContain('Mandat valide');
    expect(ok.html).not.toContain('Jeanne');
    const unknown = await visitor.get('/mandats/verifier?code=ABCD-EFGH-JKLM-NPQR-STUV-WXYZ');
    expect(unknown.html).toContain('Code inconnu');
    const empty = await visitor.get('/mandats/verifier?code=');
    expect(empty.status).toBe(422);
  });

  it('lets the aidant record « faire à la place » within its domains only', async () => {
    const b = await signedInAs(t, aidant);
    const ok = await record(b, { ...faireALaPlace(reference.toLowerCase(), ['social']), lieu: centreId });
    expect(ok.status).toBe(303);
    const [row] = await t.deps.db.select().from(accompaniments).where(eq(accompaniments.helperUserId, aidant.userId));
    expect(row!.level).toBe('faire_a_la_place');
    expect(row!.mandateId).not.toBeNull();
    const [used] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'mandate.used'), eq(auditEvents.subjectId, row!.mandateId!)));
    expect(used!.actorId).toBe(aidant.userId);
    const outside = await record(b, faireALaPlace(reference, ['logement']));
    expect(outside.status).toBe(422);
    expect(outside.html).toContain('Ce mandat ne couvre pas : Logement');
    const none = await record(b, faireALaPlace('', ['social']));
    expect(none.html).toContain('Saisissez la référence du mandat de la personne');
    const wrong = await record(b, faireALaPlace('M-2026-ZZZZZZ', ['social']));
    expect(wrong.html).toContain('Aucun mandat n’a cette référence');
    // Not habilitated: refused even with the right reference.
    const plain = await record(await signedInAs(t, plainAgent), faireALaPlace(reference, ['social']));
    expect(plain.html).toContain('réservé aux aidants habilités');
  });

  it('is seen only by its centre’s aidants', async () => {
    expect((await (await signedInAs(t, stranger)).get(mandateUrl)).status).toBe(404);
    expect((await (await signedInAs(t, plainAgent)).get(mandateUrl)).status).toBe(404);
    const partner = await signedInAs(t, await createStaffUser(t, 'partner_agent'));
    expect((await partner.get('/mandats')).status).toBe(403);
    expect((await t.client().get(mandateUrl)).status).toBe(303);
  });

  it('once revoked, is refused, says so on the public check, and prints a revocation attestation', async () => {
    const b = await signedInAs(t, aidant);
    await b.get(mandateUrl);
    const noReason = await b.post(`${mandateUrl}/revoquer`, {});
    expect(noReason.status).toBe(422);
    expect((await b.post(`${mandateUrl}/revoquer`, { reason: 'person' })).status).toBe(303);
    expect((await b.get(mandateUrl)).html).toContain('à la demande de la personne');
    expect((await t.client().get(`/mandats/verifier?code=${code}`)).html).toContain('Mandat révoqué');
    const refused = await record(b, faireALaPlace(reference, ['social']));
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Ce mandat est révoqué : il ne peut plus être utilisé');
    const pdf = await b.request(`${mandateUrl}/revocation.pdf`);
    expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain('Ce mandat ne permet plus d’agir');
  });

  it('expires at the end of its duration, and can be renewed with the person', async () => {
    const b = await signedInAs(t, aidant);
    await b.get('/mandats/nouveau');
    await b.post('/mandats/nouveau', { ...person, duration: '1d' });
    const created = await b.post('/mandats/confirmer', { ...person, duration: '1d', consent: 'oui' });
    const [m] = await t.deps.db.select().from(mandates).where(eq(mandates.id, created.location!.split('/').pop()!));
    const saved = t.clock.now();
    t.clock.set(new Date(saved.getTime() + 25 * 3_600_000));
    try {
      const later = await signedInAs(t, aidant);
      const expired = await record(later, { ...faireALaPlace(m!.reference, ['social']), lieu: centreId });
      expect(expired.html).toContain('Ce mandat est expiré : renouvelez-le avec la personne');
      expect((await t.client().get(`/mandats/verifier?code=${m!.integrityHash}`)).html).toContain('Mandat expiré');
      const renew = await later.get(`/mandats/nouveau?renouvelle=${m!.id}`);
      expect(renew.html).toContain('value="Jeanne Martin"');
      expect(renew.html).toContain(`name="renews" value="${m!.id}"`);
    } finally {
      t.clock.set(saved);
    }
  });

  it('warns the aidant a week before the end, once, from the daily job under the test clock', async () => {
    const b = await signedInAs(t, aidant);
    await b.get('/mandats/nouveau');
    await b.post('/mandats/nouveau', { ...person, personName: 'Louis Rappel' });
    const created = await b.post('/mandats/confirmer', { ...person, personName: 'Louis Rappel', consent: 'oui' });
    const [m] = await t.deps.db.select().from(mandates).where(eq(mandates.id, created.location!.split('/').pop()!));
    const deps = { db: t.deps.db, clock: t.clock, logger: pino({ level: 'silent' }) };
    const run = async () => {
      await enqueueJob(t.deps.db, { kind: MANDATE_REMINDER_JOB.kind }, t.clock.now());
      await runDueJobs(deps, mandateJobHandlers(t.deps.config));
    };
    const reminders = async () => (await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, aidant.email))).filter((x) => x.subject.includes(m!.reference));
    await run();
    expect(await reminders()).toHaveLength(0);
    const saved = t.clock.now();
    t.clock.set(new Date(m!.endsAt.getTime() - 6 * 86_400_000));
    try {
      await run();
      await run();
      const sent = await reminders();
      expect(sent).toHaveLength(1);
      expect(sent[0]!.text).toContain('Louis Rappel');
    } finally {
      t.clock.set(saved);
    }
  });

  it('lets an aidant file a procedure for the person under an active mandate covering it, and the case file says so', async () => {
    const b = await signedInAs(t, aidant);
    const create = async (scopes: string[]) => {
      await b.get('/mandats/nouveau');
      await b.post('/mandats/nouveau', { ...person, personName: 'Rose Dépôt', scopes });
      const r = await b.post('/mandats/confirmer', { ...person, personName: 'Rose Dépôt', scopes, consent: 'oui' });
      const [m] = await t.deps.db.select().from(mandates).where(eq(mandates.id, r.location!.split('/').pop()!));
      return m!;
    };
    const social = await create(['social']);
    const money = await create(['argent']);
    const start = await b.get('/demarches/contacter-mon-centre-social');
    expect(start.html).toContain('Faire cette demande pour une personne');
    const wrongScope = await b.post('/demarches/contacter-mon-centre-social/commencer', { mandat: money.reference });
    expect(wrongScope.status).toBe(422);
    expect(wrongScope.html).toContain('Ce mandat ne couvre pas : Social');
    const started = await b.post('/demarches/contacter-mon-centre-social/commencer', { mandat: social.reference });
    expect(started.status).toBe(303);
    const caseId = started.location!.split('/')[3]!;
    await saveDraftPage(t.deps, { caseId, pageId: 'vous', raw: { prenom: 'Rose', nom: 'Dépôt', commune: '35238' } });
    await saveDraftPage(t.deps, { caseId, pageId: 'contact', raw: { moyen_contact: 'courriel', email: 'rose@exemple.fr' } });
    await saveDraftPage(t.deps, { caseId, pageId: 'message', raw: { sujet: 'aide', message: 'Je voudrais de l’aide pour mon dossier RSA.' } });
    await b.get(`/demarches/brouillon/${caseId}/verifier`);
    const sent = await b.post(`/demarches/brouillon/${caseId}/envoyer`, {});
    expect(sent.status).toBe(303);
    const [filed] = await t.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(filed).toMatchObject({ state: 'filed', mandateId: social.id, filedForName: 'Rose Dépôt', filedByUserId: aidant.userId });
    const uses = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'mandate.used'), eq(auditEvents.subjectId, social.id)));
    expect(uses).toHaveLength(2);
    // The reviewing agent reads who filed it, for whom, under which mandate.
    const reviewer = await createStaffUser(t, 'agent', { name: 'Inès Instructrice' });
    await t.deps.db.insert(reviewTeamMembers).values({ teamId: filed!.teamId!, userId: reviewer.userId, role: 'reviewer', createdAt: t.clock.now() });
    const page = await (await signedInAs(t, reviewer)).get(`/instruction/dossiers/${caseId}`);
    expect(page.html).toContain(`Déposé par Awa Aidante pour Rose Dépôt au titre du mandat ${social.reference}`);

    // Revoked between the start and the sending: the case file is not sent.
    const again = await b.post('/demarches/contacter-mon-centre-social/commencer', { mandat: social.reference });
    const second = again.location!.split('/')[3]!;
    await saveDraftPage(t.deps, { caseId: second, pageId: 'vous', raw: { prenom: 'Rose', nom: 'Dépôt', commune: '35238' } });
    await saveDraftPage(t.deps, { caseId: second, pageId: 'contact', raw: { moyen_contact: 'courriel', email: 'rose@exemple.fr' } });
    await saveDraftPage(t.deps, { caseId: second, pageId: 'message', raw: { sujet: 'aide', message: 'Une autre demande.' } });
    await b.get(`/mandats/${social.id}`);
    await b.post(`/mandats/${social.id}/revoquer`, { reason: 'structure' });
    await b.get(`/demarches/brouillon/${second}/verifier`);
    const refused = await b.post(`/demarches/brouillon/${second}/envoyer`, {});
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Ce mandat est révoqué : il ne peut plus être utilisé');
    const [still] = await t.deps.db.select().from(cases).where(eq(cases.id, second));
    expect(still!.state).toBe('draft');
  });

  it('refuses a mandate given to another structure, even to an aidant habilité there', async () => {
    const b = await signedInAs(t, aidant);
    await b.get('/mandats/nouveau');
    await b.post('/mandats/nouveau', person);
    const created = await b.post('/mandats/confirmer', { ...person, consent: 'oui' });
    const [m] = await t.deps.db.select().from(mandates).where(eq(mandates.id, created.location!.split('/').pop()!));
    await setHabilitation({ db: t.deps.db, clock: t.clock, ids: t.deps.ids, config: t.deps.config }, { userId: stranger.userId, owner: { kind: 'centre', id: otherCentreId }, on: true, actor: { userId: manager.userId, label: 'test' } });
    const elsewhere = await signedInAs(t, stranger);
    const r = await record(elsewhere, faireALaPlace(m!.reference, ['social']));
    expect(r.status).toBe(422);
    expect(r.html).toContain('Ce mandat a été donné à une autre structure : vous ne pouvez pas l’utiliser');
    expect((await elsewhere.get(`/mandats/${m!.id}`)).status).toBe(404);
  });

  it('lets a structure’s referent (approved request to manage it) flag its members, and no other member', async () => {
    const [structure] = await t.deps.db.select({ id: structures.id }).from(structures).limit(1);
    const referent = await createStaffUser(t, 'structure_member', { structureId: structure!.id, name: 'Rita Référente' });
    const member = await createStaffUser(t, 'structure_member', { structureId: structure!.id, name: 'Moussa Médiateur' });
    const asMember = await signedInAs(t, member);
    expect((await asMember.get('/mandats/aidants')).status).toBe(404);
    await t.deps.db.insert(structureClaims).values({ id: crypto.randomUUID(), structureId: structure!.id, userId: referent.userId, siret: '13002526500013', status: 'approved', createdAt: t.clock.now() });
    const asReferent = await signedInAs(t, referent);
    expect((await asReferent.get('/mandats/aidants')).html).toContain('Moussa Médiateur');
    expect((await asReferent.post('/mandats/aidants', { owner: structure!.id, user: member.userId, on: 'oui' })).status).toBe(303);
    const page = await (await signedInAs(t, member)).get('/mandats');
    expect(page.html).toContain('Nouveau mandat');
  });
});

