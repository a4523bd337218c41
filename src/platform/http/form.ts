import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './context.ts';

/** The raw answers of a form, as typed: what the page shows again when something is wrong. */
export type FormValues = Record<string, string | string[]>;

/** One error per field, in French, in the order of the form (the error summary lists them in that order). */
export interface FieldError {
  field: string;
  message: string;
}

export type FormResult<T> = { ok: true; value: T; values: FormValues } | { ok: false; errors: FieldError[]; values: FormValues };

/** Reads an urlencoded or multipart body into strings (repeated names become arrays), without the CSRF token. */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') values[k] = v;
  }
  return values;
}

/**
 * Parses the answers with a zod schema whose messages are written in French for a person
 * (« Entrez votre adresse e-mail »). The first message of each field is kept.
 */
export function parseForm<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data, values };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors, values };
}

/** The error of one field, for its errorMessage option. */
export function errorFor(errors: FieldError[] | undefined, field: string): { text: string } | undefined {
  const e = errors?.find((x) => x.field === field);
  return e ? { text: e.message } : undefined;
}

/** The value a text field shows again. */
export function valueOf(values: FormValues | undefined, field: string): string {
  const v = values?.[field];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
