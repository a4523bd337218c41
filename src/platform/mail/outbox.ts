import type { Queryable } from '../db/client.ts';
import { mailOutbox } from './mail.table.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Queues a mail in the outbox, in the caller's transaction: it is sent only if the change that caused it commits.
 * The mail worker (platform/mail/send-mail.ts) delivers it through SMTP, or keeps it for the admins'
 * « Courriels de développement » page when no SMTP_URL is configured.
 */
export async function enqueueMail(q: Queryable, mail: OutgoingMail, now: Date): Promise<number> {
  const [row] = await q
    .insert(mailOutbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, createdAt: now })
    .returning({ id: mailOutbox.id });
  return row!.id;
}
