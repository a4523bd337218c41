// Booking, moving, cancelling an appointment and recording what happened. The slot asked for is checked against
// the reason's rules and the free slots; then the row is written, and the database's exclusion constraint is
// what makes two people unable to take the same agent's time (a check in code alone would race). Whoever
// loses gets « ce créneau vient d'être pris » with the next free slots.
import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { isExclusionViolation } from '../../../platform/db/sql-state.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { appointments, openingSlots } from '../db/appointments.table.ts';
import { findFreeSlots, type ReasonRow } from '../db/slot-queries.ts';
import { delayText } from '../domain/labels.ts';
import type { Slot } from '../domain/slots.ts';
import type { ActorRef, AppointmentsDeps } from './deps.ts';
import { tellPerson, type AppointmentRow } from './messages.ts';
import { offerFreedSlot } from './waitlist.ts';

export const REMIND_JOB_KIND = 'appointments.remind';
export const REMINDER_HOURS = 48;
export const TAKEN_MESSAGE = 'Ce créneau vient d’être pris : choisissez-en un autre';

export interface Person {
  name: string;
  email: string | null;
  phone: string | null;
}

export type Refusal = { ok: false; code: 'past' | 'too_soon' | 'too_far' | 'not_offered' | 'taken'; message: string; next: Slot[] };
export type BookOutcome = { ok: true; appointment: AppointmentRow; manageToken: string | null } | Refusal;


/** The nearest free start times of a reason (one per time, whichever agent), for a refusal or a suggestion. */
export async function nextFreeSlots(q: Queryable, reason: ReasonRow, now: Date, count = 3, ignoreAppointmentId?: string): Promise<Slot[]> {
  const slots = await findFreeSlots(q, { reason, now, ...(ignoreAppointmentId ? { ignoreAppointmentId } : {}) });
  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const s of slots) {
    if (seen.has(s.start.getTime())) continue;
    seen.add(s.start.getTime());
    out.push(s);
    if (out.length === count) break;
  }
  return out;
}

/**
 * The agents free at `start` for the reason (any of them, or the one asked for), or why there is none.
 * Agents may book down to the present moment; residents keep the reason's minimum delay.
 */
async function candidatesAt(
  q: Queryable,
  input: { reason: ReasonRow; start: Date; agentId?: string; byAgent: boolean; now: Date; ignoreAppointmentId?: string },
): Promise<{ ok: true; slots: Slot[] } | { ok: false; code: Refusal['code']; message: string }> {
  const { reason, start, now } = input;
  if (start.getTime() <= now.getTime()) return { ok: false, code: 'past', message: 'Ce créneau est déjà passé : choisissez-en un autre' };
  if (!input.byAgent && start.getTime() < now.getTime() + reason.minDelayMinutes * 60_000) {
    return { ok: false, code: 'too_soon', message: `Ce créneau est trop proche : on réserve en ligne au moins ${delayText(reason.minDelayMinutes)} à l’avance` };
  }
  if (start.getTime() > now.getTime() + reason.maxDelayDays * 86_400_000) {
    return { ok: false, code: 'too_far', message: `Ce créneau est trop loin : on réserve au plus ${reason.maxDelayDays} jours à l’avance` };
  }
  const rules = input.byAgent ? { ...reason, minDelayMinutes: 0 } : reason;
  const free = await findFreeSlots(q, {
    reason: rules,
    now,
    fromDay: parisToday(start),
    days: 1,
    ...(input.agentId ? { agentId: input.agentId } : {}),
    ...(input.ignoreAppointmentId ? { ignoreAppointmentId: input.ignoreAppointmentId } : {}),
  });
  const slots = free.filter((s) => s.start.getTime() === start.getTime());
  if (slots.length) return { ok: true, slots };
  // Not free: taken by someone, or not an opening time of the reason at all.
  const agents = await q
    .selectDistinct({ agentId: openingSlots.agentId })
    .from(openingSlots)
    .where(and(eq(openingSlots.socialCentreId, reason.socialCentreId), sql`${reason.id}::uuid = any(${openingSlots.reasonIds})`));
  const end = new Date(start.getTime() + reason.durationMinutes * 60_000);
  const taken = agents.length
    ? await q
        .select({ id: appointments.id })
        .from(appointments)
        .where(and(inArray(appointments.agentId, agents.map((a) => a.agentId)), ne(appointments.status, 'cancelled'), lt(appointments.startAt, end), gt(appointments.endAt, start)))
        .limit(1)
    : [];
  return taken.length ? { ok: false, code: 'taken', message: TAKEN_MESSAGE } : { ok: false, code: 'not_offered', message: 'Ce créneau ne fait pas partie des horaires proposés pour ce motif : choisissez-en un dans la liste' };
}

