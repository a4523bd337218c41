// Composition of the job handlers: the platform's and each module's. The server's worker and `relais run-jobs`
// use the same set, so a job queued by any process is run by whichever worker claims it.
import type { Config } from './config.ts';
import type { JobHandlers } from './platform/jobs/worker.ts';
import { mailJobHandlers } from './platform/mail/send-mail.ts';
import { orientationJobHandlers } from './modules/orientation/index.ts';

export function jobHandlers(config: Config): JobHandlers {
  return {
    ...orientationJobHandlers(config),
    ...mailJobHandlers({ smtpUrl: config.smtpUrl, from: config.mailFrom, messageIdDomain: new URL(config.publicUrl).hostname }),
  };
}
