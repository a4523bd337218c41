// Boot: read config, open the database, migrate, seed the demo, serve; close everything on SIGTERM/SIGINT.
import { serve } from '@hono/node-server';
import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { createApp } from './app.tsx';
import { openDatabase } from './platform/db/client.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { randomIds, systemClock } from './platform/clock.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: { app: 'relais' } });
  const database = await openDatabase(
    config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  await migrate(database);
  const app = createApp({ config, db: database.db, dbKind: database.kind, logger, clock: systemClock, ids: randomIds });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    console.log(`\nRelais est prêt sur ${config.publicUrl} (port ${info.port}, base ${database.kind}, ${ms} ms)\n`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'arrêt en cours');
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Relais n’a pas pu démarrer :', error);
  }
  process.exit(1);
});
