// « Importer des lieux » for the département team: upload, preview with every error, confirm.
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/client.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/support/test-app.ts';
import { signInResident, signInStaff } from '../../../../tests/support/sign-in.ts';
import { places } from '../db/directory.table.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/directory/${name}`, import.meta.url), 'utf8');

let t: TestApp;
let team: TestClient;
beforeAll(async () => {
  // A small limit, so that « too large » is cheap to test.
  t = await createTestApp({ env: { IMPORT_MAX_BYTES: '3000' } });
  team = (await signInStaff(t, 'annuaire@demo.relais.test')).client;
});
afterAll(async () => t.close());

async function upload(client: TestClient, file: { name: string; content: string | Uint8Array<ArrayBuffer> } | null, source: string) {
  await client.get('/admin/annuaire/import');
  const form = new FormData();
  form.append('_csrf', client.csrf ?? '');
  if (file) form.append('fichier', new File([file.content], file.name, { type: 'application/octet-stream' }));
  form.append('source', source);
  const res = await client.request('/admin/annuaire/import', { method: 'POST', body: form });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

/** The message shown next to the file field (inside its error message element). */
const unescape = (html: string) => html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const fileError = (html: string) => html.match(/id="fichier-error"[^>]*>\s*<span class="govuk-visually-hidden">[^<]*<\/span>\s*([^<]+)</)?.[1]?.trim();

describe('bulk import page', () => {
  it('is for the département team only', async () => {
    const resident = await signInResident(t);
    expect((await resident.get('/admin/annuaire/import')).status).toBe(403);
    const { status, html } = await team.get('/admin/annuaire/import');
    expect(status).toBe(200);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('class="govuk-file-upload"');
  });

  it('refuses a wrong type, checked on the content, with the message next to the field and the other answers kept', async () => {
    const pdf = await upload(team, { name: 'lieux.pdf', content: '%PDF-1.4' }, 'hub');
    expect(pdf.status).toBe(422);
    expect(fileError(pdf.html)).toBe('Le fichier doit être au format CSV (.csv) ou JSON (.json)');
    expect(pdf.html).toContain('<a href="#fichier">Le fichier doit être au format CSV (.csv) ou JSON (.json)</a>');
    expect(pdf.html).toContain('value="hub"');
    expect(pdf.html).toContain('<title>Erreur : ');

    const jsonInCsv = await upload(team, { name: 'lieux.csv', content: '[{"id": "x"}]' }, 'hub');
    expect(fileError(jsonInCsv.html)).toBe('Le contenu du fichier n’est pas un CSV (une ligne d’en-tête avec des colonnes séparées par des virgules)');
    const csvInJson = await upload(team, { name: 'lieux.json', content: 'id,nom\n1,x\n' }, 'hub');
    expect(fileError(csvInJson.html)).toBe('Le contenu du fichier n’est pas du JSON (il doit commencer par « [ » ou « { »)');
    const spreadsheet = await upload(team, { name: 'lieux.csv', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) }, 'hub');
    expect(fileError(spreadsheet.html)).toContain('Le fichier est un classeur (Excel, LibreOffice)');
    const latin1 = await upload(team, { name: 'lieux.csv', content: new Uint8Array([0x69, 0x64, 0x2c, 0x6e, 0x6f, 0x6d, 0x0a, 0xe9]) }, 'hub');
    expect(fileError(latin1.html)).toContain('Le fichier doit être encodé en UTF-8');

    const nothing = await upload(team, null, '');
    expect(nothing.status).toBe(422);
    expect(fileError(nothing.html)).toBe('Choisissez le fichier à importer');
    expect(nothing.html).toContain('Saisissez le nom de la source');
  });

  it('refuses a file too large, whether the request is cut short or the file is just over the limit', async () => {
    const over = await upload(team, { name: 'lieux.csv', content: `id,nom\n${'x'.repeat(3100)}\n` }, 'hub');
    expect(over.status).toBe(422);
    expect(fileError(over.html)).toBe('Le fichier doit faire 3 ko au plus');

    // Far over the limit: the request is not read, and the form says why.
    const huge = await upload(team, { name: 'lieux.csv', content: `id,nom\n${'x'.repeat(200_000)}\n` }, 'hub');
    expect(huge.status).toBe(303);
    expect(huge.location).toBe('/admin/annuaire/import?trop-volumineux=1');
    const back = await team.get(huge.location!);
    expect(back.status).toBe(422);
    expect(fileError(back.html)).toBe('Le fichier doit faire 3 ko au plus');
  });

  it('shows every error by line before anything is written, then imports the valid rows once confirmed', async () => {
    const source = 'hub-page';
    const sent = await upload(team, { name: 'lieux-avec-erreurs.csv', content: fixture('lieux-avec-erreurs.csv') }, source);
    expect(sent.status).toBe(303);
    const report = await team.get(sent.location!);
    report.html = unescape(report.html);
    expect(report.status).toBe(200);
    expect(report.html).toContain('Vérifier l’import');
    expect(report.html).toContain('Lignes refusées (4)');
    expect(report.html).toContain('code_postal : "3500" n’a pas le format attendu (5 chiffres)');
    expect(report.html).toContain('courriels : "pas-une-adresse" n’est pas une adresse e-mail valide');
    expect(report.html).toContain('id : "bon-lieu" est déjà utilisé à la ligne 2');
    expect(report.html).toContain('Importer le lieu valide');
    expect(await t.database.db.select().from(places).where(eq(places.source, source))).toEqual([]);

    const confirmed = await team.post(`${sent.location!}/confirmer`, {});
    expect(confirmed.status).toBe(303);
    const done = await team.get(confirmed.location!);
    expect(done.html).toContain('Import terminé : 1 lieu créé, 0 mis à jour, 0 inchangé.');
    expect(done.html).toContain('Lignes refusées (4)');
    expect((await t.database.db.select().from(places).where(eq(places.source, source))).map((p) => p.sourceId)).toEqual(['bon-lieu']);

    // A second confirmation (double click, another tab) imports nothing more.
    expect((await team.post(`${sent.location!}/confirmer`, {})).status).toBe(303);
    const audits = await queryRows<{ actor_label: string; details: { source: string; created: number; rejected: number } }>(
      t.database.db,
      sql`select actor_label, details from audit_events where action = 'directory.import_run' and subject_id = ${source}`,
    );
    expect(audits.map((a) => [a.actor_label, a.details.created, a.details.rejected])).toEqual([['annuaire@demo.relais.test', 1, 0 + 4]]);
  });

  it('reports a file it cannot read and offers no confirmation; unknown uploads are not found', async () => {
    const sent = await upload(team, { name: 'lieux.csv', content: 'id,nom,commune\r\nx,y,z\r\n' }, 'hub-illisible');
    const report = await team.get(sent.location!);
    expect(report.html).toContain('Le fichier ne peut pas être importé');
    expect(report.html).toContain('La colonne obligatoire pivot est manquante');
    expect(report.html).not.toContain('/confirmer');
    expect((await team.get('/admin/annuaire/import/pas-un-identifiant')).status).toBe(404);
    expect((await team.get('/admin/annuaire/import/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
