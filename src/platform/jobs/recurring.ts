// Monthly recurring work on the durable jobs: one job per month, keyed by its period (« 2026-03 »), due on the
// 1st at a given hour in Paris. Boot makes sure the next one is queued; the job itself, in the transaction
// that does the work, records that the period ran (recurring_runs) and queues the next month. A second job
// for the same period (two processes scheduling at once, a retry) finds the record and does nothing.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.ts';
import { parisMidnight, parisToday } from '../time/paris.ts';
import { enqueueJob } from './enqueue.ts';
import { jobs, recurringRuns } from './jobs.table.ts';

export interface MonthlyJob {
  kind: string;
  /** Hour of the 1st of the month, Paris time, when it becomes due. */
  hour: number;
}

/** The month of an instant in Paris, « YYYY-MM ». */
export function monthOf(at: Date): string {
  return parisToday(at).slice(0, 7);
}

export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** When the job of a period is due: the 1st of that month at `hour`, Paris time. */
export function monthlyDueAt(period: string, hour: number): Date {
  const [y, m] = period.split('-').map(Number) as [number, number];
  // The 1st of a month is never a change of summer time (those are last Sundays), so adding hours is exact.
  return new Date(parisMidnight(y, m, 1).getTime() + hour * 3_600_000);
}

async function hasRun(q: Queryable, kind: string, period: string): Promise<boolean> {
  const rows = await q
    .select({ period: recurringRuns.period })
    .from(recurringRuns)
    .where(and(eq(recurringRuns.kind, kind), eq(recurringRuns.period, period)));
  return rows.length > 0;
}

async function hasRunEver(q: Queryable, kind: string): Promise<boolean> {
  const rows = await q.select({ period: recurringRuns.period }).from(recurringRuns).where(eq(recurringRuns.kind, kind)).limit(1);
  return rows.length > 0;
}

/**
 * Makes sure a job of this kind is waiting: this month's when it has not run yet and the work ran before
 * (due at once if its time is past: a server that was down on the 1st catches up), otherwise next month's. Does nothing when one is
 * already queued or running. Returns the period queued, or null.
 */
export async function scheduleMonthly(q: Queryable, job: MonthlyJob, now: Date): Promise<string | null> {
  const waiting = await q
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, job.kind), inArray(jobs.status, ['queued', 'running'])))
    .limit(1);
  if (waiting.length > 0) return null;
  const current = monthOf(now);
  // A fresh installation waits for the next 1st; one that already ran catches up a month it missed.
  const period = (await hasRun(q, job.kind, current)) || !(await hasRunEver(q, job.kind)) ? nextMonth(current) : current;
  await enqueueMonthly(q, job, period, now);
  return period;
}

async function enqueueMonthly(q: Queryable, job: MonthlyJob, period: string, now: Date): Promise<void> {
  const due = monthlyDueAt(period, job.hour);
  await enqueueJob(q, { kind: job.kind, payload: { period }, runAt: due > now ? due : now }, now);
}

/**
 * For the job's handler, inside the transaction that does the period's work: records the period as done and
 * queues the next month. Returns false (and changes nothing) when the period already ran: skip the work.
 */
export async function claimMonthlyRun(tx: Tx, job: MonthlyJob, period: string, now: Date): Promise<boolean> {
  const inserted = await tx
    .insert(recurringRuns)
    .values({ kind: job.kind, period, ranAt: now })
    .onConflictDoNothing()
    .returning({ period: recurringRuns.period });
  if (inserted.length === 0) return false;
  // The next month's job, unless one is already waiting (scheduled by a boot meanwhile).
  const next = nextMonth(period);
  const waiting = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, job.kind), eq(jobs.status, 'queued'), sql`${jobs.payload}->>'period' = ${next}`))
    .limit(1);
  if (waiting.length === 0) await enqueueMonthly(tx, job, next, now);
  return true;
}

/** The period a job was queued for, from its payload (« YYYY-MM »), or null when it is not one. */
export function periodOf(payload: Record<string, unknown>): string | null {
  const p = payload.period;
  return typeof p === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(p) ? p : null;
}
