// The mandates' daily work (08:00, Paris time): the aidant who made a mandate is told a week before it ends.
// Idempotent: a mandate is reminded once (reminder_sent_at).
import type { Config } from '../../config.ts';
import { randomIds } from '../../platform/clock.ts';
import { queueNextDaily, type DailyJob } from '../../platform/jobs/daily.ts';
import type { JobHandlers } from '../../platform/jobs/worker.ts';
import { userContact } from '../accounts/index.ts';
import { remindExpiringMandates } from './use-cases/mandates.ts';

export const MANDATE_REMINDER_JOB: DailyJob = { kind: 'mandates.remind_expiring', hour: 8 };
export const mandateDailyJobs: DailyJob[] = [MANDATE_REMINDER_JOB];

export function mandateJobHandlers(config: Pick<Config, 'publicUrl' | 'secret'>): JobHandlers {
  return {
    [MANDATE_REMINDER_JOB.kind]: async (_job, ctx) => {
      const n = await remindExpiringMandates({ db: ctx.db, clock: ctx.clock, ids: randomIds, config }, async (id) => (await userContact(ctx.db, id))?.email ?? null);
      if (n) ctx.logger.info({ reminded: n }, 'mandats bientôt expirés : aidants prévenus');
      await queueNextDaily(ctx.db, MANDATE_REMINDER_JOB, ctx.clock.now());
    },
  };
}
