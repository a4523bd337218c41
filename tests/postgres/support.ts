// PostgreSQL-only tests (included in the run when DATABASE_URL is set): a fresh empty database per test.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';
import { withDatabase } from '../support/global-setup.ts';

export const serverUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Ces tests demandent DATABASE_URL (un serveur PostgreSQL).');
  return url;
};

export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `relais_pg_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(serverUrl(), name),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A PostgreSQL client program (pg_dump, pg_restore) of the newest installed version. */
export function pgBinary(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const path = `/usr/lib/postgresql/${v}/bin/${name}`;
    try {
      execFileSync(path, ['--version']);
      return path;
    } catch {
      // try the next version
    }
  }
  return name;
}
