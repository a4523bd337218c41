import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signedInAs, type StaffUser } from '../../../../tests/support/staff-session.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { auditEvents, users } from '../../../schema.ts';
import { caseFiles, caseMessages, caseNotes, partnerInvitations, reviewTeamMembers, reviewTeams } from '../db/procedures.table.ts';
import { saveDraftPage, startDraft, submitCase } from '../use-cases/file-case.ts';
import { expirePartnerInvitations } from '../use-cases/partner-opinions.ts';
import { runCaseCommand } from '../use-cases/run-case-command.ts';

let t: TestApp;
let agent: StaffUser;
let agentClient: TestClient;

async function fileCase(message: string) {
  const d = await startDraft(t.deps, { slug: 'contacter-mon-centre-social', filerUserId: null });
  if (!d.ok) throw new Error('draft');
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'vous', raw: { prenom: 'Yasmine', nom: 'Benali', commune: '35093' } });
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'contact', raw: { moyen_contact: 'courriel', email: 'yasmine@exemple.fr' } });
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'message', raw: { sujet: 'aide', message } });
  const r = await submitCase(t.deps, { userId: null, label: 'usager' }, { caseId: d.caseId, idempotencyKey: null });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

const future = () => {
  const d = new Date(t.clock.now().getTime() + 10 * 86_400_000);
  return { 'deadline-day': String(d.getUTCDate()), 'deadline-month': String(d.getUTCMonth() + 1), 'deadline-year': String(d.getUTCFullYear()) };
};

async function invite(caseId: string, email: string, extra: Record<string, string> = {}) {
  await agentClient.get(`/instruction/dossiers/${caseId}/avis`);
  return agentClient.post(`/instruction/dossiers/${caseId}/avis`, { name: 'Luc Partenaire', email, organisation: 'CAF', introduction: 'Pouvez-vous nous dire si ses droits sont ouverts ?', question: 'Les droits sont-ils ouverts ?', ...future(), ...extra });
}

/** The partner's account, made from the invitation: signed in with MFA as after enrolment. */
async function partnerClient(email: string): Promise<{ client: TestClient; userId: string }> {
  const [u] = await t.deps.db.select().from(users).where(eq(users.email, email));
  await t.deps.db.update(users).set({ status: 'active', totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: t.clock.now() }).where(eq(users.id, u!.id));
  return { client: await signedInAs(t, { userId: u!.id, email }), userId: u!.id };
}

beforeAll(async () => {
  t = await createTestApp();
  agent = await createStaffUser(t, 'agent', { name: 'Anne Instructrice' });
  const [team] = await t.deps.db.select().from(reviewTeams).where(eq(reviewTeams.name, 'CDAS de Saint-Malo'));
  await t.deps.db.insert(reviewTeamMembers).values({ teamId: team!.id, userId: agent.userId, role: 'supervisor', createdAt: t.clock.now() });
  agentClient = await signedInAs(t, agent);
});
afterAll(() => t.close());

