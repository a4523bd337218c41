import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { caseFiles, cases } from '../db/procedures.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SLUG = 'contacter-mon-centre-social';

/** Posts a filing page as a browser does: multipart, CSRF token and the draft key of the last page. */
async function postPage(client: TestClient, path: string, fields: Record<string, string | string[]>, files: Array<{ name: string; field: string; bytes: Uint8Array; type: string }> = [], opts: { draft?: string | null } = {}) {
  const form = new FormData();
  form.append('_csrf', client.csrf ?? '');
  if (opts.draft) form.append('_draft', opts.draft);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const f of files) form.append(f.field, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  const res = await client.request(path, { method: 'POST', body: form });
  const html = await res.text();
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (m) client.csrf = m[1]!;
  return { status: res.status, html, location: res.headers.get('location') };
}

async function start(client: TestClient): Promise<string> {
  await client.get(`/demarches/${SLUG}`);
  const r = await client.post(`/demarches/${SLUG}/commencer`, {});
  expect(r.status).toBe(303);
  const m = /\/demarches\/brouillon\/([0-9a-f-]{36})\/vous$/.exec(r.location!);
  expect(m).not.toBeNull();
  return m![1]!;
}

const draftKeyIn = (html: string) => /name="_draft" value="([^"]+)"/.exec(html)?.[1] ?? null;