async function queueReminder(tx: Tx, appt: AppointmentRow, now: Date): Promise<void> {
  const at = new Date(appt.startAt.getTime() - REMINDER_HOURS * 3_600_000);
  // Booked less than 48 hours ahead: the confirmation is the reminder.
  if (at.getTime() <= now.getTime()) return;
  await enqueueJob(tx, { kind: REMIND_JOB_KIND, payload: { appointmentId: appt.id, sequence: appt.sequence }, runAt: at }, now);
}

export async function bookAppointment(
  deps: AppointmentsDeps,
  input: { reason: ReasonRow; start: Date; agentId?: string; person: Person; residentUserId: string | null; actor: ActorRef; byAgent: boolean; agentNote?: string | null },
): Promise<BookOutcome> {
  const now = deps.clock.now();
  const { reason } = input;
  const refuse = async (code: Refusal['code'], message: string): Promise<Refusal> => ({ ok: false, code, message, next: await nextFreeSlots(deps.db, reason, now) });
  if (!input.byAgent && reason.bookableBy !== 'residents') return refuse('not_offered', 'Ce motif se réserve auprès du centre, par téléphone ou à l’accueil');
  const found = await candidatesAt(deps.db, { reason, start: input.start, byAgent: input.byAgent, now, ...(input.agentId ? { agentId: input.agentId } : {}) });
  if (!found.ok) return refuse(found.code, found.message);
  // Any agent free at that time will do: try each until one insert passes the constraint.
  for (const slot of found.slots) {
    const id = deps.ids.uuid();
    // A confidential reason is never shown to the person: no link to manage it.
    const manageToken = reason.visibility === 'hidden' ? null : randomToken();
    try {
      const appointment = await inTransaction(deps.db, async (tx) => {
        const [row] = await tx
          .insert(appointments)
          .values({
            id,
            reasonId: reason.id,
            agentId: slot.agentId,
            socialCentreId: reason.socialCentreId,
            startAt: slot.start,
            endAt: slot.end,
            status: 'booked',
            personName: input.person.name,
            personEmail: input.person.email,
            personPhone: input.person.phone,
            residentUserId: input.residentUserId,
            bookedByUserId: input.byAgent ? input.actor.userId : null,
            cancelTokenHash: manageToken ? sha256(manageToken) : null,
            agentNote: input.agentNote ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await recordAudit(tx, {
          at: now,
          actorId: input.actor.userId,
          actorLabel: input.actor.label,
          action: 'appointment.booked',
          subjectType: 'appointment',
          subjectId: id,
          requestId: input.actor.requestId ?? null,
          details: { reason: reason.name, start: slot.start.toISOString(), byAgent: input.byAgent },
        });
        await queueReminder(tx, row!, now);
        if (manageToken) await tellPerson(deps, tx, row!, reason, 'booked', manageToken);
        return row!;
      });
      return { ok: true, appointment, manageToken };
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
    }
  }
  return refuse('taken', TAKEN_MESSAGE);
}

export async function getAppointment(q: Queryable, id: string): Promise<AppointmentRow | null> {
  const [row] = await q.select().from(appointments).where(eq(appointments.id, id));
  return row ?? null;
}

export async function appointmentByToken(q: Queryable, token: string): Promise<AppointmentRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await q.select().from(appointments).where(eq(appointments.cancelTokenHash, sha256(token)));
  return row ?? null;
}

/** Whether the person may still cancel or move it themselves (up to the reason's minimum delay before). */
export function personMayChange(appt: AppointmentRow, reason: ReasonRow, now: Date): boolean {
  return appt.status === 'booked' && appt.startAt.getTime() - reason.minDelayMinutes * 60_000 > now.getTime();
}

export async function moveAppointment(
  deps: AppointmentsDeps,
  input: { appointment: AppointmentRow; reason: ReasonRow; start: Date; by: 'person' | 'agent'; actor: ActorRef; keepToken?: string },
): Promise<{ ok: true; appointment: AppointmentRow } | Refusal> {
  const now = deps.clock.now();
  const { reason, appointment: old } = input;
  const refuse = async (code: Refusal['code'], message: string): Promise<Refusal> => ({ ok: false, code, message, next: await nextFreeSlots(deps.db, reason, now, 3, old.id) });
  if (old.status !== 'booked') return refuse('not_offered', 'Ce rendez-vous n’est plus prévu : il ne peut pas être déplacé');
  if (input.by === 'person' && !personMayChange(old, reason, now)) return refuse('too_soon', `Il est trop tard pour le déplacer en ligne : appelez le centre`);
  const found = await candidatesAt(deps.db, { reason, start: input.start, byAgent: input.by === 'agent', now, ignoreAppointmentId: old.id });
  if (!found.ok) return refuse(found.code, found.message);
  for (const slot of found.slots) {
    try {
      const moved = await inTransaction(deps.db, async (tx) => {
        const [row] = await tx
          .update(appointments)
          .set({ agentId: slot.agentId, startAt: slot.start, endAt: slot.end, sequence: sql`${appointments.sequence} + 1`, remindedAt: null, updatedAt: now })
          .where(and(eq(appointments.id, old.id), eq(appointments.status, 'booked')))
          .returning();
        if (!row) throw new Error('appointment changed meanwhile');
        await recordAudit(tx, {
          at: now,
          actorId: input.actor.userId,
          actorLabel: input.actor.label,
          action: 'appointment.moved',
          subjectType: 'appointment',
          subjectId: old.id,
          requestId: input.actor.requestId ?? null,
          details: { from: old.startAt.toISOString(), to: slot.start.toISOString(), by: input.by },
        });
        await queueReminder(tx, row, now);
        await tellPerson(deps, tx, row, reason, 'moved', input.keepToken);
        await offerFreedSlot(deps, tx, reason, { agentId: old.agentId, start: old.startAt });
        return row;
      });
      return { ok: true, appointment: moved };
    } catch (e) {
      if (!isExclusionViolation(e)) throw e;
    }
  }
  return refuse('taken', TAKEN_MESSAGE);
}

export async function cancelAppointment(deps: AppointmentsDeps, input: { appointment: AppointmentRow; reason: ReasonRow; by: 'person' | 'agent'; actor: ActorRef }): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = deps.clock.now();
  const { appointment: appt, reason } = input;
  if (appt.status !== 'booked') return { ok: false, message: 'Ce rendez-vous n’est plus prévu' };
  if (input.by === 'person' && !personMayChange(appt, reason, now)) return { ok: false, message: 'Il est trop tard pour annuler en ligne : appelez le centre' };
  await inTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledBy: input.by, sequence: sql`${appointments.sequence} + 1`, updatedAt: now })
      .where(and(eq(appointments.id, appt.id), eq(appointments.status, 'booked')))
      .returning();
    if (!row) return;
    await recordAudit(tx, {
      at: now,
      actorId: input.actor.userId,
      actorLabel: input.actor.label,
      action: 'appointment.cancelled',
      subjectType: 'appointment',
      subjectId: appt.id,
      requestId: input.actor.requestId ?? null,
      details: { start: appt.startAt.toISOString(), by: input.by },
    });
    await tellPerson(deps, tx, row, reason, 'cancelled');
    await offerFreedSlot(deps, tx, reason, { agentId: appt.agentId, start: appt.startAt });
  });
  return { ok: true };
}

