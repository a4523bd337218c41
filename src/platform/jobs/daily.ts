// Daily recurring work on the durable jobs (expiring, anonymising): a job due every day at a given hour, Paris
// time. Boot makes sure one is waiting; each run, once its work is done, queues the next day's. The work must be
// idempotent (it looks at the data, not at the date it was meant for): two jobs of one kind (two processes
// booting at once) do the work twice harmlessly, and only the last one to finish finds none waiting and queues
// the next, so they do not multiply.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { parisMidnight, parisToday } from '../time/paris.ts';
import { enqueueJob } from './enqueue.ts';
import { jobs } from './jobs.table.ts';

export interface DailyJob {
  kind: string;
  /** Hour of the day, Paris time, when it becomes due. */
  hour: number;
}

/** The next time after `now` that the hour strikes in Paris. */
export function nextDailyRun(hour: number, now: Date): Date {
  const [y, m, d] = parisToday(now).split('-').map(Number) as [number, number, number];
  const today = new Date(parisMidnight(y, m, d).getTime() + hour * 3_600_000);
  if (today > now) return today;
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1));
  return new Date(parisMidnight(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate()).getTime() + hour * 3_600_000);
}

/** Queues the next run unless one is already queued. With `includeRunning`, a running one counts too (boot). */
async function queueNext(q: Queryable, job: DailyJob, now: Date, statuses: ('queued' | 'running')[]): Promise<boolean> {
  const waiting = await q
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, job.kind), inArray(jobs.status, statuses)))
    .limit(1);
  if (waiting.length > 0) return false;
  await enqueueJob(q, { kind: job.kind, runAt: nextDailyRun(job.hour, now) }, now);
  return true;
}

/** At boot: makes sure a run of this kind is waiting. Returns true when it queued one. */
export function scheduleDaily(q: Queryable, job: DailyJob, now: Date): Promise<boolean> {
  return queueNext(q, job, now, ['queued', 'running']);
}

/** At the end of a run, from its handler: queues the next day's run (the running job itself does not count). */
export function queueNextDaily(q: Queryable, job: DailyJob, now: Date): Promise<boolean> {
  return queueNext(q, job, now, ['queued']);
}
