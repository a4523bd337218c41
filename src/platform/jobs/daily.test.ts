import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-db.ts';
import { nextDailyRun, queueNextDaily, scheduleDaily } from './daily.ts';
import { jobs } from './jobs.table.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(jobs).where(eq(jobs.kind, 'test.daily'));
});

const job = { kind: 'test.daily', hour: 2 };
const queued = () => database.db.select().from(jobs).where(eq(jobs.kind, 'test.daily'));

describe('daily jobs', () => {
  it('is due at the hour in Paris: today when it is still to come, else tomorrow, in winter and in summer', () => {
    // 00:30 UTC on 2 March = 01:30 in Paris (UTC+1): 02:00 Paris is still to come today.
    expect(nextDailyRun(2, new Date('2026-03-02T00:30:00Z')).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(nextDailyRun(2, new Date('2026-03-02T01:00:00Z')).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    // Summer (UTC+2), and across the end of a month.
    expect(nextDailyRun(3, new Date('2026-07-31T12:00:00Z')).toISOString()).toBe('2026-08-01T01:00:00.000Z');
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(nextDailyRun(2, new Date('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });

  it('queues one run at boot, never a second one, and the next day’s from the running one', async () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(await scheduleDaily(database.db, job, now)).toBe(true);
    expect(await scheduleDaily(database.db, job, now)).toBe(false);
    const [first] = await queued();
    expect(first!.runAt.toISOString()).toBe('2026-03-03T01:00:00.000Z');

    // The run: while it is running, a boot queues nothing; at its end it queues tomorrow's.
    await database.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, first!.id));
    expect(await scheduleDaily(database.db, job, now)).toBe(false);
    const later = new Date('2026-03-03T01:00:05Z');
    expect(await queueNextDaily(database.db, job, later)).toBe(true);
    expect(await queueNextDaily(database.db, job, later)).toBe(false);
    const waiting = (await queued()).filter((j) => j.status === 'queued');
    expect(waiting.map((j) => j.runAt.toISOString())).toEqual(['2026-03-04T01:00:00.000Z']);
  });
});
