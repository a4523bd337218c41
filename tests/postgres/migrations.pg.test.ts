import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { createEmptyDatabase } from './support.ts';

let target: Awaited<ReturnType<typeof createEmptyDatabase>>;
beforeAll(async () => {
  target = await createEmptyDatabase();
});
afterAll(() => target.drop());

it('lets several processes start at once on one server: the migrations are applied exactly once', async () => {
  const nodes = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: target.url, max: 2 })));
  try {
    await Promise.all(nodes.map((n) => migrate(n)));
    const applied = await queryRows<{ n: number }>(nodes[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const files = await import('../../db/migrations/meta/_journal.json', { with: { type: 'json' } });
    expect(applied[0]!.n).toBe(files.default.entries.length);
    const tables = await queryRows<{ n: number }>(nodes[0]!.db, sql`select count(*)::int as n from pg_tables where tablename = 'audit_events'`);
    expect(tables[0]!.n).toBe(1);
  } finally {
    await Promise.all(nodes.map((n) => n.close()));
  }
});
