// Opening hours are stored in OpenStreetMap's opening_hours syntax (the national cartography of
// mediation places uses it too), and shown in plain French. We accept the common subset only:
// rules separated by « ; », each « days times » where days are Mo..Su (ranges « Mo-Fr », lists « Mo,We »,
// or « PH » for public holidays) and times are « HH:MM-HH:MM » lists, or « off ».

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

function clock(m: number): string {
  const h = Math.floor(m / 60);
  const min = m % 60;
  return min === 0 ? `${h} h` : `${h} h ${String(min).padStart(2, '0')}`;
}

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
