import { ErrorSummary } from '../../../platform/views/components/index.ts';

export type FieldErrors = Partial<Record<string, string>>;

/** The error summary at the top of a form page, each message linked to its field (in the fields' order). */
export function FormErrors({ errors, order }: { errors: FieldErrors; order: string[] }) {
  const list = order.filter((f) => errors[f]).map((f) => ({ text: errors[f]!, href: `#${f}` }));
  return list.length ? <ErrorSummary errorList={list} /> : null;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The message next to a field, in the shape the components take. */
export function msg(errors: FieldErrors, field: string): { text: string } | undefined {
  const text = errors[field];
  return text ? { text } : undefined;
}
