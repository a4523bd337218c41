// The département team closes a « Signaler une erreur » report: fixed (resolved) or not an error (dismissed),
// with a note saying what was done.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { errorReports } from '../db/directory.table.ts';
import type { ModerationDeps, Moderator, RequestMeta } from './moderate-changes.ts';

export type HandleReportResult = { ok: true } | { ok: false; reason: 'not_found' | 'already_handled' };

export async function handleErrorReport(
  deps: ModerationDeps,
  input: { reportId: string; outcome: 'resolved' | 'dismissed'; note: string; by: Moderator; meta: RequestMeta },
): Promise<HandleReportResult> {
  return inTransaction(deps.db, async (tx) => {
    const [report] = await tx.select().from(errorReports).where(eq(errorReports.id, input.reportId)).for('update');
    if (!report) return { ok: false as const, reason: 'not_found' as const };
    if (report.status !== 'open') return { ok: false as const, reason: 'already_handled' as const };
    const now = deps.clock.now();
    await tx
      .update(errorReports)
      .set({ status: input.outcome, handledBy: input.by.id, handledAt: now, handlingNote: input.note })
      .where(eq(errorReports.id, report.id));
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'directory.error_report_handled',
      subjectType: 'place',
      subjectId: report.placeId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { reportId: report.id, outcome: input.outcome, note: input.note },
    });
    return { ok: true as const };
  });
}
