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

/** Every free slot for the reason, nearest first; an agent's seat is never offered twice at a time. */
export function freeSlots(q: SlotQuery): Slot[] {
  const earliest = q.now.getTime() + q.reason.minDelayMinutes * 60_000;
  const latest = q.now.getTime() + q.reason.maxDelayDays * DAY_MS;
  const slots: Slot[] = [];
  for (const { day, weekday } of q.days) {
    const holiday = q.isHoliday(day);
    for (const o of q.openings) {
      if (o.weekday !== weekday || day < o.from || (o.until !== null && day > o.until)) continue;
      if (!o.reasonIds.includes(q.reason.id)) continue;
      if (holiday && !o.openOnHolidays) continue;
      if (weeksBetween(o.from, day) % o.everyWeeks !== 0) continue;
      for (let m = o.startMinute; m + q.reason.durationMinutes <= o.endMinute; m += q.reason.durationMinutes) {
        const start = q.parisInstant(day, m);
        const end = q.parisInstant(day, m + q.reason.durationMinutes);
        if (start.getTime() < earliest || start.getTime() > latest) continue;
        const slot = { agentId: o.agentId, placeId: o.placeId, openingId: o.id, start, end };
        if (q.absences.some((a) => a.agentId === o.agentId && overlaps(a, slot))) continue;
        if (q.booked.some((b) => b.agentId === o.agentId && overlaps(b, slot))) continue;
        if (slots.some((s) => s.agentId === o.agentId && overlaps(s, slot))) continue;
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.agentId.localeCompare(b.agentId));
}
