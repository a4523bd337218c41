// Where a moment falls in the Paris week, and whether it is a French public holiday: what « ouvert
// maintenant » needs, on the server, whatever the machine's time zone.
import joursFeries from '@socialgouv/jours-feries';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface ParisMoment {
  year: number;
  month: number;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since midnight, Paris time. */
  minute: number;
}

export function parisMoment(at: Date): ParisMoment {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    weekday: WEEKDAYS.indexOf(String(p.weekday)),
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** Minutes since Monday 00:00 in Paris (0 … 10079): the unit of `places.open_week`. */
export function parisWeekMinute(at: Date): number {
  const m = parisMoment(at);
  return m.weekday * 24 * 60 + m.minute;
}

const holidayCache = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    // The library builds its dates at local midnight of the machine; read them back in local time.
    set = new Set(Object.values(joursFeries(year) as Record<string, Date>).map((d) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`));
    holidayCache.set(year, set);
  }
  return set;
}

/** True on the 11 national public holidays (Paris calendar day). */
export function isFrenchPublicHoliday(at: Date): boolean {
  const m = parisMoment(at);
  return holidaysOf(m.year).has(`${m.year}-${m.month}-${m.day}`);
}

/** True when the Paris calendar day (YYYY-MM-DD) is one of the 11 national public holidays. */
export function isPublicHolidayDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return holidaysOf(y).has(`${y}-${m}-${d}`);
}
