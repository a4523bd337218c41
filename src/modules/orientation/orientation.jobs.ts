// The orientation module's daily work, as durable jobs: expiring unanswered orientations (02:00) and
// anonymising old ones (03:00, Paris time). Both are idempotent (a second run finds nothing to do), as the job
// queue requires; each run queues the next day's (platform/jobs/daily.ts).
import type { Config } from '../../config.ts';
import { randomIds } from '../../platform/clock.ts';
import { queueNextDaily, type DailyJob } from '../../platform/jobs/daily.ts';
import type { JobContext, JobHandlers } from '../../platform/jobs/worker.ts';
import { anonymiseOrientations } from './use-cases/anonymise-orientations.ts';
import { expireOrientations } from './use-cases/expire-orientations.ts';

export const ORIENTATION_JOB_KINDS = { expire: 'orientation.expire', anonymise: 'orientation.anonymise' } as const;

export const orientationDailyJobs: DailyJob[] = [
  { kind: ORIENTATION_JOB_KINDS.expire, hour: 2 },
  { kind: ORIENTATION_JOB_KINDS.anonymise, hour: 3 },
];

export function orientationJobHandlers(config: Pick<Config, 'publicUrl' | 'orientationRetentionDays'>): JobHandlers {
  const depsOf = (ctx: JobContext) => ({ db: ctx.db, clock: ctx.clock, ids: randomIds, config });
  const [expire, anonymise] = orientationDailyJobs as [DailyJob, DailyJob];
  return {
    [expire.kind]: async (_job, ctx) => {
      const n = await expireOrientations(depsOf(ctx));
      if (n) ctx.logger.info({ expired: n }, 'orientations expirées');
      await queueNextDaily(ctx.db, expire, ctx.clock.now());
    },
    [anonymise.kind]: async (_job, ctx) => {
      const n = await anonymiseOrientations(depsOf(ctx));
      if (n) ctx.logger.info({ anonymised: n }, 'orientations anonymisées');
      await queueNextDaily(ctx.db, anonymise, ctx.clock.now());
    },
  };
}
