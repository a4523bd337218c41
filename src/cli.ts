// `npm run relais -- <commande>`: operations on an installation, with the same configuration as the server.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { jobHandlers } from './jobs.ts';
import { randomIds, systemClock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/client.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { runDueJobs } from './platform/jobs/worker.ts';
import { createLogger } from './platform/logging.ts';
import { openAndPrepare } from './server.ts';
import { createInvitation } from './modules/accounts/index.ts';

const HELP = `Relais — commandes d'exploitation

Usage : npm run relais -- <commande> [options]

Commandes :
  create-admin --email ADRESSE --name "Prénom Nom"
                              Crée un compte d'administrateur du département (tout le territoire) et affiche
                              un lien d'invitation à usage unique, valable 7 jours, pour choisir le mot de
                              passe et configurer la double authentification. Le même lien part aussi par
                              courriel (ou reste visible sur /admin/courriels sans SMTP_URL).
  migrate                     Applique les migrations de la base de données qui ne l'ont pas encore été.
  run-jobs [--limite N]       Exécute une fois les tâches en attente (envoi des courriels, …) et affiche
                              combien ont abouti, sont reportées (nouvel essai plus tard) ou ont échoué.
                              Utile quand le serveur tourne avec JOBS_WORKER=false.
  reseed-demo --confirmer     Remet l'installation dans l'état de démonstration : EFFACE TOUTES LES DONNÉES
                              (comptes, journal d'audit, territoire, centres…), réapplique les migrations
                              puis recrée la démonstration du département RELAIS_DEPARTEMENT et affiche les
                              comptes de démonstration. Refusé quand NODE_ENV=production.
  help                        Affiche cette aide.

La base utilisée est celle de la configuration (DATABASE_URL, sinon la base embarquée de RELAIS_DATA_DIR).
Avec la base embarquée, arrêtez d'abord le serveur : un seul processus peut l'ouvrir.

Codes de sortie : 0 réussi, 1 erreur, 2 commande ou option invalide.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

class UsageError extends Error {}

function target(config: Config) {
  return config.database.kind === 'postgres' ? config.database : { kind: 'pglite' as const, dataDir: config.database.dataDir };
}

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target(config));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

const commands: Record<string, (args: string[], config: Config, io: CliIo) => Promise<number>> = {
  async 'create-admin'(args, config, io) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
    if (!values.email || !values.name) throw new UsageError('create-admin demande --email et --name, par exemple :\n  npm run relais -- create-admin --email claire.dupont@departement.fr --name "Claire Dupont"');
    const email = values.email;
    const name = values.name;
    const result = await withDatabase(config, async (database) => {
      await database.exclusive(() => migrate(database));
      return createInvitation(
        { db: database.db, clock: systemClock, ids: randomIds, config },
        { email, displayName: name, invitedBy: { id: null, label: 'ligne de commande' }, roles: [{ role: 'admin' }] },
      );
    });
    if (!result.ok) {
      for (const message of Object.values(result.errors)) io.err(message);
      return 1;
    }
    io.out(`Compte d’administrateur créé pour ${name} <${email}>.`);
    io.out(`Lien d’invitation à usage unique, valable 7 jours :\n  ${result.link}`);
    io.out(config.smtpUrl ? 'Ce lien a aussi été envoyé par courriel.' : 'Sans SMTP_URL, le courriel est conservé et visible sur /admin/courriels.');
    return 0;
  },

  async migrate(args, config, io) {
    parseArgs({ args, options: {}, strict: true });
    await withDatabase(config, (database) => database.exclusive(() => migrate(database)));
    io.out('Migrations appliquées : la base est à jour.');
    return 0;
  },

  async 'run-jobs'(args, config, io) {
    const { values } = parseArgs({ args, options: { limite: { type: 'string' } }, strict: true });
    const limit = values.limite === undefined ? 1000 : Number(values.limite);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limite attend un nombre entier positif.');
    const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
    const report = await withDatabase(config, (database) =>
      runDueJobs({ db: database.db, clock: systemClock, logger }, jobHandlers(config), { limit }),
    );
    io.out(
      `Tâches exécutées : ${plural(report.done, 'terminée', 'terminées')}, ${plural(report.retried, 'reportée', 'reportées')} (nouvel essai plus tard), ${plural(report.failed, 'en échec définitif', 'en échec définitif')}.`,
    );
    return 0;
  },

  async 'reseed-demo'(args, config, io) {
    const { values } = parseArgs({ args, options: { confirmer: { type: 'boolean' } }, strict: true });
    if (config.env === 'production') {
      io.err('Refusé : reseed-demo efface toutes les données et n’est pas permis quand NODE_ENV=production.');
      return 1;
    }
    if (!values.confirmer) {
      throw new UsageError(
        'reseed-demo efface toutes les données de cette installation. Relancez avec --confirmer pour le faire.',
      );
    }
    await withDatabase(config, (database) =>
      database.exclusive(async () => {
        // Dropping the schemas (DDL) also removes the append-only audit journal, which no DELETE could.
        await database.db.execute(sql`drop schema if exists drizzle cascade`);
        await database.db.execute(sql`drop schema public cascade`);
        await database.db.execute(sql`create schema public`);
      }),
    );
    io.out('Données effacées.');
    const logger = createLogger({ level: 'warn' });
    const { database, seed } = await openAndPrepare({ ...config, seedDemo: true }, logger);
    await database.close();
    io.out(`Démonstration recréée pour le département ${config.departement}.`);
    if (seed && seed.accounts.length > 0) {
      io.out('Comptes de démonstration :');
      for (const a of seed.accounts) io.out(`  - ${a.role} : ${a.email} / ${a.password}`);
    }
    return 0;
  },

  async help(_args, _config, io) {
    io.out(HELP);
    return 0;
  },
};

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env, io: CliIo = consoleIo): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = name === '--help' || name === '-h' ? commands.help! : commands[name];
  if (!command) {
    io.err(`Commande inconnue : « ${name} ».\n`);
    io.err(HELP);
    return 2;
  }
  try {
    const config = loadConfig(env);
    return await command(args, config, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`Option invalide : ${error.message}\nVoir : npm run relais -- help`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    io.err(`La commande « ${name} » a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
