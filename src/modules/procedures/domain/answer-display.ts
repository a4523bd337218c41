// The answers of a case file as people read them (« Vérifiez vos réponses », the agent's case page, the
// partner's view, the PDF receipt): page by page, one row per shown question, values in plain French.
import { isShown, type Answers, type Field, type SimpleField, type Value } from './fields.ts';
import { isPageShown, type ProcedureDefinition } from './procedure.ts';

export interface AnswerRow {
  /** The field id (« membres[2].nom » inside a repeatable block). */
  path: string;
  label: string;
  /** The value, one line per entry; empty when the question was not answered (optional). */
  lines: string[];
  /** For a file field: the id of the file, to link to it. */
  fileId?: string;
}

export interface AnswerSection {
  pageId: string;
  title: string;
  rows: AnswerRow[];
}

export interface DisplayLookups {
  communeName(code: string): string;
  fileName(id: string): string;
}

const frenchDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][Number(m) - 1]} ${y}`;
};

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });
const frenchNumber = (n: number) => NUMBER.format(n);

function phoneDisplay(e164: string): string {
  // +33612345678 → 06 12 34 56 78 (French numbers are all Relais keeps).
  const national = e164.startsWith('+33') ? `0${e164.slice(3)}` : e164;
  return national.replace(/(\d{2})(?=\d)/g, '$1 ').trim();
}

function simpleLines(field: SimpleField, v: Value | undefined, look: DisplayLookups): string[] {
  if (v === undefined) return [];
  switch (field.type) {
    case 'yes_no':
      return [v ? 'Oui' : 'Non'];
    case 'single_choice':
      return [field.options.find((o) => o.value === v)?.label ?? String(v)];
    case 'multiple_choice':
      return (v as string[]).map((x) => field.options.find((o) => o.value === x)?.label ?? x);
    case 'date':
      return [frenchDate(String(v))];
    case 'integer':
    case 'decimal':
      return [`${frenchNumber(v as number)}${field.unit ? ` ${field.unit}` : ''}`];
    case 'commune':
      return [look.communeName(String(v))];
    case 'address': {
      const a = v as { street: string; commune: string };
      return [a.street, look.communeName(a.commune)];
    }
    case 'phone':
      return [phoneDisplay(String(v))];
    case 'iban':
      return [String(v).replace(/(.{4})(?=.)/g, '$1 ')];
    case 'file':
      return [look.fileName(String(v))];
    case 'long_text':
      return String(v).split(/\r?\n/);
    default:
      return [String(v)];
  }
}

function rowsOf(field: Field, answers: Answers, look: DisplayLookups, prefix = ''): AnswerRow[] {
  if (field.type === 'section' || field.type === 'explanation') return [];
  if (field.type === 'repeatable') {
    const items = (answers[field.id] as Array<Record<string, Value>> | undefined) ?? [];
    return items.flatMap((item, i) =>
      field.fields
        .filter((f) => f.type !== 'section' && f.type !== 'explanation' && isShown(f, item))
        .map((f) => ({
          path: `${field.id}[${i + 1}].${f.id}`,
          label: `${field.itemLabel} ${i + 1} : ${f.label}`,
          lines: simpleLines(f, item[f.id], look),
          ...(f.type === 'file' && typeof item[f.id] === 'string' ? { fileId: item[f.id] as string } : {}),
        })),
    );
  }
  const v = answers[field.id];
  return [{ path: `${prefix}${field.id}`, label: field.label, lines: simpleLines(field, v, look), ...(field.type === 'file' && typeof v === 'string' ? { fileId: v } : {}) }];
}

/**
 * The shown pages and their answered (or optional, left empty) questions. A question hidden by a condition is
 * not listed: its answer was never kept.
 */
export function displayAnswers(def: ProcedureDefinition, answers: Answers, look: DisplayLookups): AnswerSection[] {
  return def.pages
    .filter((p) => isPageShown(p, answers))
    .map((p) => ({
      pageId: p.id,
      title: p.title,
      rows: p.fields.filter((f) => isShown(f, answers)).flatMap((f) => rowsOf(f, answers, look)),
    }));
}
