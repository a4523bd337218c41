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
import { importPlaces, readCsv, type LineReport } from './modules/directory/index.ts';
import { importCommuneCentres } from './modules/territory/index.ts';
import { exportProcedureVersion, importProcedureVersion } from './modules/procedures/index.ts';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';

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
  import lieux FICHIER [--source NOM]
                              Importe des lieux de médiation numérique : CSV du schéma national v1.0.x, ou
                              ancien format « v0 » de la cartographie nationale (CSV ou JSON), ou JSON des
                              mêmes champs. Chaque ligne fautive est refusée en entier et listée avec toutes
                              ses erreurs ; les autres sont créées ou mises à jour. Un lieu est reconnu par sa
                              source (--source, par défaut le nom du fichier sans extension) et son « id » :
                              réimporter le même fichier ne change rien. Les lieux sans coordonnées sont
                              signalés « à géolocaliser ». Code de sortie 1 si une ligne a été refusée.
  import communes-centres FICHIER
                              Enregistre le centre de chaque commune (CSV avec le code INSEE, la latitude et
                              la longitude ; en-têtes acceptés : code_insee, insee, codgeo ; latitude, lat ;
                              longitude, lon, lng) pour mesurer les distances depuis une commune. Les lignes
                              fautives et les communes inconnues de l'installation sont signalées.
  import demarche FICHIER [--publier]
                              Importe une démarche décrite en JSON (voir seeds/procedures/) : chaque problème
                              est listé ; sinon une nouvelle version est créée, publiée avec --publier (les
                              dossiers déjà déposés gardent leur version). Réimporter le même fichier ne crée
                              rien.
  export demarche IDENTIFIANT [--version N]
                              Écrit sur la sortie le JSON de la version publiée (ou de la version N) d'une
                              démarche, pour la relire, la modifier ou l'installer ailleurs.
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

  async import(args, config, io) {
    const [what, ...rest] = args;
    if (what === 'lieux') return importPlacesCommand(rest, config, io);
    if (what === 'communes-centres') return importCentresCommand(rest, config, io);
    if (what === 'demarche') return importProcedureCommand(rest, config, io);
    throw new UsageError('import attend « lieux », « communes-centres » ou « demarche » puis le fichier, par exemple :\n  npm run relais -- import lieux lieux.csv --source hubik');
  },

  async export(args, config, io) {
    const [what, ...rest] = args;
    if (what !== 'demarche') throw new UsageError('export attend « demarche » puis son identifiant, par exemple :\n  npm run relais -- export demarche demande-de-mediation');
    const { values, positionals } = parseArgs({ args: rest, options: { version: { type: 'string' } }, allowPositionals: true, strict: true });
    const slug = positionals[0];
    if (!slug) throw new UsageError('export demarche demande l’identifiant de la démarche, par exemple demande-de-mediation');
    const version = values.version === undefined ? null : Number(values.version);
    if (version !== null && (!Number.isInteger(version) || version < 1)) throw new UsageError('--version attend un numéro de version, par exemple 2');
    const found = await withDatabase(config, (database) => exportProcedureVersion(database.db, slug, version));
    if (!found) {
      io.err(version === null ? `Aucune démarche publiée « ${slug} ».` : `La démarche « ${slug} » n’a pas de version ${version}.`);
      return 1;
    }
    io.out(JSON.stringify(found, null, 2));
    return 0;
  },

  async help(_args, _config, io) {
    io.out(HELP);
    return 0;
  },
};

class FileError extends Error {}

/** The file as UTF-8 text chunks; `onBytes` gets the bytes read so far (for the progress bar). */
async function* fileChunks(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const buffer of createReadStream(path) as AsyncIterable<Buffer>) {
      bytes += buffer.length;
      onBytes?.(bytes);
      yield decoder.decode(buffer, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (e) {
    if (e instanceof TypeError) throw new FileError(`Le fichier ${path} n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 puis recommencez.`);
    throw e;
  }
}

function checkFile(path: string | undefined, usage: string): string {
  if (!path) throw new UsageError(usage);
  try {
    if (!statSync(path).isFile()) throw new FileError(`${path} n’est pas un fichier.`);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`Impossible de lire le fichier ${path} : il n’existe pas ou n’est pas accessible.`);
  }
  return path;
}

