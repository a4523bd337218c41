// Boot: read config, start the server (database, migrations, demo seed, jobs), print where it answers and the
// demo accounts; on SIGTERM/SIGINT stop gracefully (requests in flight finish, the database is closed).
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { createLogger } from './platform/logging.ts';
import { startServer } from './server.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const server = await startServer(config, { logger });
  const ms = Math.round(performance.now() - started);
  const lines = [``, `Relais est prêt sur ${server.url} (port ${server.port}, base ${server.database.kind}, ${ms} ms)`];
  if (server.seed && server.seed.accounts.length > 0) {
    lines.push(``, `Comptes de démonstration (département ${config.departement}) :`);
    for (const a of server.seed.accounts) lines.push(`  - ${a.role} : ${a.email} / ${a.password}`);
  }
  console.log(lines.join('\n') + '\n');

  const stop = (signal: string) => {
    logger.info({ signal }, 'arrêt en cours');
    server.stop().then(
      () => {
        console.log('Relais est arrêté.');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'arrêt incomplet');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('Relais n’a pas pu démarrer : le port demandé (variable PORT) est déjà utilisé par un autre programme. Arrêtez-le ou choisissez un autre PORT.');
  } else {
    console.error('Relais n’a pas pu démarrer :', error);
  }
  process.exit(1);
});
