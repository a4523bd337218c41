// A private database per test file, copied from the migrated and seeded template of global-setup.ts.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { withDatabase } from './global-setup.ts';
import { templateDbName, templateDumpPath } from './paths.ts';

export interface TestDatabase extends Database {
  /** On PostgreSQL, the private database's URL (to open more connection pools on it, as other processes would). */
  url?: string;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `relais_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templateDbName}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), max: 5 });
    return {
      ...database,
      url: withDatabase(url, name),
      async close() {
        await database.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([readFileSync(templateDumpPath)]);
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: dump });
}