describe('filing a procedure without an account, without JavaScript', () => {
  it('lists the procedures and shows the start page', async () => {
    const client = t.client();
    const list = await client.get('/demarches');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Contacter mon centre départemental d’action sociale');
    const page = await client.get(`/demarches/${SLUG}`);
    expect(page.html).toContain('Commencer');
    expect((await client.get('/demarches/n-existe-pas')).status).toBe(404);
  });

  it('goes page by page, keeps answers on errors, checks and sends, and shows the reference and the tracking code', async () => {
    const client = t.client();
    const id = await start(client);
    await client.get(`/demarches/brouillon/${id}/vous`);
    const bad = await postPage(client, `/demarches/brouillon/${id}/vous`, { prenom: 'Aïcha', nom: '', commune: 'Dinard', communeInsee: '' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('govuk-error-summary');
    expect(bad.html).toContain('Saisissez nom');
    expect(bad.html).toContain('value="Aïcha"');
    // What was typed is already kept, even with an error.
    const [draft] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(draft!.rawAnswers.vous).toMatchObject({ prenom: 'Aïcha', nom: '' });

    const unknown = await postPage(client, `/demarches/brouillon/${id}/vous`, { prenom: 'Aïcha', nom: 'Durand', commune: 'Zzyzx', communeInsee: '' });
    expect(unknown.status).toBe(422);
    expect(unknown.html).toContain('Aucune commune ne correspond à « Zzyzx »');
    // Without JavaScript the commune is found from its name by the server.
    const ok = await postPage(client, `/demarches/brouillon/${id}/vous`, { prenom: 'Aïcha', nom: 'Durand', commune: 'Dinard', communeInsee: '' });
    expect(ok.location).toBe(`/demarches/brouillon/${id}/contact`);
    await client.get(`/demarches/brouillon/${id}/contact`);
    const tampered = await postPage(client, `/demarches/brouillon/${id}/contact`, { moyen_contact: 'pigeon' });
    expect(tampered.status).toBe(422);
    expect(tampered.html).toContain('Choisissez une des réponses proposées');
    const contact = await postPage(client, `/demarches/brouillon/${id}/contact`, { moyen_contact: 'courriel', email: 'aicha@exemple.fr', telephone: '' });
    expect(contact.location).toBe(`/demarches/brouillon/${id}/message`);
    await client.get(`/demarches/brouillon/${id}/message`);
    const notPdf = await postPage(client, `/demarches/brouillon/${id}/message`, { sujet: 'aide', message: 'Bonjour, j’ai besoin d’aide pour le loyer.' }, [{ field: 'piece', name: 'photo.pdf', bytes: new TextEncoder().encode('MZ pas un pdf'), type: 'application/pdf' }]);
    expect(notPdf.status).toBe(422);
    expect(notPdf.html).toContain('doit être un fichier PDF, JPEG ou PNG');
    expect(notPdf.html).toContain('Bonjour, j’ai besoin d’aide pour le loyer.');
    const pdf = new TextEncoder().encode('%PDF-1.4\n%…\n');
    const message = await postPage(client, `/demarches/brouillon/${id}/message`, { sujet: 'aide', message: 'Bonjour, j’ai besoin d’aide pour le loyer.' }, [{ field: 'piece', name: 'quittance.pdf', bytes: pdf, type: 'application/pdf' }]);
    expect(message.location).toBe(`/demarches/brouillon/${id}/verifier`);
    const files = await t.deps.db.select().from(caseFiles).where(eq(caseFiles.caseId, id));
    expect(files.map((f) => [f.fileName, f.contentType, f.purpose])).toEqual([['quittance.pdf', 'application/pdf', 'answer']]);

    const check = await client.get(`/demarches/brouillon/${id}/verifier`);
    expect(check.html).toContain('Vérifiez vos réponses avant d’envoyer');
    expect(check.html).toContain('Dinard');
    expect(check.html).toContain('quittance.pdf');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.html)![1]!;
    // A double-click: two « Envoyer » at once with the same key file one case.
    const [a, b] = await Promise.all([client.post(`/demarches/brouillon/${id}/envoyer`, { idempotencyKey: key }), client.post(`/demarches/brouillon/${id}/envoyer`, { idempotencyKey: key })]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const [filed] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(filed!.state).toBe('filed');
    const events = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from case_events where case_id = ${id} and kind = 'filed'`);
    expect(events[0]!.n).toBe(1);
    const confirmation = await client.get(`/demarches/dossiers/${id}/confirmation`);
    expect(confirmation.html).toContain('Demande envoyée');
    expect(confirmation.html).toMatch(/\d{4}-\d{6}/);
    expect(confirmation.html).toMatch(/Votre code de suivi : <strong[^>]*>[0-9A-Z]{4}-[0-9A-Z]{4}/);
    // Shown once.
    expect((await client.get(`/demarches/dossiers/${id}/confirmation`)).html).not.toContain('Votre code de suivi');
  });

  it('never shows a draft to another browser', async () => {
    const id = await start(t.client());
    const other = t.client();
    expect((await other.get(`/demarches/brouillon/${id}/vous`)).status).toBe(404);
    expect((await other.get(`/demarches/brouillon/${id}/verifier`)).status).toBe(404);
    // Without a session the page only comes back with what this browser posted (nothing of the draft)…
    const first = await postPage(other, `/demarches/brouillon/${id}/vous`, { prenom: 'Intrus' }, [], { draft: 'x'.repeat(43) });
    expect(first.status).toBe(403);
    // …and with one, a wrong draft key opens nothing.
    const post = await postPage(other, `/demarches/brouillon/${id}/vous`, { prenom: 'Intrus' }, [], { draft: 'x'.repeat(43) });
    expect(post.status).toBe(404);
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(row!.rawAnswers).toEqual({});
    expect((await other.get('/demarches/brouillon/00000000-0000-0000-0000-000000000000/vous')).status).toBe(404);
  });

  it('loses nothing when the session expired: the answers come back, and « Continuer » saves them', async () => {
    const client = t.client();
    const id = await start(client);
    const page = await client.get(`/demarches/brouillon/${id}/vous`);
    const key = draftKeyIn(page.html);
    expect(key).not.toBeNull();
    t.clock.advance(3 * 3600_000);
    const lost = await postPage(client, `/demarches/brouillon/${id}/vous`, { prenom: 'Jean', nom: 'Le Gall', commune: 'Dinard', communeInsee: '35093' }, [], { draft: key });
    expect(lost.status).toBe(403);
    expect(lost.html).toContain('Votre session avait expiré');
    expect(lost.html).toContain('value="Le Gall"');
    const [before] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(before!.rawAnswers.vous).toBeUndefined();
    const again = await postPage(client, `/demarches/brouillon/${id}/vous`, { prenom: 'Jean', nom: 'Le Gall', commune: 'Dinard', communeInsee: '35093' }, [], { draft: draftKeyIn(lost.html) });
    expect(again.status).toBe(303);
    const [after] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(after!.rawAnswers.vous).toMatchObject({ prenom: 'Jean', nom: 'Le Gall', commune: '35093' });
  });

  it('sends a link to resume later, which opens the draft in another browser', async () => {
    const client = t.client();
    const id = await start(client);
    await client.get(`/demarches/brouillon/${id}/plus-tard`);
    const bad = await client.post(`/demarches/brouillon/${id}/plus-tard`, { email: 'pas-une-adresse' });
    expect(bad.status).toBe(422);
    const sent = await client.post(`/demarches/brouillon/${id}/plus-tard`, { email: 'lea@exemple.fr' });
    expect(sent.html).toContain('Nous avons envoyé un lien à lea@exemple.fr');
    const [mail] = await queryRows<{ text: string }>(t.deps.db, sql`select text from mail_outbox where "to" = 'lea@exemple.fr' order by id desc limit 1`);
    const path = /(\/demarches\/reprendre\/[A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const phone = t.client();
    const open = await phone.get(path);
    expect(open.status).toBe(303);
    expect((await phone.get(`/demarches/brouillon/${id}/vous`)).status).toBe(200);
    expect((await t.client().get('/demarches/reprendre/' + 'a'.repeat(43))).status).toBe(404);
  });

  it('adds and removes blocks of a repeatable question without JavaScript', async () => {
    // Through a seeded procedure that has one (transport scolaire adapté: the trips of the week).
    const row = { slug: 'transport-scolaire-adapte', page: 'trajets', field: 'trajets' };
    const client = t.client();
    await client.get(`/demarches/${row.slug}`);
    const r = await client.post(`/demarches/${row.slug}/commencer`, {});
    const id = /brouillon\/([0-9a-f-]{36})/.exec(r.location!)![1]!;
    await client.get(`/demarches/brouillon/${id}/${row.page}`);
    const added = await postPage(client, `/demarches/brouillon/${id}/${row.page}`, { [`${row.field}--count`]: '1', action: `add:${row.field}` });
    expect(added.html).toContain(`name="${row.field}--count" value="2"`);
    expect(added.html).toContain('Trajet 2');
    const removed = await postPage(client, `/demarches/brouillon/${id}/${row.page}`, { [`${row.field}--count`]: '2', [`${row.field}--1--heure_depart`]: '16 h 30', action: `remove:${row.field}:0` });
    expect(removed.html).toContain(`name="${row.field}--count" value="1"`);
    expect(removed.html).toContain('value="16 h 30"');
  });
});
