// An empty database for tests that boot the real server (which migrates and seeds by itself):
// a new PGlite data directory, or a new empty database on the PostgreSQL server of DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import postgres from 'postgres';
import { withDatabase } from './global-setup.ts';
import { tmpDir } from './paths.ts';

export interface FreshTarget {
  /** Environment variables that point Relais at it. */
  env: Record<string, string>;
  dataDir: string | null;
  url: string | null;
  drop(): Promise<void>;
}

export async function freshTarget(): Promise<FreshTarget> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `relais_fresh_${randomBytes(6).toString('hex')}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = withDatabase(base, name);
    return {
      env: { DATABASE_URL: url },
      dataDir: null,
      url,
      async drop() {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(`${tmpDir}/data-`);
  const dataDir = `${dir}/data`;
  return {
    env: { RELAIS_DATA_DIR: dataDir },
    dataDir,
    url: null,
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
