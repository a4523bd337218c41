import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, queryRows } from './client.ts';
import { isNewDataDir, pgliteTemplatePath } from './pglite-template.ts';

const parent = mkdtempSync(join(tmpdir(), 'relais-template-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

it('creates a new embedded data directory from the prepared template, migrations included', async () => {
  expect(existsSync(pgliteTemplatePath), 'le modèle est construit par npm ci (prepare)').toBe(true);
  const dataDir = join(parent, 'data');
  expect(isNewDataDir(dataDir)).toBe(true);
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    // No migrate() call: the tables come from the template.
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_tables where tablename = 'audit_events'`);
    expect(rows[0]!.n).toBe(1);
  } finally {
    await database.close();
  }
  expect(isNewDataDir(dataDir)).toBe(false);
});
