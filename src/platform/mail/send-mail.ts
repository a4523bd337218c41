// Delivers the outbox: one 'mail.send' job per mail (queued by enqueueMail in the same transaction as the mail),
// so SMTP failures are retried with the job queue's backoff. Without SMTP_URL (development), mails are
// kept in the outbox with status 'kept' and admins read them at /admin/courriels.
import { eq, sql } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { JobHandlers } from '../jobs/worker.ts';
import { mailOutbox } from './mail.table.ts';

export const MAIL_JOB_KIND = 'mail.send';

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  /** Host part of the Message-ID, so that a mail sent twice (at-least-once delivery) can be recognised. */
  messageIdDomain: string;
}

export function mailJobHandlers(settings: MailSettings): JobHandlers {
  let transport: Transporter | null = null;
  return {
    [MAIL_JOB_KIND]: async (job, { db, clock, logger }) => {
      const mailId = Number(job.payload.mailId);
      const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
      // Already delivered or kept (a job taken again after a crash): nothing to do.
      if (!mail || mail.status !== 'pending') return;
      if (!settings.smtpUrl) {
        await db.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, mailId));
        logger.info({ mailId }, 'courriel conservé (pas de SMTP_URL) : visible sur /admin/courriels');
        return;
      }
      transport ??= createTransport(settings.smtpUrl);
      try {
        await transport.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.attachments?.length ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
          messageId: `<relais-${mail.id}@${settings.messageIdDomain}>`,
        });
      } catch (error) {
        await db
          .update(mailOutbox)
          .set({
            attempts: sql`${mailOutbox.attempts} + 1`,
            lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
            ...(job.isLastAttempt ? { status: 'failed' as const } : {}),
          })
          .where(eq(mailOutbox.id, mailId));
        throw error;
      }
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: clock.now(), attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
        .where(eq(mailOutbox.id, mailId));
    },
  };
}
