// An agent's (or supervisor's) decision on a case file: the lifecycle says whether it is allowed; the new state,
// the timeline event, the journal entry and, for a decision, its letter are written in one transaction; the
// filer is told by e-mail.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { CASE_STATE_LABELS, DECIDED_STATES, transition, type CaseActor, type CaseCommand } from '../domain/case-lifecycle.ts';
import { caseReference } from '../domain/reference.ts';
import { getVersion } from '../db/procedure-queries.ts';
import { writeDecisionLetter } from './case-documents.ts';
import { caseEvents, cases } from '../db/procedures.table.ts';
import type { CaseActorRef, ProceduresDeps } from './deps.ts';

export type CaseCommandResult = { ok: true; from: string; to: string } | { ok: false; error: 'not_found' | 'not_now' | 'not_yours' | 'reason_required' | 'reason_too_long'; message: string };

/** What the resident reads when the state changes; the reason (motivation) follows when there is one. */
const FILER_NEWS: Partial<Record<CaseCommand, string>> = {
  start_review: 'Votre dossier est en cours d’instruction.',
  request_correction: 'Nous avons besoin que vous corrigiez ou complétiez votre dossier.',
  accept: 'Votre demande est acceptée.',
  refuse: 'Votre demande est refusée.',
  close_without_action: 'Votre dossier est classé sans suite.',
  reopen: 'Votre dossier est rouvert et de nouveau en instruction.',
};

export async function runCaseCommand(
  deps: ProceduresDeps,
  actor: CaseActorRef,
  input: { caseId: string; command: Exclude<CaseCommand, 'submit'>; as: Exclude<CaseActor, 'filer'>; reason?: string | null },
): Promise<CaseCommandResult> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!row || row.state === 'draft') return { ok: false, error: 'not_found', message: 'Ce dossier n’existe pas' } as const;
    const t = transition(row.state, input.command, input.as, input.reason);
    if (!t.ok) return { ok: false, error: t.error, message: t.message } as const;
    const decided = DECIDED_STATES.has(t.to);
    await tx
      .update(cases)
      .set({
        state: t.to,
        updatedAt: now,
        decidedAt: decided ? now : null,
        decisionReason: decided ? t.reason : null,
        // The person asked to correct gets time to do it: the draft purge counts from the request.
        touchedAt: input.command === 'request_correction' ? now : row.touchedAt,
        assigneeId: input.command === 'start_review' && !row.assigneeId ? actor.userId : row.assigneeId,
      })
      .where(eq(cases.id, row.id));
    await tx.insert(caseEvents).values({
      id: deps.ids.uuid(),
      caseId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorKind: 'agent',
      kind: input.command,
      fromState: row.state,
      toState: t.to,
      reason: t.reason,
      details: {},
      visibleToFiler: true,
    });
    const reference = caseReference(row.number, row.createdAt);
    await recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'case.state_changed',
      subjectType: 'case',
      subjectId: row.id,
      personId: row.filerUserId ?? undefined,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { reference, command: input.command, from: row.state, to: t.to, reason: t.reason },
    });
    if (t.to === 'accepted' || t.to === 'refused' || t.to === 'closed_without_action') await writeDecisionLetter(deps, tx, { caseId: row.id, to: t.to, reason: t.reason, now });
    const news = FILER_NEWS[input.command];
    if (row.contactEmail && news) {
      const version = await getVersion(tx, row.versionId);
      await enqueueMail(
        tx,
        {
          to: row.contactEmail,
          subject: `Votre dossier n° ${reference} : ${CASE_STATE_LABELS[t.to].toLowerCase()}`,
          text: [
            'Bonjour,',
            '',
            `${news} (« ${version?.definition.title ?? 'démarche'} », dossier n° ${reference})`,
            ...(t.reason ? ['', t.reason] : []),
            '',
            `Pour voir votre dossier : ${deps.config.publicUrl}/demarches/suivi`,
          ].join('\n'),
        },
        now,
      );
    }
    return { ok: true, from: row.state, to: t.to } as const;
  });
}
