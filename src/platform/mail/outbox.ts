import type { Queryable } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { mailOutbox, type MailAttachment } from './mail.table.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * Queues a mail in the outbox, in the caller's transaction: it is sent only if the change that caused it commits.
 * A 'mail.send' job, queued in the same transaction, delivers it through SMTP (platform/mail/send-mail.ts),
 * or keeps it for the admins' « Courriels » page when no SMTP_URL is configured.
 */
export async function enqueueMail(q: Queryable, mail: OutgoingMail, now: Date): Promise<number> {
  const [row] = await q
    .insert(mailOutbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, attachments: mail.attachments?.length ? mail.attachments : null, createdAt: now })
    .returning({ id: mailOutbox.id });
  // Eight tries over about two hours (30 s, 1, 2, 4, 8, 16, 32, 64 min) ride out a mail server's outage.
  await enqueueJob(q, { kind: 'mail.send', payload: { mailId: row!.id }, maxAttempts: 8 }, now);
  return row!.id;
}
