import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/client.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../tests/support/pdf-text.ts';
import { signInResident } from '../../../../tests/support/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { rateLimits } from '../../../schema.ts';
import { caseFiles, cases } from '../db/procedures.table.ts';
import { saveDraftPage, startDraft, submitCase } from '../use-cases/file-case.ts';
import { runCaseCommand } from '../use-cases/run-case-command.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.deps.db.delete(rateLimits);
});

const agent = { userId: randomUUID(), label: 'agent@exemple.fr' };

async function fileCase(filerUserId: string | null = null) {
  const d = await startDraft(t.deps, { slug: 'contacter-mon-centre-social', filerUserId });
  if (!d.ok) throw new Error('draft');
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'vous', raw: { prenom: 'Élodie', nom: 'Le Bihan', commune: '35093' } });
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'contact', raw: { moyen_contact: 'courriel', email: 'elodie@exemple.fr' } });
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'message', raw: { sujet: 'aide', message: 'Ma facture d’électricité a doublé.' } });
  const r = await submitCase(t.deps, { userId: filerUserId, label: 'usager' }, { caseId: d.caseId, idempotencyKey: null });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

async function follow(client: TestClient, reference: string, code: string) {
  await client.get('/demarches/suivi');
  return client.post('/demarches/suivi', { reference, code });
}

