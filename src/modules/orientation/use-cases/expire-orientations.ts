import { and, asc, eq, lte } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { userContact } from '../../accounts/index.ts';
import { orientations } from '../../directory/index.ts';
import { frenchDate } from '../domain/orientation.ts';
import { SYSTEM, type OrientationDeps } from './deps.ts';

const BATCH = 200;

/**
 * Marks expired the open orientations past their expiry, each with its journal event, and tells the sender
 * that no answer came. Idempotent: an orientation already answered or expired is left alone.
 */
export async function expireOrientations(deps: OrientationDeps): Promise<number> {
  const now = deps.clock.now();
  let count = 0;
  for (;;) {
    const expired = await inTransaction(deps.db, async (tx) => {
      const due = await tx
        .select({ id: orientations.id })
        .from(orientations)
        .where(and(eq(orientations.status, 'open'), lte(orientations.expiresAt, now)))
        .orderBy(asc(orientations.expiresAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const { id } of due) {
        const [row] = await tx
          .update(orientations)
          .set({ status: 'expired', updatedAt: now })
          .where(and(eq(orientations.id, id), eq(orientations.status, 'open')))
          .returning();
        if (!row) continue;
        await recordAudit(tx, { at: now, ...SYSTEM, action: 'orientation.expired', subjectType: 'orientation', subjectId: id });
        const sender = await userContact(tx, row.senderUserId);
        if (sender) {
          const text = [
            'Bonjour,',
            '',
            `L’orientation que vous avez envoyée le ${frenchDate(row.createdAt)} n’a pas reçu de réponse de la structure dans le délai de 30 jours : elle a expiré.`,
            'Si la personne a toujours besoin d’aide, contactez la structure ou orientez-la vers un autre service.',
            '',
            `Vos orientations : ${deps.config.publicUrl}/orientations`,
            '',
            'Relais',
          ].join('\n');
          await enqueueMail(tx, { to: sender.email, subject: 'Votre orientation a expiré sans réponse', text }, now);
        }
      }
      return due.length;
    });
    count += expired;
    if (expired < BATCH) return count;
  }
}
