// Opening hours are stored in OpenStreetMap's opening_hours syntax (the national cartography of
// mediation places uses it too), and shown in plain French. We accept the common subset only:
// rules separated by « ; », each « days times » where days are Mo..Su (ranges « Mo-Fr », lists « Mo,We »,
// or « PH » for public holidays) and times are « HH:MM-HH:MM » lists, or « off ».
import { isFrenchPublicHoliday, parisMoment, type ParisMoment } from './week.ts';

const dayCodes = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
type DayCode = (typeof dayCodes)[number];
const dayNames: Record<DayCode | 'PH', string> = {
  Mo: 'lundi',
  Tu: 'mardi',
  We: 'mercredi',
  Th: 'jeudi',
  Fr: 'vendredi',
  Sa: 'samedi',
  Su: 'dimanche',
  PH: 'jours fériés',
};

export interface OpeningRule {
  /** Day selectors as written, e.g. [['Mo','Fr'], ['Sa']] for « Mo-Fr,Sa ». */
  days: Array<[DayCode | 'PH'] | [DayCode, DayCode]>;
  /** Time ranges in minutes since midnight; empty when closed (« off »). */
  times: Array<[number, number]>;
}

export type ParsedOpeningHours = { ok: true; rules: OpeningRule[] } | { ok: false };

const timeRe = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutes(t: string): number | null {
  const m = timeRe.exec(t);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 ? v : null;
}

export function parseOpeningHours(text: string): ParsedOpeningHours {
  const rules: OpeningRule[] = [];
  if (text.trim() === '24/7') return { ok: true, rules: [{ days: [['Mo', 'Su']], times: [[0, 24 * 60]] }] };
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false };
  for (const part of parts) {
    const m = /^(\S+)\s+(.+)$/.exec(part);
    if (!m) return { ok: false };
    const days: OpeningRule['days'] = [];
    for (const sel of m[1]!.split(',')) {
      const range = sel.split('-');
      if (range.length === 1 && (range[0] === 'PH' || dayCodes.includes(range[0] as DayCode))) {
        days.push([range[0] as DayCode | 'PH']);
      } else if (range.length === 2 && dayCodes.includes(range[0] as DayCode) && dayCodes.includes(range[1] as DayCode)) {
        days.push([range[0] as DayCode, range[1] as DayCode]);
      } else return { ok: false };
    }
    const timeText = m[2]!.trim();
    const times: OpeningRule['times'] = [];
    if (timeText !== 'off' && timeText !== 'closed') {
      for (const span of timeText.split(',')) {
        const [a, b, ...rest] = span.trim().split('-');
        const from = a ? minutes(a) : null;
        const to = b ? minutes(b) : null;
        if (rest.length || from === null || to === null || to <= from) return { ok: false };
        times.push([from, to]);
      }
    }
    rules.push({ days, times });
  }
  return { ok: true, rules };
}

/** « 9 h », « 12 h 30 »: a time of day as French is read aloud. */
export function frenchClock(m: number): string {
  const h = Math.floor(m / 60);
  const min = m % 60;
  return min === 0 ? `${h} h` : `${h} h ${String(min).padStart(2, '0')}`;
}
const clock = frenchClock;

function daysText(days: OpeningRule['days']): string {
  const items = days.map((d) => (d.length === 1 ? dayNames[d[0]] : `du ${dayNames[d[0]]} au ${dayNames[d[1]]}`));
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** One French line per rule, e.g. « Du lundi au vendredi : 8 h 30 à 12 h 30 et 13 h 30 à 17 h ». Null when unparsable. */
export function describeOpeningHours(text: string): string[] | null {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) return null;
  return parsed.rules.map((r) => {
    const d = daysText(r.days);
    const head = d.charAt(0).toUpperCase() + d.slice(1);
    if (r.times.length === 0) return `${head} : fermé`;
    const spans = r.times.map(([a, b]) => `${clock(a)} à ${clock(b)}`);
    const t = spans.length === 1 ? spans[0] : `${spans.slice(0, -1).join(', ')} et ${spans[spans.length - 1]}`;
    return `${head} : ${t}`;
  });
}

const MINUTES_PER_DAY = 24 * 60;

function expandDays(sel: OpeningRule['days'][number]): number[] {
  if (sel[0] === 'PH') return [];
  const from = dayCodes.indexOf(sel[0]);
  if (sel.length === 1) return [from];
  const to = dayCodes.indexOf(sel[1]);
  const out: number[] = [];
  // « Sa-Mo » wraps round the week.
  for (let d = from; ; d = (d + 1) % 7) {
    out.push(d);
    if (d === to) break;
  }
  return out;
}

