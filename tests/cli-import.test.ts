// `npm run relais -- import …` against a fresh database of the engine under test, as a separate process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { importTerritory } from '../src/modules/territory/index.ts';
import { freshTarget, type FreshTarget } from './support/fresh-target.ts';
import { tmpDir } from './support/paths.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/directory/${name}`, import.meta.url));
let target: FreshTarget;
beforeEach(async () => {
  target = await freshTarget();
});
afterEach(() => target.drop());

async function open(): Promise<Database> {
  return openDatabase(target.url ? { kind: 'postgres', url: target.url, max: 2 } : { kind: 'pglite', dataDir: target.dataDir! });
}

async function processCli(args: string[]) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: '', RELAIS_DATA_DIR: '', ...target.env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...target.env }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('relais import', () => {
  it('imports places as a separate process: report of every bad row, summary, idempotent second run, audit event', async () => {
    const first = await processCli(['import', 'lieux', fixture('lieux-avec-erreurs.csv'), '--source', 'hub-test']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Lignes refusées (aucune n’a été importée, même en partie) :');
    expect(first.stdout).toContain('  Ligne 3 : code_postal : "3500" n’a pas le format attendu (5 chiffres) ; courriels : "pas-une-adresse" n’est pas une adresse e-mail valide ; services : "Faire du café" n’est pas une valeur autorisée');
    expect(first.stdout).toContain('  Ligne 5 : id : "bon-lieu" est déjà utilisé à la ligne 2');
    expect(first.stdout).toContain('pour la source « hub-test » : 5 lignes lues.');
    expect(first.stdout).toContain('  Créés : 1\n  Mis à jour : 0\n  Inchangés : 0\n  Refusés : 4\n  À géolocaliser : 0');
    // No terminal: no progress bar in the output.
    expect(first.stderr).not.toContain('%');

    const valid = await cli(['import', 'lieux', fixture('lieux-valides.csv'), '--source', 'hub-test']);
    expect(valid.code).toBe(0);
    expect(valid.out).toContain('Créés : 3');
    expect(valid.out).toContain('À géolocaliser : 1');
    expect(valid.out).toContain('  Ligne 4 : Espace public numérique de Vitré (id epn-vitre)');
    const again = await cli(['import', 'lieux', fixture('lieux-valides.csv'), '--source', 'hub-test']);
    expect(again.out).toContain('  Créés : 0\n  Mis à jour : 0\n  Inchangés : 3');

    const database = await open();
    try {
      const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from places where source = 'hub-test'`);
      expect(rows[0]!.n).toBe(4);
      const audits = await queryRows<{ actor_label: string; details: { created: number; rejected: number } }>(
        database.db,
        sql`select actor_label, details from audit_events where action = 'directory.import_run' order by at`,
      );
      expect(audits.map((a) => [a.actor_label, a.details.created, a.details.rejected])).toEqual([
        ['ligne de commande', 1, 4],
        ['ligne de commande', 3, 0],
        ['ligne de commande', 0, 0],
      ]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('explains its usage and unreadable files in French', async () => {
    const help = await cli(['help']);
    expect(help.out).toContain('import lieux FICHIER [--source NOM]');
    expect(help.out).toContain('import communes-centres FICHIER');
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['import', 'lieux'])).err).toContain('import lieux demande le fichier');
    const missing = await cli(['import', 'lieux', '/nulle/part.csv']);
    expect(missing).toMatchObject({ code: 1, err: 'Impossible de lire le fichier /nulle/part.csv : il n’existe pas ou n’est pas accessible.' });
  });

  it('loads commune centres, reporting unknown communes and bad values', async () => {
    const database = await open();
    await database.exclusive(() => migrate(database));
    await importTerritory({ db: database.db }, '35');
    await database.close();

    const result = await cli(['import', 'communes-centres', fixture('communes-centres.csv')]);
    expect(result.out).toContain('Centres des communes enregistrés : 2 communes.');
    expect(result.out).toContain('Ligne 5 : la latitude « 91.5 » n’est pas un nombre entre -90 et 90');
    expect(result.out).toContain('Ligne 6 : le code INSEE « ABCDE » n’est pas un code de commune (5 caractères)');
    expect(result.out).toContain('Communes inconnues de cette installation (autre département ou code périmé), ignorées : 1');
    expect(result.out).toContain('75056');
    expect(result.code).toBe(1);

    const reopened = await open();
    try {
      const rows = await queryRows<{ insee: string; latitude: number; longitude: number }>(
        reopened.db,
        sql`select insee, latitude, longitude from communes where latitude is not null order by insee`,
      );
      expect(rows).toEqual([
        { insee: '35115', latitude: 48.3524, longitude: -1.1942 },
        { insee: '35238', latitude: 48.1119, longitude: -1.6808 },
      ]);
      const audits = await queryRows<{ details: { updated: number; unknown: number; invalid: number } }>(
        reopened.db,
        sql`select details from audit_events where action = 'territory.communes_centres_imported'`,
      );
      expect(audits.map((a) => a.details)).toEqual([{ fileName: 'communes-centres.csv', updated: 2, unknown: 1, invalid: 2 }]);
    } finally {
      await reopened.close();
    }
    const dir = mkdtempSync(join(tmpDir, 'centres-'));
    writeFileSync(join(dir, 'pv.csv'), 'insee;lat;lon\n35238;48.1;-1.6\n');
    const bad = await cli(['import', 'communes-centres', join(dir, 'pv.csv')]);
    rmSync(dir, { recursive: true });
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'Ligne 1 : l’en-tête ne contient pas de colonne pour le code INSEE (code_insee, insee ou codgeo), la latitude (latitude ou lat), la longitude (longitude, lon ou lng). Les colonnes doivent être séparées par des virgules.',
    );
  }, 120_000);
});