/** A one-line progress bar on stderr, only when stderr is a terminal (never in logs or pipes). */
function progressBar(total: number): { update(bytes: number, rows: number): void; done(): void } {
  if (!process.stderr.isTTY) return { update() {}, done() {} };
  let last = 0;
  const draw = (bytes: number, rows: number) => {
    const share = total > 0 ? Math.min(1, bytes / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ${rows.toLocaleString('fr-FR')} lignes`);
  };
  let bytes = 0;
  return {
    update(b, rows) {
      bytes = Math.max(bytes, b);
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(bytes, rows);
    },
    done() {
      process.stderr.write('\r\x1b[2K');
    },
  };
}

const lineReport = (r: LineReport) => `  Ligne ${r.line} : ${r.errors.map((e) => e.message).join(' ; ')}`;

async function importProcedureCommand(args: string[], config: Config, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { publier: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const path = checkFile(positionals[0], 'import demarche demande le fichier JSON, par exemple :\n  npm run relais -- import demarche ma-demarche.json --publier');
  if (statSync(path).size > 2_000_000) throw new FileError('Le fichier fait plus de 2 Mo : ce n’est pas une définition de démarche.');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    io.err(`Le fichier n’est pas du JSON valide : ${(e as Error).message}`);
    return 1;
  }
  const result = await withDatabase(config, async (database) => {
    await database.exclusive(() => migrate(database));
    return importProcedureVersion({ db: database.db, clock: systemClock, ids: randomIds }, { userId: null, label: 'ligne de commande' }, json, { publish: values.publier === true });
  });
  if (!result.ok) {
    io.err('La démarche n’a pas été importée :');
    for (const p of result.problems) io.err(`  - ${p}`);
    return 1;
  }
  if (result.unchanged) io.out(`Rien de nouveau : la version ${result.version} est déjà celle-ci${result.published ? ' (publiée)' : ''}.`);
  else io.out(`Version ${result.version} créée${result.published ? ' et publiée : les nouveaux dossiers seront déposés avec elle' : ' (brouillon : relancez avec --publier pour la publier)'}.`);
  return 0;
}

async function importPlacesCommand(args: string[], config: Config, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { source: { type: 'string' } }, allowPositionals: true, strict: true });
  const path = checkFile(positionals[0], 'import lieux demande le fichier, par exemple :\n  npm run relais -- import lieux lieux.csv --source hubik');
  const source = (values.source ?? basename(path, extname(path))).trim();
  if (source === '') throw new UsageError('--source ne peut pas être vide.');
  const bar = progressBar(statSync(path).size);
  let bytes = 0;
  let headerPrinted = false;
  const result = await withDatabase(config, async (database) => {
    await database.exclusive(() => migrate(database));
    return importPlaces(
      { db: database.db, clock: systemClock, ids: randomIds },
      {
        chunks: fileChunks(path, (b) => (bytes = b)),
        source,
        fileName: basename(path),
        actor: { userId: null, label: 'ligne de commande' },
        onRow: (rows) => bar.update(bytes, rows),
        onRejected: (report) => {
          bar.done();
          if (!headerPrinted) io.out('Lignes refusées (aucune n’a été importée, même en partie) :');
          headerPrinted = true;
          io.out(lineReport(report));
        },
      },
    );
  });
  bar.done();
  for (const f of result.fileErrors) io.err(`Erreur dans le fichier : ${lineReport(f).trim()}`);
  for (const w of result.warnings) io.out(`Attention : ${w}`);
  const kind = result.version === 'v0' ? 'ancien format v0 de la cartographie nationale' : 'schéma v1.0.x';
  io.out(`Import de ${basename(path)} (${result.format.toUpperCase()}, ${kind}) pour la source « ${source} » : ${plural(result.rows, 'ligne lue', 'lignes lues')}.`);
  io.out(`  Créés : ${result.created}`);
  io.out(`  Mis à jour : ${result.updated}`);
  io.out(`  Inchangés : ${result.unchanged}`);
  io.out(`  Refusés : ${result.rejectedCount}`);
  io.out(`  À géolocaliser : ${result.toGeolocateCount}`);
  if (result.toGeolocateCount > 0) {
    io.out('Lieux à géolocaliser (sans latitude ni longitude) :');
    for (const g of result.toGeolocate.slice(0, 50)) io.out(`  Ligne ${g.line} : ${g.name} (id ${g.id})`);
    if (result.toGeolocateCount > 50) io.out(`  … et ${result.toGeolocateCount - 50} autres.`);
  }
  return result.fileErrors.length > 0 || result.rejectedCount > 0 ? 1 : 0;
}

async function importCentresCommand(args: string[], config: Config, io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const path = checkFile(positionals[0], 'import communes-centres demande le fichier, par exemple :\n  npm run relais -- import communes-centres communes.csv');
  const result = await withDatabase(config, async (database) => {
    await database.exclusive(() => migrate(database));
    return importCommuneCentres(
      { db: database.db, clock: systemClock, ids: randomIds },
      { rows: readCsv(fileChunks(path)), fileName: basename(path), actor: { userId: null, label: 'ligne de commande' } },
    );
  });
  if (result.fileError) {
    io.err(result.fileError);
    return 1;
  }
  io.out(`Centres des communes enregistrés : ${plural(result.updated, 'commune', 'communes')}.`);
  if (result.invalidCount > 0) {
    io.out(`Lignes refusées : ${result.invalidCount}`);
    for (const e of result.invalid) io.out(`  ${e.message}`);
    if (result.invalidCount > result.invalid.length) io.out(`  … et ${result.invalidCount - result.invalid.length} autres.`);
  }
  if (result.unknownCount > 0) {
    io.out(`Communes inconnues de cette installation (autre département ou code périmé), ignorées : ${result.unknownCount}`);
    io.out(`  ${result.unknownSample.join(', ')}${result.unknownCount > result.unknownSample.length ? ', …' : ''}`);
  }
  return result.invalidCount > 0 ? 1 : 0;
}

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
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof FileError) {
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
