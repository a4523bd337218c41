// Runs once before the test files: builds the assets, and prepares a migrated, seeded template database
// that each test file copies (a PGlite dump, or a PostgreSQL template database when DATABASE_URL is set).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { pgliteTemplatePath } from '../../src/platform/db/pglite-template.ts';
import { randomIds, systemClock } from '../../src/platform/clock.ts';
import { seedDemo } from '../../seeds/demo.ts';
import { templateDumpPath, templateDbName, tmpDir } from './paths.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-assets.ts', '--if-needed'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(pgliteTemplatePath)) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-pglite-template.ts'], { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(tmpDir, { recursive: true });
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${templateDbName} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${templateDbName}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, templateDbName), max: 2 });
    await migrate(database);
    await seedDemo({ db: database.db, clock: systemClock, ids: randomIds }, '35');
    await database.close();
    return async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${templateDbName} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(database);
  await seedDemo({ db: database.db, clock: systemClock, ids: randomIds }, '35');
  const dump = await database.pglite!.dumpDataDir('none');
  writeFileSync(templateDumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return async () => {};
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
