// The appointments' background work: the reminder 48 hours before, one durable job per appointment, queued at
// booking (and again when it moves); a job whose appointment changed or was cancelled does nothing.
import type { Config } from '../../config.ts';
import { randomIds } from '../../platform/clock.ts';
import type { JobHandlers } from '../../platform/jobs/worker.ts';
import { getReason } from './db/slot-queries.ts';
import { REMIND_JOB_KIND, sendReminder } from './use-cases/booking.ts';

export function appointmentJobHandlers(config: Config): JobHandlers {
  return {
    [REMIND_JOB_KIND]: async (job, ctx) => {
      const p = job.payload as { appointmentId: string; sequence: number };
      const sent = await sendReminder({ db: ctx.db, clock: ctx.clock, ids: randomIds, config }, p, getReason);
      ctx.logger.debug({ appointmentId: p.appointmentId, sent }, 'rappel de rendez-vous');
    },
  };
}
