import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signedInAs, type StaffUser } from '../../../../tests/support/staff-session.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { auditEvents } from '../../../schema.ts';
import { caseEvents, cases, reviewTeamMembers, reviewTeams } from '../db/procedures.table.ts';
import { saveDraftPage, startDraft, submitCase } from '../use-cases/file-case.ts';

let t: TestApp;
let agent: StaffUser;
let stranger: StaffUser;
let caseId: string;
let reference: string;

async function fileCase(name: string, commune = '35093') {
  const d = await startDraft(t.deps, { slug: 'contacter-mon-centre-social', filerUserId: null });
  if (!d.ok) throw new Error('draft');
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'vous', raw: { prenom: name, nom: 'Durand', commune } });
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'contact', raw: { moyen_contact: 'courriel', email: 'filer@exemple.fr' } });
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'message', raw: { sujet: 'aide', message: 'Mon loyer a augmenté, je ne peux plus payer.' } });
  const r = await submitCase(t.deps, { userId: null, label: 'usager' }, { caseId: d.caseId, idempotencyKey: null });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

beforeAll(async () => {
  t = await createTestApp();
  const teams = await t.deps.db.select().from(reviewTeams);
  const saintMalo = teams.find((x) => x.name === 'CDAS de Saint-Malo')!;
  const culture = teams.find((x) => x.key === 'culture')!;
  agent = await createStaffUser(t, 'agent', { name: 'Anne Instructrice' });
  stranger = await createStaffUser(t, 'agent', { name: 'Paul Autre' });
  await t.deps.db.insert(reviewTeamMembers).values([
    { teamId: saintMalo.id, userId: agent.userId, role: 'reviewer', createdAt: t.clock.now() },
    { teamId: culture.id, userId: stranger.userId, role: 'supervisor', createdAt: t.clock.now() },
  ]);
  const r = await fileCase('Aïcha');
  caseId = r.caseId;
  reference = r.reference;
});
afterAll(() => t.close());

describe('the agents’ inbox and case page', () => {
  it('lists the case files of the agent’s teams, finds them by words without accents, and journals each view', async () => {
    const client = await signedInAs(t, agent);
    const inbox = await client.get('/instruction?onglet=tous');
    expect(inbox.status).toBe(200);
    expect(inbox.html).toContain(reference);
    expect((await client.get('/instruction?onglet=tous&q=aicha+loyer')).html).toContain(reference);
    expect((await client.get('/instruction?onglet=tous&q=chauffage')).html).not.toContain(reference);
    expect((await client.get('/instruction?onglet=tous&du=pas-une-date')).status).toBe(422);
    const page = await client.get(`/instruction/dossiers/${caseId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Mon loyer a augmenté, je ne peux plus payer.');
    expect(page.html).toContain('Dinard');
    const views = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.viewed'), eq(auditEvents.subjectId, caseId)));
    expect(views.length).toBeGreaterThan(0);
  });

  it('shows nothing of it to an agent of another team, a resident or a visitor', async () => {
    const other = await signedInAs(t, stranger);
    expect((await other.get('/instruction?onglet=tous')).html).not.toContain(reference);
    expect((await other.get(`/instruction/dossiers/${caseId}`)).status).toBe(404);
    await other.get('/instruction');
    expect((await other.post(`/instruction/dossiers/${caseId}/decision`, { commande: 'start_review' })).status).toBe(404);
    expect((await other.post(`/instruction/dossiers/${caseId}/note`, { note: 'intrus' })).status).toBe(404);
    await other.post('/instruction/actions', { dossiers: caseId, action: 'assign-me' });
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.assigneeId).toBeNull();
    const anonymous = t.client();
    expect((await anonymous.get(`/instruction/dossiers/${caseId}`)).status).toBe(303);
    const noTeam = await signedInAs(t, await createStaffUser(t, 'agent'));
    const none = await noTeam.get('/instruction');
    expect(none.html).toContain('Vous ne faites partie d’aucune équipe d’instruction');
    expect(none.html).not.toContain(reference);
    expect((await noTeam.get('/instruction/dossiers/not-a-uuid')).status).toBe(404);
  });

  it('reviews: note kept private, message sent to the person, refusal needs its reason, which the person is told', async () => {
    const client: TestClient = await signedInAs(t, agent);
    await client.get(`/instruction/dossiers/${caseId}`);
    const note = await client.post(`/instruction/dossiers/${caseId}/note`, { note: 'Appeler la CAF avant de répondre' });
    expect(note.status).toBe(303);
    const events = await t.deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.some((e) => e.visibleToFiler && JSON.stringify(e).includes('CAF'))).toBe(false);
    await client.get(`/instruction/dossiers/${caseId}`);
    const form = new FormData();
    form.append('_csrf', client.csrf!);
    form.append('message', 'Pouvez-vous envoyer votre dernier avis d’échéance ?');
    form.append('fichiers', new File([new TextEncoder().encode('%PDF-1.4\n')], 'modele.pdf', { type: 'application/pdf' }));
    const sent = await client.request(`/instruction/dossiers/${caseId}/message`, { method: 'POST', body: form });
    expect(sent.status).toBe(303);
    const mails = await queryRows<{ subject: string }>(t.deps.db, sql`select subject from mail_outbox where "to" = 'filer@exemple.fr' order by id`);
    expect(mails.at(-1)!.subject).toContain('Nouveau message');
    await client.get(`/instruction/dossiers/${caseId}`);
    expect((await client.post(`/instruction/dossiers/${caseId}/decision`, { commande: 'start_review' })).status).toBe(303);
    await client.get(`/instruction/dossiers/${caseId}`);
    const noReason = await client.post(`/instruction/dossiers/${caseId}/decision`, { commande: 'refuse', motif: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.html).toContain('Donnez le motif du refus');
    const refused = await client.post(`/instruction/dossiers/${caseId}/decision`, { commande: 'refuse', motif: 'Votre commune dépend d’un autre centre.' });
    expect(refused.status).toBe(303);
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ state: 'refused', decisionReason: 'Votre commune dépend d’un autre centre.' });
    // A reviewer cannot reopen: only a supervisor can.
    const page = await client.get(`/instruction/dossiers/${caseId}`);
    expect(page.html).not.toContain('value="reopen"');
  });

  it('exports the procedure’s case files as CSV for French spreadsheets and as XLSX', async () => {
    await fileCase('=HYPERLINK("x")');
    const client = await signedInAs(t, agent);
    const [proc] = await queryRows<{ id: string }>(t.deps.db, sql`select id from procedures where slug = 'contacter-mon-centre-social'`);
    const res = await client.request(`/instruction/export.csv?demarche=${proc!.id}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.startsWith('Dossier;État;Déposé le')).toBe(true);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(reference))).toContain('Refusé');
    expect(text).toContain(`'=HYPERLINK(""x"")`);
    // The same as an Excel workbook, opened back.
    const xlsx = await client.request(`/instruction/export.xlsx?demarche=${proc!.id}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Dossiers')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Dossier');
    expect(sheet.rowCount).toBe(3);
    const values = [sheet.getRow(2), sheet.getRow(3)].map((r) => (r.values as unknown[]).join('|'));
    expect(values.find((v) => v.includes(reference))).toContain('Refusé');
    expect(values.join('|')).toContain('Mon loyer a augmenté, je ne peux plus payer.');
    const other = await signedInAs(t, stranger);
    const theirs = await (await other.request(`/instruction/export.csv?demarche=${proc!.id}`)).text();
    expect(theirs.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