describe('following a case file without an account', () => {
  it('opens it with the number and the tracking code, and refuses a wrong pair without saying which part is wrong', async () => {
    const filed = await fileCase();
    const client = t.client();
    const wrong = await follow(client, filed.reference, 'AAAA-AAAA');
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('ne vont pas ensemble');
    const unknown = await follow(client, '2026-999999', filed.trackingCode!);
    expect(unknown.html).toContain('ne vont pas ensemble');
    const ok = await follow(client, filed.reference, filed.trackingCode!.toLowerCase());
    expect(ok.location).toBe(`/demarches/dossiers/${filed.caseId}`);
    const page = await client.get(`/demarches/dossiers/${filed.caseId}`);
    expect(page.html).toContain(`Votre dossier ${filed.reference}`);
    expect(page.html).toContain('Ma facture d’électricité a doublé.');
    expect((await t.client().get(`/demarches/dossiers/${filed.caseId}`)).status).toBe(404);
  });

  it('slows down then stops someone trying codes', async () => {
    const filed = await fileCase();
    const client = t.client();
    for (let i = 0; i < 30; i++) await follow(client, filed.reference, `ZZZZ-${String(i).padStart(4, '0')}`);
    const blocked = await follow(client, filed.reference, filed.trackingCode!);
    expect(blocked.status).toBe(429);
  }, 120_000);

  it('gives the receipt as a PDF that says what was filed', async () => {
    const filed = await fileCase();
    const client = t.client();
    await follow(client, filed.reference, filed.trackingCode!);
    const res = await client.request(`/demarches/dossiers/${filed.caseId}/recepisse.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Récépissé de dépôt');
    expect(text).toContain(filed.reference);
    expect(text).toContain('Ma facture d’électricité a doublé.');
    expect(text).toContain('Élodie');
    expect(text).not.toContain(filed.trackingCode!);
    expect((await t.client().request(`/demarches/dossiers/${filed.caseId}/recepisse.pdf`)).status).toBe(404);
  });

  it('answers a correction request, sends a message, then reads the decision and its letter', async () => {
    const filed = await fileCase();
    const client = t.client();
    await follow(client, filed.reference, filed.trackingCode!);
    await runCaseCommand(t.deps, agent, { caseId: filed.caseId, command: 'request_correction', as: 'agent', reason: 'Précisez le montant de la facture.' });
    const page = await client.get(`/demarches/dossiers/${filed.caseId}`);
    expect(page.html).toContain('Votre dossier doit être corrigé ou complété');
    expect(page.html).toContain('Précisez le montant de la facture.');
    const check = await client.get(`/demarches/brouillon/${filed.caseId}/verifier`);
    expect(check.html).toContain('Renvoyer mon dossier corrigé');
    await client.get(`/demarches/brouillon/${filed.caseId}/message`);
    const form = new FormData();
    form.append('_csrf', client.csrf!);
    form.append('sujet', 'aide');
    form.append('message', 'Ma facture d’électricité a doublé : 240 euros.');
    expect((await client.request(`/demarches/brouillon/${filed.caseId}/message`, { method: 'POST', body: form })).status).toBe(303);
    const again = await client.get(`/demarches/brouillon/${filed.caseId}/verifier`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(again.html)![1]!;
    expect((await client.post(`/demarches/brouillon/${filed.caseId}/envoyer`, { idempotencyKey: key })).status).toBe(303);
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, filed.caseId));
    expect(row!.state).toBe('filed');
    expect(row!.answers).toMatchObject({ message: 'Ma facture d’électricité a doublé : 240 euros.' });

    await client.get(`/demarches/dossiers/${filed.caseId}`);
    const noText = await client.post(`/demarches/dossiers/${filed.caseId}/message`, { message: '  ' });
    expect(noText.status).toBe(422);
    expect(noText.html).toContain('Écrivez votre message');
    expect((await client.post(`/demarches/dossiers/${filed.caseId}/message`, { message: 'Merci !' })).status).toBe(303);

    await runCaseCommand(t.deps, agent, { caseId: filed.caseId, command: 'start_review', as: 'agent' });
    const decided = await runCaseCommand(t.deps, agent, { caseId: filed.caseId, command: 'accept', as: 'agent', reason: 'Une aide de 150 euros vous est accordée.' });
    expect(decided.ok).toBe(true);
    const after = await client.get(`/demarches/dossiers/${filed.caseId}`);
    expect(after.html).toContain('Accepté');
    expect(after.html).toContain('Une aide de 150 euros vous est accordée.');
    const letterId = /\/fichiers\/([0-9a-f-]{36})">decision-/.exec(after.html)![1]!;
    const letter = await client.request(`/demarches/dossiers/${filed.caseId}/fichiers/${letterId}`);
    expect(letter.status).toBe(200);
    const text = pdfText(Buffer.from(await letter.arrayBuffer()));
    expect(text).toContain('Une aide de 150 euros vous est accordée.');
    expect(text).toContain('Élodie Le Bihan');
  });

  it('never gives the filer a file of a partner’s thread or opinion', async () => {
    const filed = await fileCase();
    const client = t.client();
    await follow(client, filed.reference, filed.trackingCode!);
    const id = randomUUID();
    await t.deps.files.put(`cases/${filed.caseId}/${id}`, new TextEncoder().encode('%PDF-1.4 avis'), 'application/pdf');
    await t.deps.db.insert(caseFiles).values({ id, caseId: filed.caseId, purpose: 'opinion', invitationId: randomUUID(), storageKey: `cases/${filed.caseId}/${id}`, fileName: 'avis-caf.pdf', contentType: 'application/pdf', size: 13, sha256: 'x', createdAt: t.clock.now() });
    expect((await client.request(`/demarches/dossiers/${filed.caseId}/fichiers/${id}`)).status).toBe(404);
    expect((await client.get(`/demarches/dossiers/${filed.caseId}`)).html).not.toContain('avis-caf.pdf');
  });
});

describe('« Mes démarches »', () => {
  it('lists the resident’s case files and drafts, and opens them without a code', async () => {
    const [resident] = await queryRows<{ id: string }>(t.deps.db, sql`select id from users where email = 'usager@demo.relais.test'`);
    const filed = await fileCase(resident!.id);
    const draft = await startDraft(t.deps, { slug: 'contacter-mon-centre-social', filerUserId: resident!.id });
    const client = await signInResident(t);
    const list = await client.get('/compte/demarches');
    expect(list.status).toBe(200);
    expect(list.html).toContain(filed.reference);
    expect(list.html).toContain(`/demarches/brouillon/${draft.ok ? draft.caseId : ''}`);
    expect((await client.get(`/demarches/dossiers/${filed.caseId}`)).status).toBe(200);
    expect((await t.client().get('/compte/demarches')).status).toBe(303);
    // Another browser, even with the draft's address, gets nothing.
    expect((await t.client().get(`/demarches/dossiers/${filed.caseId}`)).status).toBe(404);
  });
});
