// Free appointment slots, as a pure function: an agent's opening slots (weekly or every N weeks, between two
// dates, for some reasons), minus absences, public holidays (closed unless the opening says otherwise) and the
// seats already taken, cut to the reason's duration, within its minimum and maximum booking delay. Times are
// Paris wall-clock times; instants are UTC. `isHoliday` and `today` come from the caller (no clock here).

export interface Opening {
  id: string;
  agentId: string;
  placeId: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since midnight, Paris time: 540 = 9 h. */
  startMinute: number;
  endMinute: number;
  /** First day it applies (YYYY-MM-DD) and the last, inclusive (null: no end). */
  from: string;
  until: string | null;
  /** 1 = every week, 2 = every other week counted from `from`… */
  everyWeeks: number;
  reasonIds: readonly string[];
  openOnHolidays: boolean;
}

export interface Absence {
  agentId: string;
  start: Date;
  end: Date;
}

export interface Booked {
  agentId: string;
  start: Date;
  end: Date;
}

export interface ReasonRule {
  id: string;
  durationMinutes: number;
  /** No booking closer than this to the start (e.g. 120 = two hours ahead). */
  minDelayMinutes: number;
  /** No booking further than this many days ahead. */
  maxDelayDays: number;
}

export interface Slot {
  /** The Paris calendar day (YYYY-MM-DD). */
  day: string;
  agentId: string;
  placeId: string;
  openingId: string;
  start: Date;
  end: Date;
}

export interface SlotQuery {
  openings: readonly Opening[];
  absences: readonly Absence[];
  booked: readonly Booked[];
  reason: ReasonRule;
  now: Date;
  /** The instant of a Paris wall-clock time on a calendar day (platform/time/paris.ts provides it). */
  parisInstant(day: string, minute: number): Date;
  /** The Paris calendar days from `now`'s, in order: « 2026-11-24 », with their weekday (0 = Monday). */
  days: ReadonlyArray<{ day: string; weekday: number }>;
  isHoliday(day: string): boolean;
}

const DAY_MS = 86_400_000;

/** Whole weeks between two calendar days (YYYY-MM-DD), counted on UTC dates so DST changes do not matter. */
function weeksBetween(from: string, day: string): number {
  return Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * DAY_MS));
}

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;

interface Interval {
  start: Date;
  end: Date;
}

function byAgent<T extends { agentId: string } & Interval>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of items) {
    let list = map.get(x.agentId);
    if (!list) map.set(x.agentId, (list = []));
    list.push(x);
  }
  for (const list of map.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());
  return map;
}

/**
 * Whether a slot meets one of an agent's booked appointments. They never overlap one another (the database's
 * exclusion constraint), so sorted by start the one to look at is the last that starts before the slot ends.
 */
function meetsBooked(sorted: readonly Interval[] | undefined, slot: Interval): boolean {
  if (!sorted?.length) return false;
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < slot.end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && sorted[found]!.end > slot.start;
}

/** Every free slot for the reason, nearest first; an agent's seat is never offered twice at a time. */
export function freeSlots(q: SlotQuery): Slot[] {
  const earliest = q.now.getTime() + q.reason.minDelayMinutes * 60_000;
  const latest = q.now.getTime() + q.reason.maxDelayDays * DAY_MS;
  const absences = byAgent(q.absences);
  const booked = byAgent(q.booked);
  const openings = q.openings.filter((o) => o.reasonIds.includes(q.reason.id));
  const slots: Slot[] = [];
  for (const { day, weekday } of q.days) {
    const holiday = q.isHoliday(day);
    // Seats offered so far this day, per agent: two openings of one agent that overlap give one seat.
    const offered = new Map<string, Slot[]>();
    for (const o of openings) {
      if (o.weekday !== weekday || day < o.from || (o.until !== null && day > o.until)) continue;
      if (holiday && !o.openOnHolidays) continue;
      if (weeksBetween(o.from, day) % o.everyWeeks !== 0) continue;
      const away = absences.get(o.agentId);
      const taken = booked.get(o.agentId);
      let mine = offered.get(o.agentId);
      if (!mine) offered.set(o.agentId, (mine = []));
      for (let m = o.startMinute; m + q.reason.durationMinutes <= o.endMinute; m += q.reason.durationMinutes) {
        const start = q.parisInstant(day, m);
        if (start.getTime() < earliest || start.getTime() > latest) continue;
        const slot = { day, agentId: o.agentId, placeId: o.placeId, openingId: o.id, start, end: q.parisInstant(day, m + q.reason.durationMinutes) };
        if (away?.some((a) => overlaps(a, slot))) continue;
        if (meetsBooked(taken, slot)) continue;
        if (mine.some((s) => overlaps(s, slot))) continue;
        mine.push(slot);
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.agentId.localeCompare(b.agentId));
}
