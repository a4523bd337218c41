// Shared plumbing of the GOV.UK Frontend components: the `text`/`html` convention and `attributes`,
// with the same meaning as in the library's Nunjucks macros.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

/**
 * Content given as HTML. As in the Nunjucks macros, a string here is trusted markup and is not escaped:
 * never put what a user typed in an `html` option as a string (pass JSX, which escapes, or use `text`).
 */
export type Html = Child;

export interface TextOrHtml {
  text?: string | number | undefined;
  html?: Html;
}

/** Attributes added to an element: `{ value, optional: true }` omits the attribute when the value is empty. */
export type Attributes = Record<
  string,
  string | number | boolean | null | undefined | { value: string | number | boolean | null | undefined; optional?: boolean }
>;

/** True when Nunjucks would find this value truthy (`{% if x %}`). */
export function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && v !== '' && v !== 0 && !Number.isNaN(v);
}

/** Has the option something to show (`params.x.html or params.x.text`)? */
export function hasContent(o: TextOrHtml | undefined | null): boolean {
  return !!o && (truthy(o.html) || truthy(o.text));
}

/** `html` (raw when a string) when given, else `text` (escaped). */
export function content(o: TextOrHtml | undefined | null, fallback?: Child): Child {
  if (o && truthy(o.html)) return typeof o.html === 'string' ? raw(o.html) : o.html;
  if (o && truthy(o.text)) return String(o.text);
  return fallback ?? null;
}

/** `govukAttributes()`: a props object to spread on an element. */
export function attrs(attributes: Attributes | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!attributes) return out;
  for (const [name, item] of Object.entries(attributes)) {
    const isOptions = item !== null && typeof item === 'object';
    const value = isOptions ? item.value : item;
    const optional = isOptions && item.optional === true;
    if (optional && value === true) out[name] = '';
    else if (optional && (value === undefined || value === null || value === false)) continue;
    else out[name] = value === undefined || value === null ? '' : String(value);
  }
  return out;
}

/** Joins class names, skipping empty ones. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter((c) => c).join(' ');
}

/** Joins ids for aria-describedby, skipping empty ones; undefined when none. */
export function ids(...list: (string | false | null | undefined)[]): string | undefined {
  const s = list.filter((c) => c).join(' ');
  return s || undefined;
}

/** `govukI18nAttributes()`: `data-i18n.<key>` (one message) or `data-i18n.<key>.<plural rule>` (by plural form). */
export function i18nAttrs(key: string, message: string | Partial<Record<string, string>> | undefined | null): Record<string, string> {
  if (!message) return {};
  if (typeof message === 'string') return { [`data-i18n.${key}`]: message };
  const out: Record<string, string> = {};
  for (const [rule, text] of Object.entries(message)) if (text !== undefined) out[`data-i18n.${key}.${rule}`] = text;
  return out;
}
