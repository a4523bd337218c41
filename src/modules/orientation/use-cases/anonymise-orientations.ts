import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { orientationAttachments, orientations } from '../../directory/index.ts';
import { anonymiseBefore } from '../domain/orientation.ts';
import { SYSTEM, type OrientationDeps } from './deps.ts';

const BATCH = 200;

/**
 * After the retention period (RELAIS_ORIENTATION_RETENTION_DAYS, counted from the sending), an orientation
 * keeps only what statistics need (service, structures, dates, status): the person's identity and contact,
 * the situation, the answer's free text (it may speak of the person) and the attachments are erased.
 */
export async function anonymiseOrientations(deps: OrientationDeps): Promise<number> {
  const now = deps.clock.now();
  const before = anonymiseBefore(now, deps.config.orientationRetentionDays);
  let count = 0;
  for (;;) {
    const done = await inTransaction(deps.db, async (tx) => {
      const due = await tx
        .select({ id: orientations.id })
        .from(orientations)
        .where(and(isNull(orientations.anonymisedAt), lt(orientations.createdAt, before)))
        .orderBy(asc(orientations.createdAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const { id } of due) {
        const removed = await tx.delete(orientationAttachments).where(eq(orientationAttachments.orientationId, id)).returning({ id: orientationAttachments.id });
        await tx
          .update(orientations)
          .set({
            personFirstName: null,
            personLastName: null,
            personPhone: null,
            personEmail: null,
            situation: null,
            answerReason: null,
            anonymisedAt: now,
            updatedAt: now,
          })
          .where(eq(orientations.id, id));
        await recordAudit(tx, {
          at: now,
          ...SYSTEM,
          action: 'orientation.anonymised',
          subjectType: 'orientation',
          subjectId: id,
          details: { attachmentsDeleted: removed.length },
        });
      }
      return due.length;
    });
    count += done;
    if (done < BATCH) return count;
  }
}
