import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { queryRows } from '../../src/platform/db/client.ts';
import { openAndPrepare } from '../../src/server.ts';
import journal from '../../db/migrations/meta/_journal.json' with { type: 'json' };
import { createEmptyDatabase } from './support.ts';

let target: Awaited<ReturnType<typeof createEmptyDatabase>>;
beforeAll(async () => {
  target = await createEmptyDatabase();
});
afterAll(() => target.drop());

it('lets three processes start at once on one server: migrations and demo seed are applied exactly once', async () => {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: target.url, RELAIS_SEED_DEMO: 'true' });
  const logger = pino({ level: 'silent' });
  const nodes = await Promise.all([1, 2, 3].map(() => openAndPrepare(config, logger)));
  try {
    const db = nodes[0]!.database.db;
    const applied = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBe(journal.entries.length);
    expect(nodes.filter((n) => n.seed?.seeded).length).toBe(1);
    const seeds = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from app_meta where key like 'demo-seed:%'`);
    expect(seeds[0]!.n).toBe(1);
  } finally {
    await Promise.all(nodes.map((n) => n.database.close()));
  }
});
