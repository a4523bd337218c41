// Keeping no more than needed: drafts nobody touched for RELAIS_DRAFT_RETENTION_DAYS are deleted (with their
// files), after a warning e-mail RELAIS_DRAFT_WARNING_DAYS before; decided case files are anonymised once their
// procedure version's retention period has passed since the decision (the number, procedure, state, team and
// dates stay for statistics; every answer, name, contact, message, note and file goes).
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { caseFiles, caseMessages, caseNotes, cases, partnerInvitations } from '../db/procedures.table.ts';
import type { ProceduresDeps } from './deps.ts';

const DAY = 86_400_000;

export interface RetentionConfig {
  draftRetentionDays: number;
  draftWarningDays: number;
}

/** An e-mail address among a draft's raw answers (the contact question), or the resident account's. */
function emailIn(raw: unknown): string | null {
  const found = JSON.stringify(raw ?? {}).match(/"([^"\s@]+@[^"\s@]+\.[a-z]{2,})"/iu);
  return found ? found[1]! : null;
}

export async function warnAndPurgeDrafts(deps: ProceduresDeps, retention: RetentionConfig): Promise<{ warned: number; purged: number }> {
  const now = deps.clock.now();
  const purgeBefore = new Date(now.getTime() - retention.draftRetentionDays * DAY);
  const warnBefore = new Date(now.getTime() - (retention.draftRetentionDays - retention.draftWarningDays) * DAY);
  let warned = 0;
  const toWarn = await queryRows<{ id: string; raw_answers: unknown; title: string; account_email: string | null; filer_user_id: string | null }>(
    deps.db,
    sql`select c.id, c.raw_answers, v.definition->>'title' as title, u.email as account_email, c.filer_user_id
        from cases c join procedure_versions v on v.id = c.version_id left join users u on u.id = c.filer_user_id
        where c.state = 'draft' and c.purge_warned_at is null and c.touched_at < ${warnBefore.toISOString()} and c.touched_at >= ${purgeBefore.toISOString()}
        limit 1000`,
  );
  for (const d of toWarn) {
    const to = d.account_email ?? emailIn(d.raw_answers);
    await inTransaction(deps.db, async (tx) => {
      let link = `${deps.config.publicUrl}/compte/demarches`;
      if (!d.filer_user_id) {
        // A new key for the link: the old one is not known here (only its hash is kept).
        const token = randomToken();
        await tx.update(cases).set({ resumeTokenHash: sha256(token) }).where(eq(cases.id, d.id));
        link = `${deps.config.publicUrl}/demarches/reprendre/${token}`;
      }
      await tx.update(cases).set({ purgeWarnedAt: now }).where(eq(cases.id, d.id));
      if (to) {
        await enqueueMail(
          tx,
          {
            to,
            subject: `Votre brouillon « ${d.title} » sera supprimé dans ${retention.draftWarningDays} jours`,
            text: ['Bonjour,', '', `Vous avez commencé la demande « ${d.title} » sans l’envoyer. Sans nouvelle de votre part, ce brouillon sera supprimé dans ${retention.draftWarningDays} jours.`, '', `Pour le reprendre : ${link}`].join('\n'),
          },
          now,
        );
        warned++;
      }
    });
  }
  const doomed = await deps.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.state, 'draft'), lt(cases.touchedAt, purgeBefore)))
    .limit(1000);
  for (const d of doomed) {
    const files = await deps.db.select({ key: caseFiles.storageKey }).from(caseFiles).where(eq(caseFiles.caseId, d.id));
    await inTransaction(deps.db, async (tx) => {
      await tx.delete(cases).where(and(eq(cases.id, d.id), eq(cases.state, 'draft')));
      await recordAudit(tx, { at: now, actorId: null, actorLabel: 'système', action: 'case.draft_purged', subjectType: 'case', subjectId: d.id, details: { files: files.length } });
    });
    for (const f of files) await deps.files.delete(f.key);
  }
  return { warned, purged: doomed.length };
}

export async function anonymiseClosedCases(deps: ProceduresDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await queryRows<{ id: string }>(
    deps.db,
    sql`select c.id from cases c join procedure_versions v on v.id = c.version_id
        where c.state in ('accepted', 'refused', 'closed_without_action') and c.anonymised_at is null
          and c.decided_at + make_interval(days => (v.definition->>'retentionDays')::int) < ${now.toISOString()}
        limit 1000`,
  );
  for (const { id } of due) {
    const files = await deps.db.select({ key: caseFiles.storageKey }).from(caseFiles).where(eq(caseFiles.caseId, id));
    await inTransaction(deps.db, async (tx) => {
      await tx
        .update(cases)
        .set({ rawAnswers: {}, answers: null, filerName: null, filedForName: null, communeCode: null, contactEmail: null, contactPhone: null, trackingCodeHash: null, resumeTokenHash: null, search: null, decisionReason: null, idempotencyKey: null, anonymisedAt: now })
        .where(and(eq(cases.id, id), isNull(cases.anonymisedAt)));
      await tx.update(caseMessages).set({ body: '' }).where(eq(caseMessages.caseId, id));
      await tx.delete(caseNotes).where(eq(caseNotes.caseId, id));
      await tx.update(partnerInvitations).set({ answerText: null, introduction: '', question: null }).where(eq(partnerInvitations.caseId, id));
      await tx.execute(sql`update case_events set reason = null, details = '{}'::jsonb where case_id = ${id}`);
      await tx.delete(caseFiles).where(eq(caseFiles.caseId, id));
      await recordAudit(tx, { at: now, actorId: null, actorLabel: 'système', action: 'case.anonymised', subjectType: 'case', subjectId: id, details: { files: files.length } });
    });
    for (const f of files) await deps.files.delete(f.key);
  }
  return due.length;
}
