// Collective sessions (workshops): an agent opens one with a number of seats; residents take a seat online (or an
// agent for them); the seats are counted in the transaction that holds the session's row locked, so a session is
// never overbooked. The session's time is no longer offered for individual appointments with that agent.
import { and, asc, count, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { isExclusionViolation } from '../../../platform/db/sql-state.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { formatParisDay, formatParisTime } from '../../../platform/time/paris.ts';
import { getSocialCentre } from '../../territory/index.ts';
import { appointments, groupSessions, groupSessionSeats } from '../db/appointments.table.ts';
import { icsCalendar } from '../domain/ics.ts';
import type { Person } from './booking.ts';
import type { ActorRef, AppointmentsDeps } from './deps.ts';

export type GroupSessionRow = typeof groupSessions.$inferSelect;
export type SeatRow = typeof groupSessionSeats.$inferSelect;


export async function createGroupSession(
  deps: AppointmentsDeps,
  input: { centreId: string; agentId: string; title: string; description: string | null; start: Date; end: Date; seats: number; online: boolean; actor: ActorRef },
): Promise<{ ok: true; session: GroupSessionRow } | { ok: false; field: string; message: string }> {
  const now = deps.clock.now();
  if (input.start.getTime() <= now.getTime()) return { ok: false, field: 'date', message: 'Cette date est passée : choisissez une date à venir' };
  const clash = await deps.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.agentId, input.agentId), ne(appointments.status, 'cancelled'), lt(appointments.startAt, input.end), gt(appointments.endAt, input.start)))
    .limit(1);
  if (clash.length) return { ok: false, field: 'start', message: 'Vous avez déjà des rendez-vous à ce moment : choisissez un autre horaire' };
  try {
    const session = await inTransaction(deps.db, async (tx) => {
      const [row] = await tx
        .insert(groupSessions)
        .values({ id: deps.ids.uuid(), socialCentreId: input.centreId, agentId: input.agentId, title: input.title, description: input.description, startAt: input.start, endAt: input.end, seats: input.seats, online: input.online, createdAt: now })
        .returning();
      await recordAudit(tx, { at: now, actorId: input.actor.userId, actorLabel: input.actor.label, action: 'appointment.session_created', subjectType: 'group_session', subjectId: row!.id, requestId: input.actor.requestId ?? null, details: { title: input.title, seats: input.seats } });
      return row!;
    });
    return { ok: true, session };
  } catch (e) {
    if (isExclusionViolation(e)) return { ok: false, field: 'start', message: 'Vous animez déjà un atelier à ce moment : choisissez un autre horaire' };
    throw e;
  }
}

export interface SessionWithSeats extends GroupSessionRow {
  taken: number;
}

/** The centre's sessions to come (online ones only for residents), with the seats taken. */
export async function upcomingSessions(q: Queryable, centreId: string, now: Date, onlineOnly: boolean): Promise<SessionWithSeats[]> {
  // One read with the seats taken counted alongside (the public centre page shows them all).
  const taken = sql<number>`(select count(*)::int from ${groupSessionSeats} where ${groupSessionSeats.sessionId} = ${groupSessions.id} and ${groupSessionSeats.status} <> 'cancelled')`;
  const rows = await q
    .select({ session: groupSessions, taken })
    .from(groupSessions)
    .where(and(eq(groupSessions.socialCentreId, centreId), gt(groupSessions.startAt, now), isNull(groupSessions.cancelledAt), onlineOnly ? eq(groupSessions.online, true) : undefined))
    .orderBy(asc(groupSessions.startAt))
    .limit(50);
  return rows.map((r) => ({ ...r.session, taken: Number(r.taken) }));
}

export async function seatsTaken(q: Queryable, sessionId: string): Promise<number> {
  const [row] = await q.select({ n: count() }).from(groupSessionSeats).where(and(eq(groupSessionSeats.sessionId, sessionId), ne(groupSessionSeats.status, 'cancelled')));
  return row?.n ?? 0;
}

export async function getGroupSession(q: Queryable, id: string): Promise<GroupSessionRow | null> {
  const [row] = await q.select().from(groupSessions).where(eq(groupSessions.id, id));
  return row ?? null;
}

export async function seatsOf(q: Queryable, sessionId: string): Promise<SeatRow[]> {
  return q.select().from(groupSessionSeats).where(eq(groupSessionSeats.sessionId, sessionId)).orderBy(asc(groupSessionSeats.createdAt));
}

export async function seatByToken(q: Queryable, token: string): Promise<{ seat: SeatRow; session: GroupSessionRow } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [seat] = await q.select().from(groupSessionSeats).where(eq(groupSessionSeats.cancelTokenHash, sha256(token)));
  const session = seat ? await getGroupSession(q, seat.sessionId) : null;
  return seat && session ? { seat, session } : null;
}

