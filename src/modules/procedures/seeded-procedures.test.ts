// Every seeded procedure can be filed through its pages, without JavaScript and without an account, with
// answers built from the field types alone — and lands with the team it names.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProcedureDefinitions } from '../../../seeds/procedures.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { checkProcedureDefinition, type ProcedureDefinition } from './domain/procedure.ts';
import type { Field, SimpleField } from './domain/fields.ts';
import { cases, reviewTeams } from './db/procedures.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n');

/** Form values a careful person would give, from the field's type and bounds. */
function valuesFor(field: SimpleField, name: string, out: FormData): void {
  const number = (min?: number, max?: number) => String(Math.max(min ?? 0, Math.min(max ?? 1_000_000, 150)));
  switch (field.type) {
    case 'section':
    case 'explanation':
      return;
    case 'short_text':
      out.append(name, 'Réponse écrite'.slice(0, field.maxLength));
      return;
    case 'long_text':
      out.append(name, 'Une réponse détaillée, avec des accents : été, très, garçon.');
      return;
    case 'integer':
      out.append(name, number(field.min, field.max));
      return;
    case 'decimal':
      out.append(name, number(field.min, field.max).replace(/$/, ',50'));
      return;
    case 'date': {
      const [d, m, y] = field.past === 'only' ? ['14', '7', '1960'] : field.past === 'never' ? ['1', '9', '2099'] : ['1', '3', '2024'];
      out.append(`${name}-day`, d!);
      out.append(`${name}-month`, m!);
      out.append(`${name}-year`, y!);
      return;
    }
    case 'email':
      out.append(name, 'demandeur@exemple.fr');
      return;
    case 'phone':
      out.append(name, '06 12 34 56 78');
      return;
    case 'yes_no':
      out.append(name, 'oui');
      return;
    case 'single_choice':
      out.append(name, field.options[0]!.value);
      return;
    case 'multiple_choice':
      for (const o of field.options.slice(0, field.maxSelected ?? field.options.length)) out.append(name, o.value);
      return;
    case 'commune':
      out.append(name, 'Dinard');
      out.append(`${name}Insee`, '35093');
      return;
    case 'address':
      out.append(`${name}-street`, '1 rue de la Paix');
      out.append(`${name}-commune`, 'Dinard');
      out.append(`${name}-communeInsee`, '35093');
      return;
    case 'siret':
      out.append(name, '443 061 841 00047');
      return;
    case 'iban':
      out.append(name, 'FR76 3000 6000 0112 3456 7890 189');
      return;
    case 'file':
      out.append(name, new File([PDF], 'piece.pdf', { type: 'application/pdf' }));
      return;
  }
}

function pageForm(fields: readonly Field[], csrf: string): FormData {
  const out = new FormData();
  out.append('_csrf', csrf);
  for (const f of fields) {
    if (f.type === 'repeatable') {
      out.append(`${f.id}--count`, '1');
      for (const g of f.fields) valuesFor(g, `${f.id}--0--${g.id}`, out);
    } else valuesFor(f, f.id, out);
  }
  return out;
}

async function fileThroughPages(client: TestClient, def: ProcedureDefinition): Promise<{ status: number; caseId: string; html: string }> {
  await client.get(`/demarches/${def.slug}`);
  const started = await client.post(`/demarches/${def.slug}/commencer`, {});
  const caseId = /brouillon\/([0-9a-f-]{36})/.exec(started.location ?? '')![1]!;
  for (const page of def.pages) {
    await client.get(`/demarches/brouillon/${caseId}/${page.id}`);
    const res = await client.request(`/demarches/brouillon/${caseId}/${page.id}`, { method: 'POST', body: pageForm(page.fields, client.csrf!) });
    const html = await res.text();
    if (res.status !== 303) return { status: res.status, caseId, html };
  }
  const check = await client.get(`/demarches/brouillon/${caseId}/verifier`);
  if (check.status !== 200) return { status: check.status, caseId, html: check.html };
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.html)![1]!;
  const sent = await client.post(`/demarches/brouillon/${caseId}/envoyer`, { idempotencyKey: key });
  return { status: sent.status, caseId, html: sent.html };
}

const definitions = demoProcedureDefinitions() as ProcedureDefinition[];

describe('the seeded procedures', () => {
  it('are the ten the département offers, each a valid definition', () => {
    expect(definitions.map((d) => d.slug).sort()).toEqual([
      'arrete-de-voirie',
      'contacter-mon-centre-social',
      'declaration-travaux-l49',
      'demande-de-mediation',
      'etude-notariale-aides-recuperables',
      'fonds-appui-partenaires-associations',
      'subvention-agricole',
      'subvention-culture',
      'subvention-sport',
      'transport-scolaire-adapte',
    ]);
    for (const d of definitions) expect(checkProcedureDefinition(d)).toMatchObject({ ok: true });
    // Together they use every type of question.
    const types = new Set(definitions.flatMap((d) => d.pages.flatMap((p) => p.fields.flatMap((f) => [f.type, ...(f.type === 'repeatable' ? f.fields.map((g) => g.type) : [])]))));
    expect([...types].sort()).toEqual(['address', 'commune', 'date', 'decimal', 'email', 'explanation', 'file', 'integer', 'iban', 'long_text', 'multiple_choice', 'phone', 'repeatable', 'short_text', 'single_choice', 'siret', 'yes_no'].sort());
  });

  for (const def of definitions) {
    it(`« ${def.title} » is filed without an account through its pages and goes to its team`, async () => {
      const r = await fileThroughPages(t.client(), def);
      expect(r.status, r.html.match(/govuk-error-message[^]*?<\/p>/)?.[0] ?? '').toBe(303);
      const [row] = await t.deps.db.select({ state: cases.state, team: reviewTeams.key, centre: reviewTeams.socialCentreId }).from(cases).innerJoin(reviewTeams, eq(reviewTeams.id, cases.teamId)).where(eq(cases.id, r.caseId));
      expect(row!.state).toBe('filed');
      // Routing by commune sends it to the centre serving Dinard; otherwise to the procedure's team.
      if (def.routing.some((x) => 'communeField' in x)) expect(row!.centre).not.toBeNull();
      else expect(row!.team).toBe(def.team);
    });
  }
});
