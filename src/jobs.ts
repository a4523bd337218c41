// Composition of the job handlers: the platform's and each module's. The server's worker and `relais run-jobs`
// use the same set, so a job queued by any process is run by whichever worker claims it.
import type { Config } from './config.ts';
import type { JobHandlers } from './platform/jobs/worker.ts';
import { mailJobHandlers } from './platform/mail/send-mail.ts';
import { smsJobHandlers, smsProviderFor } from './platform/sms/sms.ts';
import type { DailyJob } from './platform/jobs/daily.ts';
import type { MonthlyJob } from './platform/jobs/recurring.ts';
import { freshnessDigestHandlers, freshnessDigestJob } from './modules/directory/index.ts';
import { orientationDailyJobs, orientationJobHandlers } from './modules/orientation/index.ts';
import { procedureDailyJobs, procedureJobHandlers } from './modules/procedures/index.ts';
import { appointmentJobHandlers } from './modules/appointments/index.ts';
import { mandateDailyJobs, mandateJobHandlers } from './modules/mandates/index.ts';

export function jobHandlers(config: Config): JobHandlers {
  return {
    ...mailJobHandlers({ smtpUrl: config.smtpUrl, from: config.mailFrom, messageIdDomain: new URL(config.publicUrl).hostname }),
    ...smsJobHandlers(smsProviderFor(config)),
    ...freshnessDigestHandlers({ publicUrl: config.publicUrl }),
    ...orientationJobHandlers(config),
    ...procedureJobHandlers(config),
    ...appointmentJobHandlers(config),
    ...mandateJobHandlers(config),
  };
}

/** Work done once a month; each boot makes sure its next run is queued (platform/jobs/recurring.ts). */
export const monthlyJobs: MonthlyJob[] = [freshnessDigestJob];

/** Work done once a day; each boot makes sure a run is queued, each run queues the next (platform/jobs/daily.ts). */
export const dailyJobs: DailyJob[] = [...orientationDailyJobs, ...procedureDailyJobs, ...mandateDailyJobs];