async function tellSeat(deps: AppointmentsDeps, q: Queryable, session: GroupSessionRow, seat: SeatRow, kind: 'booked' | 'cancelled', token: string | null) {
  if (!seat.personEmail) return;
  const centre = await getSocialCentre(q, session.socialCentreId);
  const when = `${formatParisDay(session.startAt, true)} à ${formatParisTime(session.startAt)}`;
  const link = token ? `${deps.config.publicUrl}/rendez-vous/ateliers/place/${token}` : null;
  const place = centre ? `${centre.name}, ${centre.address}` : '';
  const ics = icsCalendar(
    [{ uid: `${seat.id}@${new URL(deps.config.publicUrl).hostname}`, start: session.startAt, end: session.endAt, summary: `Atelier : ${session.title}`, location: place, description: link ? `Annuler : ${link}` : null, status: kind === 'cancelled' ? 'CANCELLED' : 'CONFIRMED', sequence: kind === 'cancelled' ? 1 : 0 }],
    deps.clock.now(),
    kind === 'cancelled' ? 'CANCEL' : 'PUBLISH',
  );
  await enqueueMail(
    q,
    {
      to: seat.personEmail,
      subject: kind === 'booked' ? `Inscription confirmée : ${session.title}, le ${when}` : `Inscription annulée : ${session.title}`,
      text: [
        `Bonjour ${seat.personName},`,
        '',
        kind === 'booked' ? `Votre place à l’atelier « ${session.title} » est réservée.` : `Votre inscription à l’atelier « ${session.title} » est annulée.`,
        `Date : ${when}`,
        `Lieu : ${place}`,
        ...(session.description && kind === 'booked' ? ['', session.description] : []),
        '',
        link ? `Pour annuler votre inscription : ${link}` : `Pour voir les autres ateliers : ${deps.config.publicUrl}/rendez-vous`,
      ].join('\n'),
      attachments: [{ filename: 'atelier.ics', contentType: `text/calendar; charset=utf-8; method=${kind === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`, content: ics }],
    },
    deps.clock.now(),
  );
}

export async function bookSeat(
  deps: AppointmentsDeps,
  input: { sessionId: string; person: Person; byAgent: boolean; actor: ActorRef },
): Promise<{ ok: true; seat: SeatRow; token: string } | { ok: false; message: string }> {
  const now = deps.clock.now();
  const token = randomToken();
  return inTransaction(deps.db, async (tx) => {
    // The session's row is locked: two people cannot both take the last seat.
    const [session] = await tx.select().from(groupSessions).where(eq(groupSessions.id, input.sessionId)).for('update');
    if (!session || session.cancelledAt) return { ok: false as const, message: 'Cet atelier est annulé' };
    if (!input.byAgent && !session.online) return { ok: false as const, message: 'Cet atelier ne se réserve pas en ligne : appelez le centre' };
    if (session.startAt.getTime() <= now.getTime()) return { ok: false as const, message: 'Cet atelier a déjà commencé' };
    if ((await seatsTaken(tx, session.id)) >= session.seats) return { ok: false as const, message: 'Cet atelier est complet' };
    const [seat] = await tx
      .insert(groupSessionSeats)
      .values({ id: deps.ids.uuid(), sessionId: session.id, personName: input.person.name, personEmail: input.person.email, personPhone: input.person.phone, cancelTokenHash: sha256(token), bookedByUserId: input.byAgent ? input.actor.userId : null, createdAt: now })
      .returning();
    await recordAudit(tx, { at: now, actorId: input.actor.userId, actorLabel: input.actor.label, action: 'appointment.seat_booked', subjectType: 'group_session', subjectId: session.id, requestId: input.actor.requestId ?? null, details: { seat: seat!.id } });
    await tellSeat(deps, tx, session, seat!, 'booked', token);
    return { ok: true as const, seat: seat!, token };
  });
}

export async function cancelSeat(deps: AppointmentsDeps, input: { seat: SeatRow; session: GroupSessionRow; actor: ActorRef }): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = deps.clock.now();
  if (input.seat.status !== 'booked') return { ok: false, message: 'Cette inscription n’est plus active' };
  if (input.session.startAt.getTime() <= now.getTime()) return { ok: false, message: 'L’atelier a commencé : il est trop tard pour annuler en ligne' };
  await inTransaction(deps.db, async (tx) => {
    const [row] = await tx.update(groupSessionSeats).set({ status: 'cancelled' }).where(and(eq(groupSessionSeats.id, input.seat.id), eq(groupSessionSeats.status, 'booked'))).returning();
    if (!row) return;
    await recordAudit(tx, { at: now, actorId: input.actor.userId, actorLabel: input.actor.label, action: 'appointment.seat_cancelled', subjectType: 'group_session', subjectId: input.session.id, requestId: input.actor.requestId ?? null, details: { seat: row.id } });
    await tellSeat(deps, tx, input.session, row, 'cancelled', null);
  });
  return { ok: true };
}