/**
 * The week as half-open ranges of minutes from Monday 00:00 (0) to Sunday 24:00 (10080), merged and sorted.
 * A later rule replaces the times of the days it names, as in OSM. Public-holiday rules are left out: see
 * `closedOnPublicHolidays`.
 */
export function weeklyOpenMinutes(parsed: ParsedOpeningHours): Array<[number, number]> {
  if (!parsed.ok) return [];
  const perDay: Array<Array<[number, number]>> = Array.from({ length: 7 }, () => []);
  for (const rule of parsed.rules) {
    for (const sel of rule.days) for (const d of expandDays(sel)) perDay[d] = [...rule.times];
  }
  const spans = perDay
    .flatMap((times, d) => times.map(([a, b]) => [d * MINUTES_PER_DAY + a, d * MINUTES_PER_DAY + b] as [number, number]))
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** True when a rule closes public holidays (« PH off »). */
export function closedOnPublicHolidays(parsed: ParsedOpeningHours): boolean {
  return parsed.ok && parsed.rules.some((r) => r.times.length === 0 && r.days.some((d) => d[0] === 'PH'));
}

// ---- Evaluation at a moment, in Paris time ----------------------------------------------------------------
// The rules are read day by day on the Paris calendar (wall-clock minutes), so summer time changes need no
// special case: « 9 h » is 9 h whatever the offset. Instants are only computed at the end, for `nextChange`.

/**
 * The opening times of one day (minutes since midnight, sorted). As in OSM, a later rule replaces the times of
 * the days it names; on a public holiday, a « PH » rule (« PH off », « PH 10:00-12:00 ») wins over the weekday's
 * rules, as `closedOnPublicHolidays` and the search assume; without one, a holiday is an ordinary day.
 */
export function daySpans(parsed: ParsedOpeningHours, weekday: number, publicHoliday: boolean): Array<[number, number]> {
  if (!parsed.ok) return [];
  let times: Array<[number, number]> = [];
  let holidayTimes: Array<[number, number]> | null = null;
  for (const rule of parsed.rules) {
    for (const sel of rule.days) {
      if (sel[0] === 'PH') holidayTimes = rule.times;
      else if (expandDays(sel).includes(weekday)) times = rule.times;
    }
  }
  const chosen = publicHoliday && holidayTimes ? holidayTimes : times;
  return [...chosen].sort((a, b) => a[0] - b[0]);
}

/** True when the place opens at some time on that weekday (0 = Monday), public holidays aside. */
export function opensOnWeekday(parsed: ParsedOpeningHours, weekday: number): boolean {
  return daySpans(parsed, weekday, false).length > 0;
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  holiday: boolean;
}

function calendarDay(today: ParisMoment, offset: number): CalendarDay {
  // Noon UTC is the same calendar day in Paris (UTC+1 or +2).
  const noon = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
  return {
    year: noon.getUTCFullYear(),
    month: noon.getUTCMonth() + 1,
    day: noon.getUTCDate(),
    weekday: (noon.getUTCDay() + 6) % 7,
    holiday: isFrenchPublicHoliday(noon),
  };
}

/** The instant a Paris wall-clock time happens. In the spring gap (2 h–3 h) the clocks jump: the hour after is given. */
function parisInstant(day: CalendarDay, minute: number): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day) + minute * 60_000;
  // Paris is UTC+2 in summer, UTC+1 in winter; in the autumn overlap the first (summer) occurrence comes first.
  for (const offset of [120, 60]) {
    const at = new Date(wall - offset * 60_000);
    const m = parisMoment(at);
    if (m.day === day.day && m.month === day.month && m.minute === minute) return at;
  }
  return new Date(wall - 60 * 60_000);
}

/** The next time a place opens or closes. */
export interface OpeningChange {
  kind: 'opens' | 'closes';
  at: Date;
  /** Days from today (Paris calendar); a closing at midnight counts as the end of the day before. */
  dayOffset: number;
  /** 0 = Monday … 6 = Sunday, of that day. */
  weekday: number;
  /** Minutes since that day's midnight; 1440 for a closing at midnight. */
  minute: number;
}

const DAY = 24 * 60;
const HORIZON_DAYS = 7;

interface Evaluation {
  open: boolean;
  change: OpeningChange | null;
  today: CalendarDay;
}

