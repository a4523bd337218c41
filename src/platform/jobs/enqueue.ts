import type { Queryable } from '../db/client.ts';
import { jobs } from './jobs.table.ts';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** When it may run; now by default. */
  runAt?: Date;
  maxAttempts?: number;
}

/** Queues a durable job in the caller's transaction. Handlers are registered with the worker (platform/jobs/worker.ts). */
export async function enqueueJob(q: Queryable, job: NewJob, now: Date): Promise<number> {
  const [row] = await q
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? now,
      maxAttempts: job.maxAttempts ?? 5,
      createdAt: now,
    })
    .returning({ id: jobs.id });
  return row!.id;
}
