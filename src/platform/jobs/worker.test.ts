import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-db.ts';
import { manualClock } from '../clock.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { enqueueJob } from './enqueue.ts';
import { jobs } from './jobs.table.ts';
import { purgeFinishedJobs, runDueJobs, startJobWorker, type JobHandlers } from './worker.ts';

const logger = pino({ level: 'silent' });
let database: TestDatabase;
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
const deps = () => ({ db: database.db, clock, logger });

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(jobs);
  clock.set(new Date('2026-03-02T09:00:00Z'));
});

async function job(id: number) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

describe('durable jobs', () => {
  it('purges done jobs after 30 days and failed ones after 90, never a waiting one', async () => {
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * day);
    const insert = (status: 'done' | 'failed' | 'queued', daysAgo: number) =>
      database.db
        .insert(jobs)
        .values({ kind: 'test.old', status, runAt: at(daysAgo), createdAt: at(daysAgo), finishedAt: status === 'queued' ? null : at(daysAgo) })
        .returning({ id: jobs.id })
        .then((r) => r[0]!.id);
    const oldDone = await insert('done', 31);
    const recentDone = await insert('done', 29);
    const oldFailed = await insert('failed', 91);
    const failed = await insert('failed', 60);
    const waiting = await insert('queued', 400);
    expect(await purgeFinishedJobs(database.db, clock.now())).toBe(2);
    const left = (await database.db.select({ id: jobs.id }).from(jobs)).map((r) => r.id).sort((a, b) => a - b);
    expect(left).toEqual([recentDone, failed, waiting].sort((a, b) => a - b));
    expect(left).not.toContain(oldDone);
    expect(left).not.toContain(oldFailed);
  });

  it('runs a due job once with its payload, and leaves a future job for later', async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { 'test.echo': async (j) => void seen.push(j.payload) };
    const due = await enqueueJob(database.db, { kind: 'test.echo', payload: { n: 1 } }, clock.now());
    const later = await enqueueJob(database.db, { kind: 'test.echo', payload: { n: 2 }, runAt: new Date(clock.now().getTime() + 60_000) }, clock.now());

    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ n: 1 }]);
    expect((await job(due)).status).toBe('done');
    expect((await job(due)).finishedAt).toEqual(clock.now());
    expect((await job(later)).status).toBe('queued');

    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.advance(60_000);
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('retries a failing job with exponential backoff, recording the error and the attempts', async () => {
    let calls = 0;
    const handlers: JobHandlers = {
      'test.flaky': async () => {
        calls++;
        if (calls < 3) throw new Error(`panne n° ${calls}`);
      },
    };
    const id = await enqueueJob(database.db, { kind: 'test.flaky' }, clock.now());
    const t0 = clock.now().getTime();

    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 0, retried: 1, failed: 0 });
    let row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lockedBy: null });
    expect(row.lastError).toContain('panne n° 1');
    expect(row.runAt.getTime()).toBe(t0 + 30_000);

    clock.advance(29_999);
    expect((await runDueJobs(deps(), handlers)).retried).toBe(0);
    clock.advance(1);
    expect((await runDueJobs(deps(), handlers)).retried).toBe(1);
    row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(row.lastError).toContain('panne n° 2');
    // Twice the first delay after the second failure.
    expect(row.runAt.getTime()).toBe(t0 + 30_000 + 60_000);

    clock.advance(60_000);
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 3 });
    expect(calls).toBe(3);
  });

  it('marks a job failed after its last attempt and never runs it again', async () => {
    const attempts: boolean[] = [];
    const handlers: JobHandlers = {
      'test.broken': async (j) => {
        attempts.push(j.isLastAttempt);
        throw new Error('toujours en panne');
      },
    };
    const id = await enqueueJob(database.db, { kind: 'test.broken', maxAttempts: 3 }, clock.now());
    for (let i = 0; i < 3; i++) {
      await runDueJobs(deps(), handlers);
      clock.advance(24 * 3_600_000);
    }
    expect(attempts).toEqual([false, false, true]);
    const row = await job(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toContain('toujours en panne');
    clock.advance(24 * 3_600_000);
    expect(await runDueJobs(deps(), handlers)).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(attempts).toHaveLength(3);
  });

  it('takes again a job left running by a process that died, once it is stale, but not a fresh one', async () => {
    const ran: number[] = [];
    const handlers: JobHandlers = { 'test.crash': async (j) => void ran.push(j.id) };
    const id = await enqueueJob(database.db, { kind: 'test.crash' }, clock.now());
    // As a process would leave it when killed during the handler.
    await database.db.update(jobs).set({ status: 'running', attempts: 1, lockedAt: clock.now(), lockedBy: 'mort:1' }).where(eq(jobs.id, id));

    clock.advance(5 * 60_000);
    expect((await runDueJobs(deps(), handlers, { staleAfterMs: 10 * 60_000 })).done).toBe(0);
    expect(await job(id)).toMatchObject({ status: 'running', lockedBy: 'mort:1' });

    clock.advance(5 * 60_000 + 1);
    expect((await runDueJobs(deps(), handlers, { staleAfterMs: 10 * 60_000 })).done).toBe(1);
    expect(ran).toEqual([id]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
  });

  it('marks failed a stale job that died on its last attempt instead of running it again', async () => {
    const ran: number[] = [];
    const handlers: JobHandlers = { 'test.crash': async (j) => void ran.push(j.id) };
    const id = await enqueueJob(database.db, { kind: 'test.crash', maxAttempts: 2 }, clock.now());
    await database.db.update(jobs).set({ status: 'running', attempts: 2, lockedAt: clock.now(), lockedBy: 'mort:1' }).where(eq(jobs.id, id));
    clock.advance(11 * 60_000);
    await runDueJobs(deps(), handlers);
    expect(ran).toEqual([]);
    const row = await job(id);
    expect(row.status).toBe('failed');
    expect(row.lastError).toContain('dernière tentative');
  });

  it('claims only the kinds it has a handler for', async () => {
    const id = await enqueueJob(database.db, { kind: 'test.unknown' }, clock.now());
    expect(await runDueJobs(deps(), { 'test.other': async () => {} })).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await job(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('stops the polling loop only after the job in progress has finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const startedP = new Promise<void>((r) => (started = r));
    const handlers: JobHandlers = {
      'test.slow': async () => {
        started();
        await gate;
      },
    };
    const first = await enqueueJob(database.db, { kind: 'test.slow' }, clock.now());
    const second = await enqueueJob(database.db, { kind: 'test.slow' }, clock.now());
    const worker = startJobWorker(deps(), handlers, { pollMs: 10 });
    await startedP;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await job(first)).status).toBe('done');
    // Nothing new is taken once stop() was asked.
    expect((await job(second)).status).toBe('queued');
  });

  it('runs every job exactly once with two workers polling the same queue (on PostgreSQL: two connection pools)', async () => {
    const count = 120;
    for (let i = 0; i < count; i++) await enqueueJob(database.db, { kind: 'test.count', payload: { i } }, clock.now());
    const runs = new Map<number, string[]>();
    const handlersFor = (name: string): JobHandlers => ({
      'test.count': async (j) => {
        runs.set(j.id, [...(runs.get(j.id) ?? []), name]);
        // A little work, so that both workers are inside handlers at the same time.
        await new Promise((r) => setTimeout(r, Math.random() * 4));
      },
    });
    // A second pool on the same PostgreSQL database behaves as another process would; PGlite is one process.
    const other: Database | null = database.url ? await openDatabase({ kind: 'postgres', url: database.url, max: 3 }) : null;
    try {
      const a = startJobWorker({ db: database.db, clock, logger }, handlersFor('a'), { pollMs: 5, workerId: 'a' });
      const b = startJobWorker({ db: (other ?? database).db, clock, logger }, handlersFor('b'), { pollMs: 5, workerId: 'b' });
      const deadline = Date.now() + 20_000;
      while (runs.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await other?.close();
    }
    expect(runs.size).toBe(count);
    expect([...runs.values()].filter((who) => who.length !== 1)).toEqual([]);
    const rows = await database.db.select().from(jobs);
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    if (database.url) {
      const byWorker = [...runs.values()].flat();
      expect(byWorker.filter((w) => w === 'a').length).toBeGreaterThan(0);
      expect(byWorker.filter((w) => w === 'b').length).toBeGreaterThan(0);
    }
  });
});