function evaluate(parsed: ParsedOpeningHours, at: Date): Evaluation {
  const now = parisMoment(at);
  const days = Array.from({ length: HORIZON_DAYS + 2 }, (_, k) => calendarDay(now, k));
  // The open spans from today 00:00 to the horizon, in wall-clock minutes, merged where one day's 24:00 meets
  // the next day's 0:00 (a place open « 20:00-24:00 » then « 00:00-02:00 » does not close at midnight).
  const spans: Array<[number, number]> = [];
  days.forEach((d, k) => {
    for (const [a, b] of daySpans(parsed, d.weekday, d.holiday)) {
      const s: [number, number] = [k * DAY + a, k * DAY + b];
      const last = spans[spans.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else spans.push(s);
    }
  });
  const t = now.minute;
  const current = spans.find(([a, b]) => a <= t && t < b);
  const open = current !== undefined;
  const wall = open ? current[1] : spans.find(([a]) => a > t)?.[0];
  if (wall === undefined || wall > t + HORIZON_DAYS * DAY) return { open, change: null, today: days[0]! };
  const kind = open ? 'closes' : 'opens';
  let dayOffset = Math.floor(wall / DAY);
  let minute = wall - dayOffset * DAY;
  const instant = parisInstant(days[dayOffset]!, minute);
  if (kind === 'closes' && minute === 0) {
    dayOffset -= 1;
    minute = DAY;
  }
  return { open, change: { kind, at: instant, dayOffset, weekday: days[dayOffset]!.weekday, minute }, today: days[0]! };
}

/** True when the place is open at that moment (Paris time, French public holidays). False when the hours are unknown. */
export function isOpenAt(parsed: ParsedOpeningHours, at: Date): boolean {
  return parsed.ok && evaluate(parsed, at).open;
}

/** When the place next opens (if closed) or closes (if open), within 7 days; null beyond, or when the hours are unknown. */
export function nextChange(parsed: ParsedOpeningHours, at: Date): OpeningChange | null {
  return parsed.ok ? evaluate(parsed, at).change : null;
}

const weekdayNames = dayCodes.map((d) => dayNames[d]);

function whenText(change: OpeningChange): string {
  const hour = change.minute === DAY ? 'minuit' : frenchClock(change.minute);
  const day =
    change.dayOffset === 0
      ? ''
      : change.dayOffset === 1
        ? 'demain '
        : change.dayOffset >= HORIZON_DAYS
          ? `${weekdayNames[change.weekday]} prochain `
          : `${weekdayNames[change.weekday]} `;
  return `${day}à ${hour}`;
}

export interface OpeningStatus {
  state: 'open' | 'closed' | 'unknown';
  /** « Ouvert maintenant · ferme à 12 h 30 », « Fermé · ouvre lundi à 9 h », « Horaires non renseignés ». */
  text: string;
}

/** The status line of a place at a moment, in French. */
export function openingStatus(openingHours: string | null | undefined, at: Date): OpeningStatus {
  const parsed = openingHours ? parseOpeningHours(openingHours) : ({ ok: false } as const);
  if (!parsed.ok) return { state: 'unknown', text: 'Horaires non renseignés' };
  const { open, change, today } = evaluate(parsed, at);
  if (open) return { state: 'open', text: change ? `Ouvert maintenant · ferme ${whenText(change)}` : 'Ouvert maintenant' };
  // Closed all day because it is a public holiday: say why, or a person expecting Monday's hours is puzzled.
  const holidayClosed =
    today.holiday && daySpans(parsed, today.weekday, true).length === 0 && daySpans(parsed, today.weekday, false).length > 0;
  const head = holidayClosed ? 'Fermé aujourd’hui (jour férié)' : 'Fermé';
  if (change) return { state: 'closed', text: `${head} · ouvre ${whenText(change)}` };
  return { state: 'closed', text: holidayClosed ? head : 'Fermé · pas d’ouverture prévue dans les 7 prochains jours' };
}

function spansText(times: Array<[number, number]>): string {
  if (times.length === 0) return 'fermé';
  const spans = times.map(([a, b]) => `${frenchClock(a)} à ${b === DAY ? 'minuit' : frenchClock(b)}`);
  return spans.length === 1 ? spans[0]! : `${spans.slice(0, -1).join(', ')} et ${spans[spans.length - 1]}`;
}

/** The week day by day in French (« Lundi », « 9 h à 12 h 30 et 14 h à 17 h »), and the public-holiday rule if any. */
export function describeWeek(parsed: ParsedOpeningHours): { days: Array<{ weekday: number; name: string; text: string }>; publicHolidays: string | null } | null {
  if (!parsed.ok) return null;
  const days = weekdayNames.map((name, weekday) => ({
    weekday,
    name: name.charAt(0).toUpperCase() + name.slice(1),
    text: spansText(daySpans(parsed, weekday, false)),
  }));
  const ph = parsed.rules.filter((r) => r.days.some((d) => d[0] === 'PH')).at(-1);
  const publicHolidays = ph ? (ph.times.length === 0 ? 'Fermé les jours fériés' : `Jours fériés : ${spansText(ph.times)}`) : null;
  return { days: days.map((d) => ({ ...d, text: d.text.charAt(0).toUpperCase() + d.text.slice(1) })), publicHolidays };
}