describe('opinions of partner administrations', () => {
  it('invites a partner, who gets an account from the e-mail, reads the answers, answers with yes/no and a file', async () => {
    const filed = await fileCase('Mes droits CAF ont été coupés.');
    const bad = await invite(filed.caseId, 'pas-une-adresse', { 'deadline-year': '2001' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez une adresse e-mail valide');
    expect(bad.html).toContain('La date limite ne peut pas être dans le passé');
    const sent = await invite(filed.caseId, 'luc.partenaire@caf.exemple.fr');
    expect(sent.status).toBe(303);
    const [mail] = await queryRows<{ subject: string; text: string }>(t.deps.db, sql`select subject, text from mail_outbox where "to" = 'luc.partenaire@caf.exemple.fr'`);
    expect(mail!.subject).toContain(filed.reference);
    expect(mail!.text).toMatch(/\/invitation\/[A-Za-z0-9_-]+/);
    const [inv] = await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, filed.caseId));

    const { client } = await partnerClient('luc.partenaire@caf.exemple.fr');
    const list = await client.get('/avis');
    expect(list.html).toContain(filed.reference);
    const page = await client.get(`/avis/${inv!.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Mes droits CAF ont été coupés.');
    expect(page.html).toContain('Pouvez-vous nous dire si ses droits sont ouverts ?');
    const noAnswer = await client.post(`/avis/${inv!.id}/reponse`, { avis: '' });
    expect(noAnswer.status).toBe(422);
    expect(noAnswer.html).toContain('Écrivez votre avis');
    expect(noAnswer.html).toContain('Répondez oui ou non à la question');
    const form = new FormData();
    form.append('_csrf', client.csrf!);
    form.append('avis', 'Droits suspendus faute de déclaration trimestrielle.');
    form.append('reponse', 'non');
    form.append('fichier', new File([new TextEncoder().encode('%PDF-1.4 attestation')], 'attestation.pdf', { type: 'application/pdf' }));
    expect((await client.request(`/avis/${inv!.id}/reponse`, { method: 'POST', body: form })).status).toBe(303);
    const agentView = await agentClient.get(`/instruction/dossiers/${filed.caseId}/avis`);
    expect(agentView.html).toContain('Droits suspendus faute de déclaration trimestrielle.');
    expect(agentView.html).toContain('attestation.pdf');
    const audits = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, filed.caseId), eq(auditEvents.action, 'partner.case_viewed')));
    expect(audits.length).toBeGreaterThan(0);
  });

  it('shows the partner nothing else: not the notes, not the resident’s messages, not a confidential opinion, not another case file', async () => {
    const filed = await fileCase('Je cherche un logement social.');
    const other = await fileCase('Un autre dossier, secret.');
    await t.deps.db.insert(caseNotes).values({ id: randomUUID(), caseId: filed.caseId, authorUserId: agent.userId, body: 'NOTE-PRIVEE-XYZ', createdAt: t.clock.now() });
    await t.deps.db.insert(caseMessages).values({ id: randomUUID(), caseId: filed.caseId, invitationId: null, authorKind: 'filer', authorUserId: null, body: 'MESSAGE-USAGER-XYZ', createdAt: t.clock.now() });
    await invite(filed.caseId, 'secret@cpam.exemple.fr', { confidential: 'oui', organisation: 'CPAM' });
    await invite(filed.caseId, 'voisin@mairie.exemple.fr', { organisation: 'Mairie' });
    await invite(other.caseId, 'secret@cpam.exemple.fr', { organisation: 'CPAM' });
    const invs = await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, filed.caseId));
    const confidential = invs.find((i) => i.confidential)!;
    const open = invs.find((i) => !i.confidential)!;
    const cpam = await partnerClient('secret@cpam.exemple.fr');
    await cpam.client.get(`/avis/${confidential.id}`);
    await cpam.client.post(`/avis/${confidential.id}/reponse`, { avis: 'AVIS-CONFIDENTIEL-XYZ', reponse: 'oui' });
    const mairie = await partnerClient('voisin@mairie.exemple.fr');
    const page = await mairie.client.get(`/avis/${open.id}`);
    expect(page.status).toBe(200);
    for (const secret of ['NOTE-PRIVEE-XYZ', 'MESSAGE-USAGER-XYZ', 'AVIS-CONFIDENTIEL-XYZ', 'Un autre dossier, secret.']) expect(page.html).not.toContain(secret);
    // Another partner's invitation, another case file, the agents' pages: nothing.
    expect((await mairie.client.get(`/avis/${confidential.id}`)).status).toBe(404);
    const otherInv = (await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, other.caseId)))[0]!;
    expect((await mairie.client.get(`/avis/${otherInv.id}`)).status).toBe(404);
    for (const path of [`/instruction/dossiers/${filed.caseId}`, `/instruction/dossiers/${filed.caseId}/avis`, `/instruction/dossiers/${other.caseId}`, `/demarches/dossiers/${filed.caseId}`]) {
      expect([path, (await mairie.client.get(path)).status]).not.toEqual([path, 200]);
    }
    // Files: the answers' files only, of this case file only.
    const id = randomUUID();
    await t.deps.files.put(`cases/${other.caseId}/${id}`, new TextEncoder().encode('%PDF-1.4'), 'application/pdf');
    await t.deps.db.insert(caseFiles).values({ id, caseId: other.caseId, purpose: 'answer', storageKey: `cases/${other.caseId}/${id}`, fileName: 'autre.pdf', contentType: 'application/pdf', size: 8, sha256: 'x', createdAt: t.clock.now() });
    expect((await mairie.client.request(`/avis/${open.id}/fichiers/${id}`)).status).toBe(404);
  });

  it('ends the partner’s access on revocation, after the deadline, and once the case file is decided', async () => {
    const a = await fileCase('Dossier A');
    await invite(a.caseId, 'revoque@caf.exemple.fr');
    const [invA] = await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, a.caseId));
    const p = await partnerClient('revoque@caf.exemple.fr');
    expect((await p.client.get(`/avis/${invA!.id}`)).status).toBe(200);
    await agentClient.get(`/instruction/dossiers/${a.caseId}/avis`);
    expect((await agentClient.post(`/instruction/dossiers/${a.caseId}/avis/${invA!.id}/retirer`, {})).status).toBe(303);
    const revoked = await p.client.get(`/avis/${invA!.id}`);
    expect(revoked.status).toBe(403);
    expect(revoked.html).toContain('retiré sa demande');

    const b = await fileCase('Dossier B');
    await invite(b.caseId, 'delai@caf.exemple.fr');
    const [invB] = await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, b.caseId));
    const q = await partnerClient('delai@caf.exemple.fr');
    t.clock.advance(12 * 86_400_000);
    const late = await signedInAs(t, { userId: q.userId, email: 'delai@caf.exemple.fr' });
    expect((await late.get(`/avis/${invB!.id}`)).html).toContain('date limite de réponse est passée');
    expect(await expirePartnerInvitations(t.deps)).toBeGreaterThanOrEqual(1);
    const [expired] = await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.id, invB!.id));
    expect(expired!.status).toBe('expired');

    const c = await fileCase('Dossier C');
    agentClient = await signedInAs(t, agent);
    await agentClient.get(`/instruction/dossiers/${c.caseId}/avis`);
    await invite(c.caseId, 'decide@caf.exemple.fr');
    const [invC] = await t.deps.db.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, c.caseId));
    const r = await partnerClient('decide@caf.exemple.fr');
    await runCaseCommand(t.deps, { userId: agent.userId, label: agent.email }, { caseId: c.caseId, command: 'close_without_action', as: 'agent', reason: 'Doublon' });
    expect((await r.client.get(`/avis/${invC!.id}`)).html).toContain('Une décision a été prise');
  });
});
