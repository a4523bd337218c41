// The orientation module's periodic work, as durable job handlers: expiring unanswered orientations and
// anonymising old ones. Both are idempotent (a second run finds nothing to do), as the job queue requires.
import type { Config } from '../../config.ts';
import { randomIds } from '../../platform/clock.ts';
import type { JobHandlers } from '../../platform/jobs/worker.ts';
import { anonymiseOrientations } from './use-cases/anonymise-orientations.ts';
import { expireOrientations } from './use-cases/expire-orientations.ts';

export const ORIENTATION_JOB_KINDS = { expire: 'orientation.expire', anonymise: 'orientation.anonymise' } as const;

export function orientationJobHandlers(config: Pick<Config, 'publicUrl' | 'orientationRetentionDays'>): JobHandlers {
  const depsOf = (ctx: Parameters<JobHandlers[string]>[1]) => ({ db: ctx.db, clock: ctx.clock, ids: randomIds, config });
  return {
    [ORIENTATION_JOB_KINDS.expire]: async (_job, ctx) => {
      const n = await expireOrientations(depsOf(ctx));
      if (n) ctx.logger.info({ expired: n }, 'orientations expirées');
    },
    [ORIENTATION_JOB_KINDS.anonymise]: async (_job, ctx) => {
      const n = await anonymiseOrientations(depsOf(ctx));
      if (n) ctx.logger.info({ anonymised: n }, 'orientations anonymisées');
    },
  };
}
