import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { userContact } from '../../accounts/index.ts';
import { getService, orientations } from '../../directory/index.ts';
import { frenchDate, REASON_MAX_LENGTH, statusAt } from '../domain/orientation.ts';
import type { Actor, OrientationDeps } from './deps.ts';

export interface OrientationAnswer {
  orientationId: string;
  decision: 'accept' | 'refuse';
  reason: string | null;
  /** The signed-in member who answers; null when answered through the e-mailed link. */
  answeredBy: string | null;
}

export type AnswerResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'already_answered' | 'expired' | 'anonymised' | 'reason_required' | 'reason_too_long' };

export async function answerOrientation(deps: OrientationDeps, actor: Actor, answer: OrientationAnswer): Promise<AnswerResult> {
  const reason = answer.reason?.trim() || null;
  if (answer.decision === 'refuse' && !reason) return { ok: false, reason: 'reason_required' };
  if (reason && reason.length > REASON_MAX_LENGTH) return { ok: false, reason: 'reason_too_long' };
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    // One conditional update: of two answers sent at the same time, only one finds the orientation still open.
    const [done] = await tx
      .update(orientations)
      .set({
        status: answer.decision === 'accept' ? 'accepted' : 'refused',
        answerReason: reason,
        answeredBy: answer.answeredBy,
        answeredAt: now,
        updatedAt: now,
      })
      .where(
        and(eq(orientations.id, answer.orientationId), eq(orientations.status, 'open'), gt(orientations.expiresAt, now), isNull(orientations.anonymisedAt)),
      )
      .returning();
    if (!done) {
      const [current] = await tx.select().from(orientations).where(eq(orientations.id, answer.orientationId));
      if (!current) return { ok: false, reason: 'not_found' } as const;
      if (current.anonymisedAt) return { ok: false, reason: 'anonymised' } as const;
      return { ok: false, reason: statusAt(current, now) === 'expired' ? 'expired' : 'already_answered' } as const;
    }
    const accepted = answer.decision === 'accept';
    await recordAudit(tx, {
      at: now,
      ...actor,
      action: accepted ? 'orientation.accepted' : 'orientation.refused',
      subjectType: 'orientation',
      subjectId: done.id,
      details: { receiverStructureId: done.receiverStructureId, ...(reason ? { withReason: true } : {}) },
    });
    const sender = await userContact(tx, done.senderUserId);
    if (sender) {
      const service = done.serviceId ? await getService(tx, done.serviceId) : undefined;
      const where = service ? `« ${service.name} » (${service.structure.name})` : 'le service';
      const verdict = accepted ? 'acceptée' : 'refusée';
      const text = [
        'Bonjour,',
        '',
        `L’orientation que vous avez envoyée le ${frenchDate(done.createdAt)} vers ${where} a été ${verdict}.`,
        ...(reason ? ['', accepted ? 'Message de la structure :' : 'Motif du refus :', reason] : []),
        '',
        `Retrouvez vos orientations et leurs réponses : ${deps.config.publicUrl}/orientations`,
        '',
        'Relais',
      ].join('\n');
      await enqueueMail(tx, { to: sender.email, subject: `Votre orientation a été ${verdict}`, text }, now);
    }
    return { ok: true } as const;
  });
}
