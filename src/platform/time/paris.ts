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

/** « 03/11/2026 » or « 2026-11-03 » → « 2026-11-03 », or null when it is not a real date. */
export function parseFrenchDay(text: string): string | null {
  const d = parseFrenchDate(text);
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null;
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

const dayCache = new Map<string, { midnight: Date; steady: boolean }>();

/** The UTC instant of a Paris wall-clock time (minutes since midnight) on a calendar day (YYYY-MM-DD). */
export function parisInstant(day: string, minute: number): Date {
  // Slot lists ask for thousands of times: each day's midnight and whether its offset holds all day are kept.
  let d = dayCache.get(day);
  if (!d) {
    const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
    const midnight = parisMidnight(y, m, dd);
    const steady = parisOffsetMinutes(midnight) === parisOffsetMinutes(new Date(midnight.getTime() + 24 * 3_600_000 - 60_000));
    if (dayCache.size > 2000) dayCache.clear();
    dayCache.set(day, (d = { midnight, steady }));
  }
  const naive = new Date(d.midnight.getTime() + minute * 60_000);
  if (d.steady) return naive;
  // On a day when the clocks change, the offset that counts is the one at the slot's own time.
  const drift = parisOffsetMinutes(naive) - parisOffsetMinutes(d.midnight);
  return new Date(naive.getTime() - drift * 60_000);
}

/** `n` calendar days from `from` (YYYY-MM-DD), with their weekday (0 = Monday). */
export function calendarDays(from: string, n: number): Array<{ day: string; weekday: number }> {
  const out: Array<{ day: string; weekday: number }> = [];
  const start = Date.parse(`${from}T12:00:00Z`);
  for (let i = 0; i < n; i++) {
    const d = new Date(start + i * 86_400_000);
    out.push({ day: d.toISOString().slice(0, 10), weekday: (d.getUTCDay() + 6) % 7 });
  }
  return out;
}

/** Adds days to a calendar day (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });
const longDayYear = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' });
/** « mardi 24 novembre » (with the year when asked). */
export function formatParisDay(at: Date, withYear = false): string {
  return (withYear ? longDayYear : longDay).format(at);
}
/** « 9 h 30 ». */
export function formatParisTime(at: Date): string {
  return clock.format(at).replace(':', ' h ');
}
