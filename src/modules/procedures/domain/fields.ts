// The fields of a procedure, as data, and the server's validation of a person's answers: every type checks its
// value and says in French what is wrong, next to the field; fields hidden by a condition are neither checked
// nor kept. The browser only helps. Commune codes and uploaded files are checked for existence by the use case
// (they need the database); here, only their shape.
import { z } from 'zod';
import { checkIban } from '../../../platform/domain/iban.ts';
import { normalisePhone } from '../../../platform/domain/phone.ts';
import { checkSiret } from '../../../platform/domain/siret.ts';

const condition = z
  .object({
    field: z.string().min(1),
    /** Shown when the answer is this value (single choice, yes/no as « oui »/« non », text)… */
    is: z.string().optional(),
    /** …or when a multiple choice contains it. */
    contains: z.string().optional(),
  })
  .refine((c) => (c.is === undefined) !== (c.contains === undefined), { message: 'Une condition porte sur « is » ou sur « contains »' });

const option = z.object({ value: z.string().min(1), label: z.string().min(1) });

const base = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/u, 'identifiant en minuscules, chiffres et _'),
  label: z.string().min(1),
  hint: z.string().optional(),
  required: z.boolean().default(true),
  showWhen: condition.optional(),
};

const simpleField = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('short_text'), maxLength: z.number().int().positive().default(200) }),
  z.object({ ...base, type: z.literal('long_text'), maxLength: z.number().int().positive().default(4000) }),
  z.object({ ...base, type: z.literal('integer'), min: z.number().int().optional(), max: z.number().int().optional(), unit: z.string().optional() }),
  z.object({ ...base, type: z.literal('decimal'), min: z.number().optional(), max: z.number().optional(), decimals: z.number().int().min(0).max(6).default(2), unit: z.string().optional() }),
  z.object({ ...base, type: z.literal('date'), past: z.enum(['only', 'never', 'any']).default('any') }),
  z.object({ ...base, type: z.literal('email') }),
  z.object({ ...base, type: z.literal('phone') }),
  z.object({ ...base, type: z.literal('yes_no') }),
  z.object({ ...base, type: z.literal('single_choice'), options: z.array(option).min(2) }),
  z.object({ ...base, type: z.literal('multiple_choice'), options: z.array(option).min(2), maxSelected: z.number().int().positive().optional() }),
  z.object({ ...base, type: z.literal('commune') }),
  z.object({ ...base, type: z.literal('address') }),
  z.object({ ...base, type: z.literal('siret') }),
  z.object({ ...base, type: z.literal('iban') }),
  z.object({
    ...base,
    type: z.literal('file'),
    maxBytes: z.number().int().positive().max(20_000_000).default(5_000_000),
    accept: z.array(z.enum(['pdf', 'jpeg', 'png'])).min(1).default(['pdf', 'jpeg', 'png']),
  }),
  z.object({ ...base, type: z.literal('section'), required: z.literal(false).default(false) }),
  z.object({ ...base, type: z.literal('explanation'), text: z.string().min(1), required: z.literal(false).default(false) }),
]);

export const fieldSchema = z.union([
  simpleField,
  z.object({
    ...base,
    type: z.literal('repeatable'),
    /** « Membre du foyer » : each block is titled « Membre du foyer 1 », « 2 »… */
    itemLabel: z.string().min(1),
    minItems: z.number().int().min(0).default(1),
    maxItems: z.number().int().positive().max(50).default(10),
    fields: z.array(simpleField).min(1),
  }),
]);

export type Field = z.infer<typeof fieldSchema>;
export type SimpleField = z.infer<typeof simpleField>;

/** A date as the GOV.UK date input sends it. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export interface AddressParts {
  street: string;
  commune: string;
}
export type RawValue = string | string[] | DateParts | AddressParts | Array<Record<string, RawValue>> | undefined;
export type RawAnswers = Record<string, RawValue>;

export type Value = string | number | boolean | string[] | { street: string; commune: string } | Array<Record<string, Value>>;
export type Answers = Record<string, Value>;

export interface FieldError {
  /** The field's id, or « membres[1].nom » inside a repeatable block (1-based, as people count). */
  path: string;
  message: string;
}

const text = (v: RawValue): string => (typeof v === 'string' ? v.trim() : '');

/** Whether a field is shown, given the answers already read (a field depends only on fields before it). */
export function isShown(field: { showWhen?: { field: string; is?: string | undefined; contains?: string | undefined } | undefined }, answers: Answers): boolean {
  const c = field.showWhen;
  if (!c) return true;
  const v = answers[c.field];
  if (c.is !== undefined) return v === c.is || (typeof v === 'boolean' && (v ? 'oui' : 'non') === c.is) || (typeof v === 'number' && String(v) === c.is);
  return Array.isArray(v) && (v as unknown[]).includes(c.contains);
}

