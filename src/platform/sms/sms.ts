// SMS, like mail: `enqueueSms` writes to the outbox in the caller's transaction and queues an 'sms.send' job.
// The job hands it to the provider: the HTTP gateway configured by SMS_HTTP_URL, or, without one, the
// development provider that keeps the message for the admins' « SMS » page (/admin/sms).
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import type { JobHandlers } from '../jobs/worker.ts';
import { smsOutbox } from './sms.table.ts';

export const SMS_JOB_KIND = 'sms.send';
/** One SMS is 160 GSM characters; three concatenated parts are the most we send. */
export const SMS_MAX_LENGTH = 459;

export interface SmsProvider {
  /** Sends one message; resolves with the provider's id, or 'kept' when the message is only kept. */
  send(message: { to: string; text: string }): Promise<{ kept: true } | { kept: false; providerMessageId: string | null }>;
}

/** A gateway that takes `POST {from, to, text}` as JSON and answers 2xx (with an optional `{ "id": … }`). */
export function httpSmsProvider(settings: { url: string; token: string | null; sender: string; fetch?: typeof fetch }): SmsProvider {
  const doFetch = settings.fetch ?? fetch;
  return {
    async send({ to, text }) {
      const response = await doFetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}) },
        body: JSON.stringify({ from: settings.sender, to, text }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`passerelle SMS : HTTP ${response.status} ${body.slice(0, 200)}`);
      let id: string | null = null;
      try {
        const parsed = JSON.parse(body) as { id?: unknown };
        if (typeof parsed.id === 'string' || typeof parsed.id === 'number') id = String(parsed.id);
      } catch {
        // A gateway may answer with no body or plain text: the message was accepted all the same.
      }
      return { kept: false, providerMessageId: id };
    },
  };
}

/** Development: nothing leaves the machine; admins read the message on /admin/sms. */
export const keepingSmsProvider: SmsProvider = { send: async () => ({ kept: true }) };

export function smsProviderFor(config: { sms: { httpUrl: string; token: string | null; sender: string } | { httpUrl: null; sender: string } }): SmsProvider {
  return config.sms.httpUrl ? httpSmsProvider({ url: config.sms.httpUrl, token: config.sms.token, sender: config.sms.sender }) : keepingSmsProvider;
}

export async function enqueueSms(q: Queryable, sms: { to: string; text: string }, now: Date): Promise<number> {
  const [row] = await q.insert(smsOutbox).values({ to: sms.to, text: sms.text.slice(0, SMS_MAX_LENGTH), createdAt: now }).returning({ id: smsOutbox.id });
  await enqueueJob(q, { kind: SMS_JOB_KIND, payload: { smsId: row!.id }, maxAttempts: 6 }, now);
  return row!.id;
}

export function smsJobHandlers(provider: SmsProvider): JobHandlers {
  return {
    [SMS_JOB_KIND]: async (job, { db, clock, logger }) => {
      const smsId = Number(job.payload.smsId);
      const [sms] = await db.select().from(smsOutbox).where(eq(smsOutbox.id, smsId));
      if (!sms || sms.status !== 'pending') return;
      try {
        const result = await provider.send({ to: sms.to, text: sms.text });
        if (result.kept) {
          await db.update(smsOutbox).set({ status: 'kept' }).where(eq(smsOutbox.id, smsId));
          logger.info({ smsId }, 'SMS conservé (pas de SMS_HTTP_URL) : visible sur /admin/sms');
          return;
        }
        await db
          .update(smsOutbox)
          .set({ status: 'sent', sentAt: clock.now(), providerMessageId: result.providerMessageId, attempts: sql`${smsOutbox.attempts} + 1`, lastError: null })
          .where(eq(smsOutbox.id, smsId));
      } catch (error) {
        await db
          .update(smsOutbox)
          .set({
            attempts: sql`${smsOutbox.attempts} + 1`,
            lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
            ...(job.isLastAttempt ? { status: 'failed' as const } : {}),
          })
          .where(eq(smsOutbox.id, smsId));
        throw error;
      }
    },
  };
}
