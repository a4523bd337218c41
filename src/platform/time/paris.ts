// Dates typed by a person are days in France (Europe/Paris); instants in the database are UTC.

/** The UTC instant of midnight, Paris time, at the start of the given calendar day. */
export function parisMidnight(year: number, month: number, day: number): Date {
  // Start from midnight UTC and correct by Paris's offset at that moment (1 or 2 hours; no change happens at midnight).
  const utc = Date.UTC(year, month - 1, day);
  const offsetMinutes = parisOffsetMinutes(new Date(utc));
  return new Date(utc - offsetMinutes * 60_000);
}

export function parisOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** « 03/11/2026 » or « 2026-11-03 » → { year, month, day }, or null when it is not a real date. */
export function parseFrenchDate(text: string): { year: number; month: number; day: number } | null {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [year, month, day] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });
/** « 23/11/2026 20:15:02 », Paris time. */
export function formatParisDateTime(at: Date): string {
  return dateTimeFormat.format(at);
}

/** The calendar day in Paris, as YYYY-MM-DD (the `date_maj` of the open-data standards). */
export function parisToday(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
