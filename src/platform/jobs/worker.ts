// Durable jobs: rows of the `jobs` table, claimed with SELECT … FOR UPDATE SKIP LOCKED so that any number of
// worker processes on one PostgreSQL never take the same job twice, and the same code runs on PGlite.
// A handler runs outside the claiming transaction (a long handler must not hold a lock, and PGlite has a
// single connection). Delivery is at least once: a process that dies while running a job leaves it
// 'running'; after `staleAfterMs` another worker takes it again. Handlers must therefore be idempotent.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { jobs } from './jobs.table.ts';

export interface RunningJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  /** This run's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /** True when a failure of this run marks the job 'failed' (handlers use it to record a final state). */
  isLastAttempt: boolean;
}

export interface JobContext {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export type JobHandler = (job: RunningJob, ctx: JobContext) => Promise<void>;
/** Handlers by job kind. A worker claims only the kinds it has a handler for. */
export type JobHandlers = Record<string, JobHandler>;

export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface RunOptions {
  /** The time of this pass (due jobs have run_at ≤ now); the deps' clock by default. */
  now?: Date;
  /** At most this many jobs in this pass. */
  limit?: number;
  /** A 'running' job locked longer ago than this is taken again (its process died). */
  staleAfterMs?: number;
  /** Names this worker in locked_by. */
  workerId?: string;
  /** When aborted, the pass ends after the job in progress. */
  signal?: AbortSignal;
}

export interface RunReport {
  done: number;
  retried: number;
  failed: number;
}

export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;

// Finished jobs are history, not data: done ones are kept 30 days, failed ones 90 days (time to look into them).
export const KEEP_DONE_JOBS_MS = 30 * 86_400_000;
export const KEEP_FAILED_JOBS_MS = 90 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

/** Deletes the finished jobs older than their keeping time; returns how many. */
export async function purgeFinishedJobs(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(now.getTime() - KEEP_DONE_JOBS_MS))),
        and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, new Date(now.getTime() - KEEP_FAILED_JOBS_MS))),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;

/** Delay before the next try after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min, … capped at 6 h. */
export function backoffDelayMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Claims one due job and marks it running, in one short transaction. A stale job whose attempts are used up
 * is marked failed instead (it died mid-run on its last attempt).
 */
async function claimOne(db: Db, kinds: string[], now: Date, staleBefore: Date, workerId: string): Promise<RunningJob | null> {
  for (;;) {
    const claimed = await claimOnce(db, kinds, now, staleBefore, workerId);
    if (claimed !== 'again') return claimed;
  }
}

async function claimOnce(db: Db, kinds: string[], now: Date, staleBefore: Date, workerId: string): Promise<RunningJob | null | 'again'> {
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: jobs.id, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts, status: jobs.status })
      .from(jobs)
      .where(
        and(
          inArray(jobs.kind, kinds),
          or(
            and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
            and(eq(jobs.status, 'running'), lt(jobs.lockedAt, staleBefore)),
          ),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!candidate) return null;
    if (candidate.status === 'running' && candidate.attempts >= candidate.maxAttempts) {
      await tx
        .update(jobs)
        .set({
          status: 'failed',
          lockedAt: null,
          lockedBy: null,
          finishedAt: now,
          lastError: 'Interrompue (le processus qui l’exécutait s’est arrêté) lors de sa dernière tentative',
        })
        .where(eq(jobs.id, candidate.id));
      return 'again' as const;
    }
    const [row] = await tx
      .update(jobs)
      .set({ status: 'running', lockedAt: now, lockedBy: workerId, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, candidate.id))
      .returning();
    return {
      id: row!.id,
      kind: row!.kind,
      payload: row!.payload,
      attempt: row!.attempts,
      maxAttempts: row!.maxAttempts,
      isLastAttempt: row!.attempts >= row!.maxAttempts,
    };
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 4000);
  return String(error).slice(0, 4000);
}

/** One pass: runs due jobs one after the other until none is due or `limit` is reached. */
export async function runDueJobs(deps: JobDeps, handlers: JobHandlers, opts: RunOptions = {}): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, failed: 0 };
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return report;
  const limit = opts.limit ?? 100;
  const workerId = opts.workerId ?? defaultWorkerId();
  const staleAfter = opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  for (let i = 0; i < limit && !opts.signal?.aborted; i++) {
    const now = opts.now ?? deps.clock.now();
    const job = await claimOne(deps.db, kinds, now, new Date(now.getTime() - staleAfter), workerId);
    if (!job) break;
    const outcome = await runOne(deps, handlers, job, workerId);
    report[outcome]++;
  }
  return report;
}

async function runOne(deps: JobDeps, handlers: JobHandlers, job: RunningJob, workerId: string): Promise<keyof RunReport> {
  const logger = deps.logger.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempt });
  // Only the worker that holds the job may settle it: if it was taken again as stale meanwhile, we leave it be.
  const mine = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId));
  try {
    await handlers[job.kind]!(job, { db: deps.db, clock: deps.clock, logger });
  } catch (error) {
    const finishedAt = deps.clock.now();
    if (job.isLastAttempt) {
      logger.error({ err: error }, 'tâche en échec définitif');
      await deps.db
        .update(jobs)
        .set({ status: 'failed', lastError: describeError(error), lockedAt: null, lockedBy: null, finishedAt })
        .where(mine);
      return 'failed';
    }
    const runAt = new Date(finishedAt.getTime() + backoffDelayMs(job.attempt));
    logger.warn({ err: error, retryAt: runAt.toISOString() }, 'tâche en erreur, nouvel essai prévu');
    await deps.db
      .update(jobs)
      .set({ status: 'queued', lastError: describeError(error), lockedAt: null, lockedBy: null, runAt })
      .where(mine);
    return 'retried';
  }
  await deps.db
    .update(jobs)
    .set({ status: 'done', lockedAt: null, lockedBy: null, finishedAt: deps.clock.now() })
    .where(mine);
  logger.debug('tâche terminée');
  return 'done';
}

export interface JobWorker {
  /** Stops polling and waits for the job in progress to finish. */
  stop(): Promise<void>;
}

/** A polling loop: runs passes while jobs are due, sleeps `pollMs` when none is. */
export function startJobWorker(
  deps: JobDeps,
  handlers: JobHandlers,
  opts: { pollMs: number; staleAfterMs?: number; workerId?: string; batch?: number },
): JobWorker {
  const workerId = opts.workerId ?? defaultWorkerId();
  const abort = new AbortController();
  let stopping = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  let lastPurge = 0;
  const loop = (async () => {
    while (!stopping) {
      let ran = 0;
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await purgeFinishedJobs(deps.db, deps.clock.now()).catch((error: unknown) =>
          deps.logger.error({ err: error }, 'la purge des tâches terminées a échoué'),
        );
      }
      try {
        const r = await runDueJobs(deps, handlers, {
          limit: opts.batch ?? 10,
          workerId,
          signal: abort.signal,
          ...(opts.staleAfterMs ? { staleAfterMs: opts.staleAfterMs } : {}),
        });
        ran = r.done + r.retried + r.failed;
      } catch (error) {
        if (stopping) break;
        deps.logger.error({ err: error }, 'le traitement des tâches a échoué');
      }
      if (!stopping && ran === 0) await sleep(opts.pollMs);
    }
  })();
  return {
    async stop() {
      stopping = true;
      abort.abort();
      wake?.();
      await loop;
    },
  };
}
