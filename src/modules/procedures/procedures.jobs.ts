// The téléprocédures' background work, as durable jobs: agents' notifications (queued with each event), and
// each day the expiry of partners' invitations (01:30 → 02:00), the daily digest (07:00), the warning and purge
// of old drafts (03:00) and the anonymisation of old decided case files (04:00), Paris time. All idempotent.
import type { Config } from '../../config.ts';
import { randomIds } from '../../platform/clock.ts';
import { createFileStore } from '../../platform/files/create-file-store.ts';
import { queueNextDaily, type DailyJob } from '../../platform/jobs/daily.ts';
import type { JobContext, JobHandlers } from '../../platform/jobs/worker.ts';
import type { ProceduresDeps } from './use-cases/deps.ts';
import { notifyTeam, sendDailyDigests } from './use-cases/notify-agents.ts';
import { expirePartnerInvitations } from './use-cases/partner-opinions.ts';
import { anonymiseClosedCases, warnAndPurgeDrafts } from './use-cases/retention.ts';

export const PROCEDURE_JOB_KINDS = {
  notify: 'procedures.notify',
  expireInvitations: 'procedures.expire_invitations',
  purgeDrafts: 'procedures.purge_drafts',
  anonymise: 'procedures.anonymise',
  digest: 'procedures.digest',
} as const;

export const procedureDailyJobs: DailyJob[] = [
  { kind: PROCEDURE_JOB_KINDS.expireInvitations, hour: 2 },
  { kind: PROCEDURE_JOB_KINDS.purgeDrafts, hour: 3 },
  { kind: PROCEDURE_JOB_KINDS.anonymise, hour: 4 },
  { kind: PROCEDURE_JOB_KINDS.digest, hour: 7 },
];

export function procedureJobHandlers(config: Config): JobHandlers {
  const files = createFileStore(config);
  const depsOf = (ctx: JobContext): ProceduresDeps => ({ db: ctx.db, clock: ctx.clock, ids: randomIds, files, config });
  const daily = (kind: string, run: (ctx: JobContext) => Promise<unknown>) => ({
    [kind]: async (_job: unknown, ctx: JobContext) => {
      const result = await run(ctx);
      ctx.logger.info({ job: kind, result }, 'téléprocédures : tâche quotidienne faite');
      await queueNextDaily(ctx.db, procedureDailyJobs.find((j) => j.kind === kind)!, ctx.clock.now());
    },
  });
  return {
    [PROCEDURE_JOB_KINDS.notify]: async (job, ctx) => {
      const p = job.payload as { caseId: string; event: string };
      await notifyTeam(depsOf(ctx), p);
    },
    ...daily(PROCEDURE_JOB_KINDS.expireInvitations, (ctx) => expirePartnerInvitations(depsOf(ctx))),
    ...daily(PROCEDURE_JOB_KINDS.purgeDrafts, (ctx) => warnAndPurgeDrafts(depsOf(ctx), { draftRetentionDays: config.procedures.draftRetentionDays, draftWarningDays: config.procedures.draftWarningDays })),
    ...daily(PROCEDURE_JOB_KINDS.anonymise, (ctx) => anonymiseClosedCases(depsOf(ctx))),
    ...daily(PROCEDURE_JOB_KINDS.digest, (ctx) => sendDailyDigests(depsOf(ctx))),
  };
}
