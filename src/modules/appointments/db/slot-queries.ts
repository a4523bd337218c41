// The free slots of a reason, read from the database: the centre's openings that accept the reason, the
// absences and the live appointments of their agents over the window, then the pure freeSlots().
import { and, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { addDays, calendarDays, parisInstant, parisToday } from '../../../platform/time/paris.ts';
import { isPublicHolidayDay } from '../../../platform/time/week.ts';
import { freeSlots, type Slot } from '../domain/slots.ts';
import { agentAbsences, appointmentReasons, appointments, groupSessions, openingSlots } from './appointments.table.ts';

export type ReasonRow = typeof appointmentReasons.$inferSelect;

export interface SlotSearch {
  reason: ReasonRow;
  now: Date;
  /** First calendar day to look at (YYYY-MM-DD); today by default. */
  fromDay?: string;
  /** How many calendar days; up to the reason's maximum delay by default. */
  days?: number;
  /** Only this agent's seats. */
  agentId?: string;
  /** Leave this appointment out of the taken seats (moving it). */
  ignoreAppointmentId?: string;
}

export async function findFreeSlots(q: Queryable, s: SlotSearch): Promise<Slot[]> {
  const today = parisToday(s.now);
  const fromDay = s.fromDay && s.fromDay > today ? s.fromDay : today;
  const lastDay = addDays(today, s.reason.maxDelayDays);
  const days = Math.min(s.days ?? 10_000, Math.round((Date.parse(`${lastDay}T12:00:00Z`) - Date.parse(`${fromDay}T12:00:00Z`)) / 86_400_000) + 1);
  if (days <= 0) return [];
  const windowStart = parisInstant(fromDay, 0);
  const windowEnd = parisInstant(addDays(fromDay, days), 0);
  const openings = await q
    .select()
    .from(openingSlots)
    .where(
      and(
        eq(openingSlots.socialCentreId, s.reason.socialCentreId),
        sql`${s.reason.id}::uuid = any(${openingSlots.reasonIds})`,
        sql`(${openingSlots.untilDate} is null or ${openingSlots.untilDate} >= ${fromDay})`,
        sql`${openingSlots.fromDate} < ${addDays(fromDay, days)}`,
        s.agentId ? eq(openingSlots.agentId, s.agentId) : undefined,
      ),
    );
  if (openings.length === 0) return [];
  const agentIds = [...new Set(openings.map((o) => o.agentId))];
  const [away, sessions, booked] = await Promise.all([
    q.select({ agentId: agentAbsences.agentId, start: agentAbsences.startAt, end: agentAbsences.endAt }).from(agentAbsences).where(and(inArray(agentAbsences.agentId, agentIds), gt(agentAbsences.endAt, windowStart), lt(agentAbsences.startAt, windowEnd))),
    // An agent running a collective session is not free for individual appointments then.
    q
      .select({ agentId: groupSessions.agentId, start: groupSessions.startAt, end: groupSessions.endAt })
      .from(groupSessions)
      .where(and(inArray(groupSessions.agentId, agentIds), isNull(groupSessions.cancelledAt), gt(groupSessions.endAt, windowStart), lt(groupSessions.startAt, windowEnd))),
    q
      .select({ agentId: appointments.agentId, start: appointments.startAt, end: appointments.endAt })
      .from(appointments)
      .where(
        and(
          inArray(appointments.agentId, agentIds),
          ne(appointments.status, 'cancelled'),
          // No appointment lasts a day: this bound lets the (agent, start) index skip the past.
          gt(appointments.startAt, new Date(windowStart.getTime() - 86_400_000)),
          gt(appointments.endAt, windowStart),
          lt(appointments.startAt, windowEnd),
          s.ignoreAppointmentId ? ne(appointments.id, s.ignoreAppointmentId) : undefined,
        ),
      ),
  ]);
  return freeSlots({
    openings: openings.map((o) => ({
      id: o.id,
      agentId: o.agentId,
      placeId: o.socialCentreId,
      weekday: o.weekday,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
      from: o.fromDate,
      until: o.untilDate,
      everyWeeks: o.everyWeeks,
      reasonIds: o.reasonIds,
      openOnHolidays: o.openOnHolidays,
    })),
    absences: [...away, ...sessions],
    booked,
    reason: s.reason,
    now: s.now,
    parisInstant,
    days: calendarDays(fromDay, days),
    isHoliday: isPublicHolidayDay,
  });
}

/** Free slots grouped by calendar day, one entry per start time (whichever agent is free then). */
export function slotsByDay(slots: readonly Slot[]): Array<{ day: string; starts: Date[] }> {
  const byDay = new Map<string, Map<number, Date>>();
  for (const s of slots) {
    let starts = byDay.get(s.day);
    if (!starts) byDay.set(s.day, (starts = new Map()));
    starts.set(s.start.getTime(), s.start);
  }
  return [...byDay.entries()].map(([day, starts]) => ({ day, starts: [...starts.values()].sort((a, b) => a.getTime() - b.getTime()) }));
}

export async function getReason(q: Queryable, id: string): Promise<ReasonRow | null> {
  const [row] = await q.select().from(appointmentReasons).where(eq(appointmentReasons.id, id));
  return row ?? null;
}

export async function reasonsOfCentre(q: Queryable, centreId: string, onlineOnly: boolean): Promise<ReasonRow[]> {
  return q
    .select()
    .from(appointmentReasons)
    .where(and(eq(appointmentReasons.socialCentreId, centreId), onlineOnly ? eq(appointmentReasons.bookableBy, 'residents') : undefined))
    .orderBy(appointmentReasons.name);
}
