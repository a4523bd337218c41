// The export of a procedure's case files (those of the agent's teams) as CSV for French spreadsheets: UTF-8
// with a BOM, « ; » between cells, RFC 4180 quoting, and cells that a spreadsheet would run as a formula
// (= + - @) defused with a leading apostrophe. Read by keyset batches on the number and written as they come:
// memory stays flat whatever the number of case files.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { CASE_STATE_LABELS, type CaseState } from '../domain/case-lifecycle.ts';
import { displayAnswers } from '../domain/answer-display.ts';
import type { Answers } from '../domain/fields.ts';
import type { ProcedureDefinition } from '../domain/procedure.ts';
import { caseReference } from '../domain/reference.ts';
import { csvLine } from '../../../platform/documents/table-export.ts';

const BATCH = 1000;


/** One column per question of every version of the procedure, in the order of the latest version. */
function columnsOf(defs: ProcedureDefinition[]): Array<{ key: string; label: string }> {
  const columns = new Map<string, string>();
  for (const def of [...defs].reverse()) {
    for (const page of def.pages) {
      for (const f of page.fields) {
        if (f.type === 'section' || f.type === 'explanation') continue;
        if (f.type === 'repeatable') {
          for (const g of f.fields) if (g.type !== 'section' && g.type !== 'explanation' && !columns.has(`${f.id}.${g.id}`)) columns.set(`${f.id}.${g.id}`, `${f.itemLabel} : ${g.label}`);
        } else if (!columns.has(f.id)) columns.set(f.id, f.label);
      }
    }
  }
  return [...columns].map(([key, label]) => ({ key, label }));
}

// One formatter for the whole export: making one per cell costs more than the rest of the row.
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
const dateFr = (d: Date | null) => (d ? DATE_TIME.format(d) : '');

interface ExportRow extends Record<string, unknown> {
  number: number;
  created_at: Date;
  state: CaseState;
  filed_at: Date | null;
  decided_at: Date | null;
  team: string | null;
  assignee: string | null;
  commune_code: string | null;
  version_id: string;
  answers: Answers | null;
  labels: string | null;
}

/** The export as rows of cells, the header first, by batches (for CSV and XLSX alike). */
export async function* exportCaseRows(q: Queryable, criteria: { userId: string; procedureId: string }): AsyncGenerator<string[][]> {
  const versions = await queryRows<{ id: string; definition: ProcedureDefinition }>(q, sql`select id, definition from procedure_versions where procedure_id = ${criteria.procedureId} order by version`);
  const defs = new Map(versions.map((v) => [v.id, v.definition]));
  const columns = columnsOf(versions.map((v) => v.definition));
  const communes = new Map((await queryRows<{ insee: string; name: string }>(q, sql`select insee, name from communes`)).map((r) => [r.insee, r.name]));
  yield [['Dossier', 'État', 'Déposé le', 'Décidé le', 'Équipe', 'Attribué à', 'Commune', 'Étiquettes', ...columns.map((c) => c.label)]];
  let after = -1;
  for (;;) {
    const rows = await queryRows<ExportRow>(
      q,
      sql`select c.number, c.created_at, c.state, c.filed_at, c.decided_at, t.name as team, u.display_name as assignee, c.commune_code, c.version_id, c.answers,
                 (select string_agg(l.name, ', ' order by l.name) from case_label_links ll join case_labels l on l.id = ll.label_id where ll.case_id = c.id) as labels
          from cases c
          left join review_teams t on t.id = c.team_id
          left join users u on u.id = c.assignee_id
          where c.procedure_id = ${criteria.procedureId} and c.state <> 'draft' and c.number > ${after}
            and c.team_id in (select team_id from review_team_members where user_id = ${criteria.userId})
          order by c.number limit ${BATCH}`,
    );
    if (rows.length === 0) return;
    const chunk: string[][] = [];
    for (const r of rows) {
      const values = new Map<string, string[]>();
      const def = defs.get(r.version_id);
      if (def && r.answers) {
        for (const section of displayAnswers(def, r.answers, { communeName: (c) => communes.get(c) ?? c, fileName: () => 'fichier joint' })) {
          for (const row of section.rows) {
            const key = row.path.replace(/\[\d+\]/u, '');
            values.set(key, [...(values.get(key) ?? []), row.lines.join(', ')]);
          }
        }
      }
      chunk.push([
        caseReference(Number(r.number), new Date(r.created_at)),
        CASE_STATE_LABELS[r.state],
        dateFr(r.filed_at ? new Date(r.filed_at) : null),
        dateFr(r.decided_at ? new Date(r.decided_at) : null),
        r.team ?? '',
        r.assignee ?? '',
        r.commune_code ? (communes.get(r.commune_code) ?? r.commune_code) : '',
        r.labels ?? '',
        ...columns.map((c) => (values.get(c.key) ?? []).join(' | ')),
      ]);
    }
    yield chunk;
    after = Number(rows.at(-1)!.number);
  }
}

export async function* exportCasesCsv(q: Queryable, criteria: { userId: string; procedureId: string }): AsyncGenerator<string> {
  let first = true;
  for await (const batch of exportCaseRows(q, criteria)) {
    yield (first ? '\uFEFF' : '') + batch.map(csvLine).join('');
    first = false;
  }
}
