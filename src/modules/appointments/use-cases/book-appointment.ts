// Booking a slot: checked against the reason's rules, then inserted; the database's exclusion constraint is
// what makes two people unable to take the same agent's time (a check in code alone would race). The loser of
// a race gets « ce créneau vient d'être pris » with the next free slots.
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import type { Db } from '../../../platform/db/client.ts';
import { appointments } from '../db/appointments.table.ts';
import type { Slot } from '../domain/slots.ts';

export interface BookInput {
  reasonId: string;
  socialCentreId: string;
  slot: Pick<Slot, 'agentId' | 'start' | 'end'>;
  person: { name: string; email: string | null; phone: string | null };
  residentUserId: string | null;
  bookedByUserId: string | null;
}

export type BookResult = { ok: true; id: string; cancelToken: string } | { ok: false; reason: 'taken'; message: string };

const EXCLUSION_VIOLATION = '23P01';

function sqlState(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.cause?.code ?? err.code;
}

export async function bookAppointment(deps: { db: Db; clock: { now(): Date }; ids: { uuid(): string } }, input: BookInput): Promise<BookResult> {
  const now = deps.clock.now();
  const id = deps.ids.uuid();
  const cancelToken = randomToken();
  try {
    await deps.db.insert(appointments).values({
      id,
      reasonId: input.reasonId,
      agentId: input.slot.agentId,
      socialCentreId: input.socialCentreId,
      startAt: input.slot.start,
      endAt: input.slot.end,
      status: 'booked',
      personName: input.person.name,
      personEmail: input.person.email,
      personPhone: input.person.phone,
      residentUserId: input.residentUserId,
      bookedByUserId: input.bookedByUserId,
      cancelTokenHash: sha256(cancelToken),
      createdAt: now,
      updatedAt: now,
    });
  } catch (e) {
    if (sqlState(e) === EXCLUSION_VIOLATION) return { ok: false, reason: 'taken', message: 'Ce créneau vient d’être pris : choisissez-en un autre' };
    throw e;
  }
  return { ok: true, id, cancelToken };
}
