// The boot, as a function: main.ts, the CLI and the tests start the same server.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app.tsx';
import type { Config } from './config.ts';
import { dailyJobs, jobHandlers, monthlyJobs } from './jobs.ts';
import { scheduleDaily } from './platform/jobs/daily.ts';
import { scheduleMonthly } from './platform/jobs/recurring.ts';
import { randomIds, systemClock, type Clock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { createFileStore } from './platform/files/create-file-store.ts';
import type { AppDeps } from './platform/http/context.ts';
import { startJobWorker, type JobWorker } from './platform/jobs/worker.ts';
import { createLogger } from './platform/logging.ts';
import { seedDemo, type SeedResult } from '../seeds/demo.ts';
import { hasTerritory, importTerritory } from './modules/territory/index.ts';

export interface RunningServer {
  /** Where the server answers (PUBLIC_URL, or http://localhost:<actual port> when none is set). */
  url: string;
  port: number;
  database: Database;
  deps: AppDeps;
  /** The demo seed's result when RELAIS_SEED_DEMO is on (its accounts, whether it seeded this time). */
  seed: SeedResult | null;
  /** Graceful stop: refuse new connections, let requests in flight finish (bounded), stop the worker, close the database. */
  stop(): Promise<void>;
}

/** Opens the database (PGlite or PostgreSQL), migrates it, seeds the demo, and serves the app. */
export async function openAndPrepare(config: Config, logger: Logger, clock: Clock = systemClock): Promise<{ database: Database; seed: SeedResult | null }> {
  const database = await openDatabase(
    config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    // Several processes starting together on one PostgreSQL migrate and seed one after the other.
    const seed = await database.exclusive(async () => {
      await migrate(database);
      // The communes of the département are reference data every installation needs, demo or not.
      if (!(await hasTerritory(database.db, config.departement))) await importTerritory({ db: database.db }, config.departement);
      for (const job of monthlyJobs) await scheduleMonthly(database.db, job, clock.now());
      for (const job of dailyJobs) await scheduleDaily(database.db, job, clock.now());
      return config.seedDemo ? seedDemo({ db: database.db, clock, ids: randomIds }, config.departement) : null;
    });
    if (seed?.seeded) logger.info({ departement: config.departement }, 'données de démonstration créées');
    return { database, seed };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function startServer(
  config: Config,
  opts: { logger?: Logger; clock?: Clock; shutdownGraceMs?: number } = {},
): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const clock = opts.clock ?? systemClock;
  const { database, seed } = await openAndPrepare(config, logger, clock);
  const lifecycle = { shuttingDown: false };
  const deps: AppDeps = { config, db: database.db, dbKind: database.kind, logger, clock, ids: randomIds, files: createFileStore(config), lifecycle };
  const app = createApp(deps);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl && !/:0$/.test(config.publicUrl) && config.port !== 0 ? config.publicUrl : `http://localhost:${port}`;

  const worker: JobWorker | null = config.jobs.worker
    ? startJobWorker({ db: database.db, clock, logger: logger.child({ component: 'jobs' }) }, jobHandlers(config), {
        pollMs: config.jobs.pollMs,
      })
    : null;

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      lifecycle.shuttingDown = true;
      const grace = opts.shutdownGraceMs ?? 10_000;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with no request in flight would hold close() open.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const bounded = Promise.race([
        closed,
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logger.warn({ graceMs: grace }, 'des requêtes n’ont pas fini à temps : connexions fermées');
            if ('closeAllConnections' in server) server.closeAllConnections();
            resolve();
          }, grace);
        }),
      ]);
      await Promise.all([bounded, worker?.stop()]);
      clearTimeout(timer);
      await database.close();
    })());

  return { url, port, database, deps, seed, stop };
}
