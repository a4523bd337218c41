import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-db.ts';
import { manualClock } from '../clock.ts';
import { inTransaction } from '../db/transaction.ts';
import { jobs } from '../jobs/jobs.table.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { mailOutbox } from './mail.table.ts';
import { enqueueMail } from './outbox.ts';
import { mailJobHandlers } from './send-mail.ts';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

const logger = pino({ level: 'silent' });
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let database: TestDatabase;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
let refuseNext = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  // A real SMTP peer on loopback; no STARTTLS so that nodemailer talks plain SMTP to it.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext--;
        const err = new Error('Boîte temporairement indisponible') as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(jobs);
  await database.db.delete(mailOutbox);
  received.length = 0;
  refuseNext = 0;
});

const settings = (smtpUrl: string | undefined) => ({ smtpUrl, from: 'Relais 35 <ne-pas-repondre@relais.test>', messageIdDomain: 'relais.test' });
const deps = () => ({ db: database.db, clock, logger });

function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8');
}

describe('mail delivery', () => {
  it('sends a queued mail through SMTP with its subject, recipient and French body intact', async () => {
    const id = await inTransaction(database.db, (tx) =>
      enqueueMail(
        tx,
        {
          to: 'élodie.martin@example.fr',
          subject: 'Réinitialisation de votre mot de passe — Relais',
          text: 'Bonjour Élodie,\n\nVoici le lien à usage unique : https://relais.test/r/abc\n\nÀ bientôt, l’équipe du département.',
        },
        clock.now(),
      ),
    );
    const report = await runDueJobs(deps(), mailJobHandlers(settings(`smtp://127.0.0.1:${smtpPort}`)));
    expect(report).toEqual({ done: 1, retried: 0, failed: 0 });

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe('ne-pas-repondre@relais.test');
    expect(mail.to).toEqual(['élodie.martin@example.fr']);
    const raw = mail.raw;
    // The subject is RFC 2047-encoded; decode it as a mail client would.
    const subjectLine = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)![1]!;
    const subject = subjectLine
      .split(/\r?\n[ \t]/)
      .map((w) => w.replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_, q: string) => decodeQuotedPrintable(q.replace(/_/g, ' '))))
      .join('');
    expect(subject).toBe('Réinitialisation de votre mot de passe — Relais');
    expect(raw).toMatch(/charset=utf-8/i);
    const body = decodeQuotedPrintable(raw.split(/\r?\n\r?\n/).slice(1).join('\n\n'));
    expect(body).toContain('Bonjour Élodie,');
    expect(body).toContain('https://relais.test/r/abc');
    expect(body).toContain('À bientôt, l’équipe du département.');
    expect(raw).toContain(`Message-ID: <relais-${id}@relais.test>`);

    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt).toEqual(clock.now());

    // Running the job queue again sends nothing more.
    await runDueJobs(deps(), mailJobHandlers(settings(`smtp://127.0.0.1:${smtpPort}`)));
    expect(received).toHaveLength(1);
  });

  it('sends the attachments kept with the mail (an appointment\'s calendar file)', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    await inTransaction(database.db, (tx) =>
      enqueueMail(tx, { to: 'rdv@example.fr', subject: 'Votre rendez-vous', text: 'Bonjour', attachments: [{ filename: 'rendez-vous.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }] }, clock.now()),
    );
    await runDueJobs(deps(), mailJobHandlers(settings(`smtp://127.0.0.1:${smtpPort}`)));
    expect(received).toHaveLength(1);
    const raw = received[0]!.raw;
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH;\s+name=rendez-vous\.ics/i);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=rendez-vous\.ics/i);
    const part = raw.split(/filename=rendez-vous\.ics\r?\n\r?\n/)[1]!;
    const encoded = part.split(/\r?\n--/)[0]!.replace(/\s+/g, '');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(ics);
  });

  it('retries later when the mail server refuses, then delivers', async () => {
    refuseNext = 1;
    const id = await inTransaction(database.db, (tx) => enqueueMail(tx, { to: 'agent@example.fr', subject: 'Invitation', text: 'Bienvenue' }, clock.now()));
    const handlers = mailJobHandlers(settings(`smtp://127.0.0.1:${smtpPort}`));
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 0, retried: 1, failed: 0 });
    let [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toContain('451');
    expect(received).toHaveLength(0);

    clock.advance(30_000);
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(received.map((m) => m.to)).toEqual([['agent@example.fr']]);
  });

  it('marks the mail failed when every attempt failed (server unreachable)', async () => {
    const id = await inTransaction(database.db, (tx) => enqueueMail(tx, { to: 'x@example.fr', subject: 'S', text: 'T' }, clock.now()));
    await database.db.update(jobs).set({ maxAttempts: 2 });
    // Port 1 on loopback: connection refused.
    const handlers = mailJobHandlers(settings('smtp://127.0.0.1:1'));
    await runDueJobs(deps(), handlers);
    clock.advance(3_600_000);
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 0, retried: 0, failed: 1 });
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
  });

  it('keeps the mail, sending nothing, when no SMTP server is configured (development)', async () => {
    const id = await inTransaction(database.db, (tx) => enqueueMail(tx, { to: 'dev@example.fr', subject: 'Essai', text: 'Corps' }, clock.now()));
    expect(await runDueJobs(deps(), mailJobHandlers(settings(undefined)))).toEqual({ done: 1, retried: 0, failed: 0 });
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: 'kept', sentAt: null });
    expect(received).toHaveLength(0);
  });

  it('sends nothing when the transaction that queued the mail is rolled back', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await enqueueMail(tx, { to: 'y@example.fr', subject: 'S', text: 'T' }, clock.now());
        throw new Error('annulé');
      }),
    ).rejects.toThrow('annulé');
    expect(await database.db.select().from(mailOutbox)).toEqual([]);
    expect(await runDueJobs(deps(), mailJobHandlers(settings(`smtp://127.0.0.1:${smtpPort}`)))).toEqual({ done: 0, retried: 0, failed: 0 });
  });
});