function checkNumber(field: { label: string; min?: number | undefined; max?: number | undefined; unit?: string | undefined }, n: number): string | null {
  const unit = field.unit ? ` ${field.unit}` : '';
  const fr = (x: number) => String(x).replace('.', ',');
  if (field.min !== undefined && n < field.min) return `${field.label} doit être au moins ${fr(field.min)}${unit}`;
  if (field.max !== undefined && n > field.max) return `${field.label} doit être au plus ${fr(field.max)}${unit}`;
  return null;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

type Checked = { value: Value } | { error: string } | { empty: true };

function checkSimple(field: SimpleField, raw: RawValue, today: string): Checked {
  const label = field.label;
  switch (field.type) {
    case 'section':
    case 'explanation':
      return { empty: true };
    case 'short_text':
    case 'long_text': {
      const t = text(raw);
      if (!t) return { empty: true };
      // Counted as the browser counts (a line break is one character).
      const length = [...t.replace(/\r\n/gu, '\n')].length;
      if (length > field.maxLength) return { error: `${label} doit faire ${field.maxLength} caractères au plus (vous en avez saisi ${length})` };
      return { value: t };
    }
    case 'integer':
    case 'decimal': {
      const t = text(raw).replace(/[\s\u00a0\u202f]/gu, '').replace(',', '.');
      if (!t) return { empty: true };
      const pattern = field.type === 'integer' ? /^-?\d+$/u : new RegExp(`^-?\\d+(\\.\\d{1,${field.decimals}})?$`, 'u');
      if (!pattern.test(t)) {
        return {
          error:
            field.type === 'integer'
              ? `${label} doit être un nombre entier, sans virgule`
              : `${label} doit être un nombre, avec au plus ${field.decimals} chiffre${field.decimals > 1 ? 's' : ''} après la virgule`,
        };
      }
      const n = Number(t);
      const bound = checkNumber(field, n);
      return bound ? { error: bound } : { value: n };
    }
    case 'date': {
      const p = (raw && typeof raw === 'object' && !Array.isArray(raw) && 'day' in raw ? raw : { day: '', month: '', year: '' }) as DateParts;
      const [d, m, y] = [p.day, p.month, p.year].map((x) => (typeof x === 'string' ? x.trim() : ''));
      if (!d && !m && !y) return { empty: true };
      const missing = [!d && 'un jour', !m && 'un mois', !y && 'une année'].filter(Boolean);
      if (missing.length) return { error: `${label} doit comporter ${missing.join(' et ')}` };
      if (!/^\d{1,2}$/u.test(d!) || !/^\d{1,2}$/u.test(m!) || !/^\d{4}$/u.test(y!)) return { error: `${label} doit être une vraie date, par exemple 27 3 2007` };
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return { error: `${label} doit être une vraie date` };
      const iso = isoDay(date);
      if (field.past === 'only' && iso > today) return { error: `${label} doit être dans le passé` };
      if (field.past === 'never' && iso < today) return { error: `${label} ne peut pas être dans le passé` };
      return { value: iso };
    }
    case 'email': {
      const t = text(raw);
      if (!t) return { empty: true };
      if (t.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(t)) return { error: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr' };
      return { value: t.toLowerCase() };
    }
    case 'phone': {
      const t = text(raw);
      if (!t) return { empty: true };
      const e164 = normalisePhone(t);
      return e164 ? { value: e164 } : { error: 'Saisissez un numéro de téléphone français, par exemple 02 99 12 34 56' };
    }
    case 'yes_no': {
      const t = text(raw);
      if (!t) return { empty: true };
      if (t !== 'oui' && t !== 'non') return { error: `Répondez oui ou non` };
      return { value: t === 'oui' };
    }
    case 'single_choice': {
      const t = text(raw);
      if (!t) return { empty: true };
      // A value that is not offered comes from a tampered form: refuse it, never keep it.
      return field.options.some((o) => o.value === t) ? { value: t } : { error: 'Choisissez une des réponses proposées' };
    }
    case 'multiple_choice': {
      const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string' && x !== '');
      if (list.length === 0) return { empty: true };
      if (list.some((v) => !field.options.some((o) => o.value === v))) return { error: 'Choisissez parmi les réponses proposées' };
      const unique = [...new Set(list)];
      if (field.maxSelected !== undefined && unique.length > field.maxSelected) return { error: `Choisissez au plus ${field.maxSelected} réponses` };
      // Kept in the order of the options, whatever the order of the form.
      return { value: field.options.map((o) => o.value).filter((v) => unique.includes(v)) };
    }
    case 'commune': {
      const t = text(raw);
      if (!t) return { empty: true };
      return /^(\d{5}|2[AB]\d{3})$/u.test(t) ? { value: t } : { error: 'Choisissez une commune dans la liste' };
    }
    case 'address': {
      const p = (raw && typeof raw === 'object' && !Array.isArray(raw) && 'street' in raw ? raw : { street: '', commune: '' }) as AddressParts;
      const street = typeof p.street === 'string' ? p.street.trim() : '';
      const commune = typeof p.commune === 'string' ? p.commune.trim() : '';
      if (!street && !commune) return { empty: true };
      if (!street) return { error: 'Saisissez le numéro et la rue' };
      if (street.length > 300) return { error: 'L’adresse doit faire 300 caractères au plus' };
      if (!/^(\d{5}|2[AB]\d{3})$/u.test(commune)) return { error: 'Choisissez la commune dans la liste' };
      return { value: { street, commune } };
    }
    case 'siret': {
      const t = text(raw);
      if (!t) return { empty: true };
      const r = checkSiret(t);
      return r.ok ? { value: r.siret } : { error: r.message };
    }
    case 'iban': {
      const t = text(raw);
      if (!t) return { empty: true };
      const r = checkIban(t);
      return r.ok ? { value: r.iban } : { error: r.message };
    }
    case 'file': {
      // The id of a file already received, checked (type from its bytes, size) and stored by the upload step.
      const t = text(raw);
      if (!t) return { empty: true };
      return /^[0-9a-f-]{36}$/u.test(t) ? { value: t } : { error: 'Choisissez le fichier à nouveau' };
    }
  }
}

function requiredMessage(field: SimpleField): string {
  switch (field.type) {
    case 'single_choice':
    case 'yes_no':
      return `Répondez à la question « ${field.label} »`;
    case 'multiple_choice':
      return `Choisissez au moins une réponse à « ${field.label} »`;
    case 'file':
      return `Joignez ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`;
    case 'commune':
      return 'Choisissez une commune dans la liste';
    case 'date':
      return `Saisissez ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`;
    default:
      return `Saisissez ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`;
  }
}

/** Reads fields into `answers`, which also holds the earlier answers their conditions look at. */
function readSimple(
  fields: readonly SimpleField[],
  raw: RawAnswers,
  today: string,
  prefix: string,
  errors: FieldError[],
  answers: Record<string, Value> = {},
): Record<string, Value> {
  for (const field of fields) {
    if (!isShown(field, answers)) continue;
    const r = checkSimple(field, raw[field.id], today);
    const path = `${prefix}${field.id}`;
    if ('error' in r) errors.push({ path, message: r.error });
    else if ('empty' in r) {
      // Sections and explanations are never required (their schema says so): nothing to answer.
      if (field.required) errors.push({ path, message: requiredMessage(field) });
    } else answers[field.id] = r.value;
  }
  return answers;
}

/**
 * Reads and checks every shown field. `today` (YYYY-MM-DD, Paris) is passed in for the date rules. The answers
 * hold only valid values of shown fields; `errors` lists every fault, in the order of the form.
 */
export function validateAnswers(fields: readonly Field[], raw: RawAnswers, today: string, earlier: Answers = {}): { answers: Answers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  // Conditions may look at answers given on earlier pages (`earlier`); only this call's fields are returned.
  const seen: Answers = { ...earlier };
  for (const field of fields) {
    if (field.type !== 'repeatable') {
      readSimple([field], raw, today, '', errors, seen);
      continue;
    }
    if (!isShown(field, seen)) continue;
    const items = Array.isArray(raw[field.id]) ? (raw[field.id] as unknown[]).filter((x): x is Record<string, RawValue> => !!x && typeof x === 'object' && !Array.isArray(x)) : [];
    // A block left wholly empty is not an item (the « Ajouter » button of the form adds empty ones).
    const filled = items.filter((item) => Object.values(item).some((v) => (typeof v === 'string' ? v.trim() !== '' : v !== undefined && !(Array.isArray(v) && v.length === 0))));
    const min = field.required ? Math.max(1, field.minItems) : field.minItems;
    if (filled.length < min) errors.push({ path: field.id, message: `Ajoutez au moins ${min} ${field.itemLabel.toLowerCase()}${min > 1 ? 's' : ''}` });
    if (filled.length > field.maxItems) errors.push({ path: field.id, message: `Ajoutez au plus ${field.maxItems} ${field.itemLabel.toLowerCase()}s` });
    seen[field.id] = filled.slice(0, field.maxItems).map((item, i) => readSimple(field.fields, item, today, `${field.id}[${i + 1}].`, errors));
  }
  const answers: Answers = {};
  for (const field of fields) if (field.id in seen) answers[field.id] = seen[field.id]!;
  return { answers, errors };
}

/** Checks a procedure's fields as imported from JSON: the schema, unique ids, conditions on earlier fields. */
export function checkFieldDefinitions(input: unknown): { ok: true; fields: Field[] } | { ok: false; problems: string[] } {
  const parsed = z.array(fieldSchema).safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`) };
  const problems: string[] = [];
  const seen = new Map<string, Field>();
  for (const f of parsed.data) {
    if (seen.has(f.id)) problems.push(`${f.id} : identifiant déjà utilisé`);
    if (f.showWhen && !seen.has(f.showWhen.field)) problems.push(`${f.id} : la condition porte sur « ${f.showWhen.field} », qui doit être une question posée avant`);
    seen.set(f.id, f);
    if (f.type === 'repeatable') {
      const inner = new Set<string>();
      for (const g of f.fields) {
        if (inner.has(g.id)) problems.push(`${f.id}.${g.id} : identifiant déjà utilisé`);
        if (g.showWhen && !inner.has(g.showWhen.field)) problems.push(`${f.id}.${g.id} : la condition doit porter sur une question du même bloc, posée avant`);
        inner.add(g.id);
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, fields: parsed.data };
}
