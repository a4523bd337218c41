// « Signaler une erreur »: anyone tells the département team that a place's listing is wrong. The report
// waits in the moderation queue; the audit event says that one was made, without its text or e-mail.
import { and, eq } from 'drizzle-orm';
import type { AuditEventInput } from '../../../platform/audit/record.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Clock, IdGenerator } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { errorReports, places } from '../db/directory.table.ts';
import { isUuid } from '../db/public-listing-queries.ts';

export interface ReportErrorInput {
  placeId: string;
  message: string;
  reporterEmail: string | null;
  actor: { id: string | null; label: string; ip: string | null; requestId: string | null };
}

export async function reportError(
  deps: { db: Db; clock: Clock; ids: IdGenerator },
  input: ReportErrorInput,
): Promise<{ ok: true; reportId: string } | { ok: false; reason: 'place_not_found' }> {
  if (!isUuid(input.placeId)) return { ok: false, reason: 'place_not_found' };
  return inTransaction(deps.db, async (tx) => {
    const [place] = await tx
      .select({ id: places.id })
      .from(places)
      .where(and(eq(places.id, input.placeId), eq(places.status, 'published')));
    if (!place) return { ok: false as const, reason: 'place_not_found' as const };
    const now = deps.clock.now();
    const reportId = deps.ids.uuid();
    await tx.insert(errorReports).values({ id: reportId, placeId: place.id, message: input.message, reporterEmail: input.reporterEmail, createdAt: now });
    const event: AuditEventInput = {
      at: now,
      actorId: input.actor.id,
      actorLabel: input.actor.label,
      action: 'directory.error_reported',
      subjectType: 'place',
      subjectId: place.id,
      ip: input.actor.ip,
      requestId: input.actor.requestId,
      details: { reportId, answerWanted: input.reporterEmail !== null },
    };
    await recordAudit(tx, event);
    return { ok: true as const, reportId };
  });
}
