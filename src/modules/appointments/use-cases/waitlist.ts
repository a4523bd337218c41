// The waiting list of a reason, first come, first served: when a slot frees up (a cancellation, a move), the
// first person waiting is offered it by e-mail, with a link that books it if it is still free. Each person gets
// at most MAX_WAITLIST_OFFERS offers; the last one says so.
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { formatParisDay, formatParisTime } from '../../../platform/time/paris.ts';
import { appointmentWaitlist } from '../db/appointments.table.ts';
import type { ReasonRow } from '../db/slot-queries.ts';
import type { ActorRef, AppointmentsDeps } from './deps.ts';
import type { Person } from './booking.ts';

export const MAX_WAITLIST_OFFERS = 3;
export type WaitlistRow = typeof appointmentWaitlist.$inferSelect;

export async function joinWaitlist(deps: AppointmentsDeps, input: { reason: ReasonRow; person: Person & { email: string }; actor: ActorRef }): Promise<WaitlistRow> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const token = randomToken();
    const [row] = await tx
      .insert(appointmentWaitlist)
      .values({
        id: deps.ids.uuid(),
        reasonId: input.reason.id,
        socialCentreId: input.reason.socialCentreId,
        personName: input.person.name,
        personEmail: input.person.email,
        personPhone: input.person.phone,
        tokenHash: sha256(token),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      at: now,
      actorId: input.actor.userId,
      actorLabel: input.actor.label,
      action: 'appointment.waitlist_joined',
      subjectType: 'appointment_waitlist',
      subjectId: row!.id,
      requestId: input.actor.requestId ?? null,
      details: { reason: input.reason.name },
    });
    await enqueueMail(
      tx,
      {
        to: input.person.email,
        subject: `Vous êtes sur la liste d’attente : ${input.reason.name}`,
        text: [
          `Bonjour ${input.person.name},`,
          '',
          `Vous êtes inscrit sur la liste d’attente pour « ${input.reason.name} ».`,
          `Quand un créneau se libère, nous l’envoyons à la première personne inscrite. Vous recevrez au plus ${MAX_WAITLIST_OFFERS} propositions.`,
          '',
          `Pour quitter la liste d’attente : ${deps.config.publicUrl}/rendez-vous/liste-attente/${token}`,
        ].join('\n'),
      },
      now,
    );
    return row!;
  });
}

export async function waitlistByToken(q: Queryable, token: string): Promise<WaitlistRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await q.select().from(appointmentWaitlist).where(eq(appointmentWaitlist.tokenHash, sha256(token)));
  return row ?? null;
}

/** In the transaction that freed the slot: offer it to the first person waiting for the reason. */
export async function offerFreedSlot(deps: AppointmentsDeps, tx: Tx, reason: ReasonRow, freed: { agentId: string; start: Date }): Promise<boolean> {
  const now = deps.clock.now();
  if (freed.start.getTime() < now.getTime() + reason.minDelayMinutes * 60_000) return false;
  const [first] = await tx
    .select()
    .from(appointmentWaitlist)
    .where(and(eq(appointmentWaitlist.reasonId, reason.id), eq(appointmentWaitlist.status, 'waiting')))
    .orderBy(asc(appointmentWaitlist.createdAt), asc(appointmentWaitlist.id))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!first) return false;
  const token = randomToken();
  const last = first.offersSent + 1 >= MAX_WAITLIST_OFFERS;
  await tx
    .update(appointmentWaitlist)
    .set({ tokenHash: sha256(token), offersSent: sql`${appointmentWaitlist.offersSent} + 1`, ...(last ? { status: 'exhausted' as const } : {}), updatedAt: now })
    .where(eq(appointmentWaitlist.id, first.id));
  const when = `${formatParisDay(freed.start, true)} à ${formatParisTime(freed.start)}`;
  await enqueueMail(
    tx,
    {
      to: first.personEmail,
      subject: `Un créneau s’est libéré le ${when}`,
      text: [
        `Bonjour ${first.personName},`,
        '',
        `Un créneau s’est libéré pour « ${reason.name} » : le ${when}.`,
        `Pour le prendre : ${deps.config.publicUrl}/rendez-vous/liste-attente/${token}?debut=${encodeURIComponent(freed.start.toISOString())}`,
        'Premier arrivé, premier servi : si quelqu’un l’a pris avant vous, la page vous le dira.',
        '',
        last ? 'C’est la dernière proposition que nous vous envoyons : vous quittez la liste d’attente.' : `Ce lien remplace celui des messages précédents ; il sert aussi à quitter la liste d’attente.`,
      ].join('\n'),
    },
    now,
  );
  return true;
}

export async function leaveWaitlist(deps: AppointmentsDeps, entry: WaitlistRow): Promise<void> {
  await deps.db.update(appointmentWaitlist).set({ status: 'left', updatedAt: deps.clock.now() }).where(eq(appointmentWaitlist.id, entry.id));
}

export async function markWaitlistBooked(deps: AppointmentsDeps, entry: WaitlistRow): Promise<void> {
  await deps.db.update(appointmentWaitlist).set({ status: 'booked', updatedAt: deps.clock.now() }).where(eq(appointmentWaitlist.id, entry.id));
}