export const OUTCOMES = ['honoured', 'no_show', 'excused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** After the appointment: honoured, no-show or excused. Only once it has started (excused may come before). */
export async function recordOutcome(deps: AppointmentsDeps, input: { appointment: AppointmentRow; outcome: Outcome; actor: ActorRef }): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = deps.clock.now();
  const appt = input.appointment;
  if (appt.status === 'cancelled') return { ok: false, message: 'Ce rendez-vous est annulé' };
  if (input.outcome !== 'excused' && appt.startAt.getTime() > now.getTime()) return { ok: false, message: 'Le rendez-vous n’a pas encore eu lieu : notez sa suite après son début' };
  await inTransaction(deps.db, async (tx) => {
    await tx.update(appointments).set({ status: input.outcome, updatedAt: now }).where(eq(appointments.id, appt.id));
    await recordAudit(tx, {
      at: now,
      actorId: input.actor.userId,
      actorLabel: input.actor.label,
      action: 'appointment.status_recorded',
      subjectType: 'appointment',
      subjectId: appt.id,
      requestId: input.actor.requestId ?? null,
      details: { from: appt.status, to: input.outcome },
    });
  });
  return { ok: true };
}

/** The 48-hour reminder, run by its durable job: sent once, only if the appointment is still that one. */
export async function sendReminder(deps: AppointmentsDeps, payload: { appointmentId: string; sequence: number }, reasonOf: (q: Queryable, id: string) => Promise<ReasonRow | null>): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const [row] = await tx.select().from(appointments).where(eq(appointments.id, payload.appointmentId)).for('update');
    if (!row || row.status !== 'booked' || row.remindedAt || row.sequence !== payload.sequence) return false;
    if (row.startAt.getTime() <= deps.clock.now().getTime()) return false;
    const reason = await reasonOf(tx, row.reasonId);
    if (!reason) return false;
    await tx.update(appointments).set({ remindedAt: deps.clock.now() }).where(eq(appointments.id, row.id));
    await tellPerson(deps, tx, row, reason, 'reminder');
    return true;
  });
}

/** A day's or week's appointments of a centre (or one agent), in order. */
export async function appointmentsBetween(q: Queryable, input: { centreId: string; agentId?: string; from: Date; to: Date }): Promise<AppointmentRow[]> {
  return q
    .select()
    .from(appointments)
    .where(and(eq(appointments.socialCentreId, input.centreId), input.agentId ? eq(appointments.agentId, input.agentId) : undefined, lt(appointments.startAt, input.to), gt(appointments.endAt, input.from)))
    .orderBy(asc(appointments.startAt));
}
