import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-db.ts';
import { manualClock } from '../clock.ts';
import { inTransaction } from '../db/transaction.ts';
import { jobs } from '../jobs/jobs.table.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { enqueueSms, httpSmsProvider, keepingSmsProvider, smsJobHandlers } from './sms.ts';
import { smsOutbox } from './sms.table.ts';

const logger = pino({ level: 'silent' });
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
let database: TestDatabase;
let gateway: Server;
let gatewayUrl: string;
const received: { auth: string | undefined; body: unknown }[] = [];
let failNext = 0;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  database = await openTestDatabase();
  // A real HTTP gateway on loopback, answering as a provider's API would.
  gateway = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('indisponible');
        return;
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `msg-${received.length}` }));
    });
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await new Promise<void>((r) => gateway.close(() => r()));
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(jobs);
  await database.db.delete(smsOutbox);
  received.length = 0;
  failNext = 0;
});

const deps = () => ({ db: database.db, clock, logger });

describe('SMS delivery', () => {
  it('posts the message to the HTTP gateway with the token and sender, once', async () => {
    const id = await inTransaction(database.db, (tx) => enqueueSms(tx, { to: '+33612345678', text: 'Rappel : rendez-vous jeudi à 9 h 30 au CDAS.' }, clock.now()));
    const handlers = smsJobHandlers(httpSmsProvider({ url: gatewayUrl, token: 'secret-passerelle', sender: 'CD35' }));
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(received).toEqual([{ auth: 'Bearer secret-passerelle', body: { from: 'CD35', to: '+33612345678', text: 'Rappel : rendez-vous jeudi à 9 h 30 au CDAS.' } }]);
    const [row] = await database.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', providerMessageId: 'msg-1', attempts: 1 });
    await runDueJobs(deps(), handlers);
    expect(received).toHaveLength(1);
  });

  it('retries when the gateway fails, then delivers', async () => {
    failNext = 1;
    const id = await inTransaction(database.db, (tx) => enqueueSms(tx, { to: '+33612345678', text: 'Bonjour' }, clock.now()));
    const handlers = smsJobHandlers(httpSmsProvider({ url: gatewayUrl, token: null, sender: 'Relais' }));
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 0, retried: 1, failed: 0 });
    let [row] = await database.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
    expect(row!.lastError).toContain('503');
    clock.advance(60_000);
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    [row] = await database.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received[0]!.auth).toBeUndefined();
  });

  it('keeps the message for the admins when no gateway is configured', async () => {
    const id = await inTransaction(database.db, (tx) => enqueueSms(tx, { to: '+33612345678', text: 'Bonjour' }, clock.now()));
    await runDueJobs(deps(), smsJobHandlers(keepingSmsProvider));
    const [row] = await database.db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
    expect(row!.status).toBe('kept');
    expect(received).toHaveLength(0);
  });
});
