// From a posted filing page to the raw answers kept for it, and back. Names in the form:
//   simple field          <id>
//   date                  <id>-day, <id>-month, <id>-year (GOV.UK date input)
//   address               <id>-street, and a commune field <id>-commune (+ <id>-communeInsee)
//   commune               <id> (typed text) + <id>Insee (the code chosen)
//   multiple choice       <id> repeated
//   file                  <id> (the file input) + <id>-file (the id of the file already received)
//   repeatable block      <id>--<n>--<sub> for item n (0-based), <id>--count
// The raw answers keep what was typed even when it is not valid, so nothing is lost; the commune's typed
// text is kept beside its code under « <id>__text ».
import type { Field, RawAnswers, RawValue, SimpleField } from '../domain/fields.ts';

export type Body = Record<string, string | File | Array<string | File>>;

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : typeof v === 'string' && v !== '' ? [v] : []);

/** A file chosen in a file field of the page (empty inputs are not files). */
export function chosenFile(body: Body, name: string): File | null {
  const v = body[name];
  const f = Array.isArray(v) ? v.find((x) => x instanceof File) : v;
  return f instanceof File && f.size > 0 ? f : null;
}

function readSimple(field: SimpleField, body: Body, name: string, out: Record<string, RawValue>): void {
  switch (field.type) {
    case 'section':
    case 'explanation':
      return;
    case 'date':
      out[field.id] = { day: str(body[`${name}-day`]).slice(0, 10), month: str(body[`${name}-month`]).slice(0, 10), year: str(body[`${name}-year`]).slice(0, 10) };
      return;
    case 'address':
      out[field.id] = { street: str(body[`${name}-street`]).slice(0, 400), commune: str(body[`${name}-communeInsee`]) };
      out[`${field.id}__text`] = str(body[`${name}-commune`]).slice(0, 200);
      return;
    case 'commune':
      out[field.id] = str(body[`${name}Insee`]);
      out[`${field.id}__text`] = str(body[name]).slice(0, 200);
      return;
    case 'multiple_choice':
      out[field.id] = strs(body[name]).slice(0, 100);
      return;
    case 'file':
      out[field.id] = str(body[`${name}-file`]);
      return;
    default:
      // Long enough for any field's own limit to be told (not silently cut).
      out[field.id] = str(body[name]).slice(0, 20_000);
  }
}

/** The raw answers of one page's fields, as posted. Files chosen are not read here (see chosenFile). */
export function readPage(fields: readonly Field[], body: Body): RawAnswers {
  const out: RawAnswers = {};
  for (const field of fields) {
    if (field.type !== 'repeatable') {
      readSimple(field, body, field.id, out);
      continue;
    }
    const count = Math.min(field.maxItems, Math.max(0, Number.parseInt(str(body[`${field.id}--count`]), 10) || 0));
    const items: Array<Record<string, RawValue>> = [];
    for (let i = 0; i < count; i++) {
      const item: Record<string, RawValue> = {};
      for (const sub of field.fields) readSimple(sub, body, `${field.id}--${i}--${sub.id}`, item);
      items.push(item);
    }
    out[field.id] = items;
  }
  return out;
}

/** The posted fields' names that carry a file for an answer (to store them before validating). */
export function fileInputs(fields: readonly Field[], raw: RawAnswers): Array<{ name: string; fieldPath: string; field: Extract<SimpleField, { type: 'file' }>; set: (id: string) => void }> {
  const list: Array<{ name: string; fieldPath: string; field: Extract<SimpleField, { type: 'file' }>; set: (id: string) => void }> = [];
  for (const field of fields) {
    if (field.type === 'file') list.push({ name: field.id, fieldPath: field.id, field, set: (id) => (raw[field.id] = id) });
    if (field.type === 'repeatable') {
      const items = (raw[field.id] as Array<Record<string, RawValue>> | undefined) ?? [];
      items.forEach((item, i) => {
        for (const sub of field.fields) {
          if (sub.type === 'file') list.push({ name: `${field.id}--${i}--${sub.id}`, fieldPath: `${field.id}[${i + 1}].${sub.id}`, field: sub, set: (id) => (item[sub.id] = id) });
        }
      });
    }
  }
  return list;
}

/** The form name of an error path (« membres[2].nom » → « membres--1--nom »), for the error summary's links. */
export function inputIdOf(path: string, fields: readonly Field[]): string {
  const m = /^([a-z][a-z0-9_]*)\[(\d+)\]\.([a-z][a-z0-9_]*)$/u.exec(path);
  const [id, sub] = m ? [`${m[1]}--${Number(m[2]) - 1}--${m[3]}`, fields.find((f) => f.id === m[1])] : [path, fields.find((f) => f.id === path)];
  const field = sub?.type === 'repeatable' && m ? sub.fields.find((f) => f.id === m[3]) : sub;
  switch (field?.type) {
    case 'date':
      return `${id}-day`;
    case 'address':
      return `${id}-street`;
    case 'yes_no':
    case 'single_choice':
    case 'multiple_choice':
      return id;
    default:
      return id;
  }
}
