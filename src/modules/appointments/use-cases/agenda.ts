// The agents' side: who works in a centre, their openings and absences, the private calendar feed, and the
// managers' no-show statistics.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Principal } from '../../../platform/http/context.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { agentAbsences, agentCalendarFeeds, appointmentReasons, appointments, openingSlots } from '../db/appointments.table.ts';
import { icsCalendar } from '../domain/ics.ts';
import type { ActorRef, AppointmentsDeps } from './deps.ts';

/** The centres whose agendas a staff member may open; null for an admin (all of them). */
export function centresOf(p: Principal): string[] | null {
  if (p.kind !== 'staff') return [];
  if (p.roles.some((r) => r.role === 'admin')) return null;
  return [...new Set(p.roles.filter((r) => (r.role === 'agent' || r.role === 'centre_manager') && r.socialCentreId).map((r) => r.socialCentreId!))];
}

export function mayOpenCentre(p: Principal, centreId: string): boolean {
  const centres = centresOf(p);
  return centres === null || centres.includes(centreId);
}

/** Managers (and admins) see every agent's availability and the statistics of their centre. */
export function managesCentre(p: Principal, centreId: string): boolean {
  if (p.kind !== 'staff') return false;
  return p.roles.some((r) => r.role === 'admin' || (r.role === 'centre_manager' && r.socialCentreId === centreId));
}

export type CentreAgent = {
  id: string;
  name: string;
};

/** Agents and managers attached to the centre, by name. */
export async function agentsOfCentre(q: Queryable, centreId: string): Promise<CentreAgent[]> {
  return queryRows<CentreAgent>(
    q,
    sql`select distinct u.id, u.display_name as name from users u join role_grants g on g.user_id = u.id
        where g.social_centre_id = ${centreId} and g.role in ('agent', 'centre_manager') and g.revoked_at is null and u.status = 'active' order by name`,
  );
}

export async function openingsOf(q: Queryable, agentId: string, centreId: string) {
  return q.select().from(openingSlots).where(and(eq(openingSlots.agentId, agentId), eq(openingSlots.socialCentreId, centreId))).orderBy(asc(openingSlots.weekday), asc(openingSlots.startMinute));
}

export async function absencesOf(q: Queryable, agentId: string, from: Date) {
  return q.select().from(agentAbsences).where(and(eq(agentAbsences.agentId, agentId), gte(agentAbsences.endAt, from))).orderBy(asc(agentAbsences.startAt));
}

/** A new private feed URL for the agent; the previous one stops working. */
export async function renewFeed(deps: AppointmentsDeps, agentId: string, actor: ActorRef): Promise<string> {
  const token = randomToken();
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insert(agentCalendarFeeds)
      .values({ agentId, tokenHash: sha256(token), createdAt: now })
      .onConflictDoUpdate({ target: agentCalendarFeeds.agentId, set: { tokenHash: sha256(token), createdAt: now } });
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'appointment.feed_renewed', subjectType: 'user', subjectId: agentId, requestId: actor.requestId ?? null });
  });
  return token;
}

export async function revokeFeed(deps: AppointmentsDeps, agentId: string): Promise<void> {
  await deps.db.delete(agentCalendarFeeds).where(eq(agentCalendarFeeds.agentId, agentId));
}

export async function hasFeed(q: Queryable, agentId: string): Promise<boolean> {
  return (await q.select({ a: agentCalendarFeeds.agentId }).from(agentCalendarFeeds).where(eq(agentCalendarFeeds.agentId, agentId))).length > 0;
}

/**
 * The agent's feed: live appointments from 30 days back to 120 days ahead. A calendar application keeps what it
 * reads, so the feed carries no name or contact: the reason, and the Relais page to open for the rest.
 */
export async function feedCalendar(deps: AppointmentsDeps, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [feed] = await deps.db.select().from(agentCalendarFeeds).where(eq(agentCalendarFeeds.tokenHash, sha256(token)));
  if (!feed) return null;
  const now = deps.clock.now();
  const rows = await deps.db
    .select({ id: appointments.id, start: appointments.startAt, end: appointments.endAt, status: appointments.status, sequence: appointments.sequence, reason: appointmentReasons.name, location: appointmentReasons.location })
    .from(appointments)
    .innerJoin(appointmentReasons, eq(appointmentReasons.id, appointments.reasonId))
    .where(and(eq(appointments.agentId, feed.agentId), gte(appointments.startAt, new Date(now.getTime() - 30 * 86_400_000)), lt(appointments.startAt, new Date(now.getTime() + 120 * 86_400_000))))
    .orderBy(asc(appointments.startAt));
  const host = new URL(deps.config.publicUrl).hostname;
  return icsCalendar(
    rows.map((r) => ({
      uid: `${r.id}@${host}`,
      start: r.start,
      end: r.end,
      summary: `RDV : ${r.reason}`,
      description: `${deps.config.publicUrl}/agenda/rendez-vous/${r.id}`,
      status: r.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
      sequence: r.sequence,
    })),
    now,
  );
}

export interface NoShowRow {
  month: string;
  reason: string;
  honoured: number;
  noShow: number;
  excused: number;
}

/** Per reason and month (Paris), the appointments whose outcome was recorded. */
export async function noShowStats(q: Queryable, centreId: string, since: Date): Promise<NoShowRow[]> {
  const rows = await queryRows<{ month: string; reason: string; honoured: string; no_show: string; excused: string }>(
    q,
    sql`select to_char(a.start_at at time zone 'Europe/Paris', 'YYYY-MM') as month, r.name as reason,
          count(*) filter (where a.status = 'honoured') as honoured,
          count(*) filter (where a.status = 'no_show') as no_show,
          count(*) filter (where a.status = 'excused') as excused
        from appointments a join appointment_reasons r on r.id = a.reason_id
        where a.social_centre_id = ${centreId} and a.start_at >= ${since.toISOString()} and a.status in ('honoured', 'no_show', 'excused')
        group by 1, 2 order by 1 desc, 2`,
  );
  return rows.map((r) => ({ month: r.month, reason: r.reason, honoured: Number(r.honoured), noShow: Number(r.no_show), excused: Number(r.excused) }));
}

export async function deleteOpening(q: Queryable, id: string, agentIds: string[]): Promise<void> {
  await q.delete(openingSlots).where(and(eq(openingSlots.id, id), inArray(openingSlots.agentId, agentIds)));
}
