// « Du … au … » filters of the case-work lists (journal, moderation queue): days typed as JJ/MM/AAAA in Paris
// time, « au » inclusive, turned into a half-open range of instants.
import { parisMidnight, parseFrenchDate } from '../time/paris.ts';
import { valueOf, type FieldError, type FormValues } from './form.ts';

export function parseDayRange(values: FormValues): { from?: Date; to?: Date; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const range: { from?: Date; to?: Date } = {};
  for (const [field, label] of [
    ['du', 'de début'],
    ['au', 'de fin'],
  ] as const) {
    const text = valueOf(values, field).trim();
    if (!text) continue;
    const d = parseFrenchDate(text);
    if (!d) {
      errors.push({ field, message: `La date ${label} doit être une vraie date, par exemple 01/11/2026` });
      continue;
    }
    if (field === 'du') range.from = parisMidnight(d.year, d.month, d.day);
    else range.to = parisMidnight(d.year, d.month, d.day + 1);
  }
  if (range.from && range.to && range.from >= range.to) errors.push({ field: 'au', message: 'La date de fin doit être après la date de début' });
  return { ...range, errors };
}
