// Starting an installation without the demo: the reference data (communes of the département) is there,
// no demo account is.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { openAndPrepare } from '../src/server.ts';
import { freshTarget } from './support/fresh-target.ts';

it('imports the communes of the département at the first start even without the demo', async () => {
  const target = await freshTarget();
  const env = { NODE_ENV: 'test', RELAIS_SEED_DEMO: 'false', RELAIS_DEPARTEMENT: '13', ...target.env };
  const { database, seed } = await openAndPrepare(loadConfig(env), pino({ level: 'silent' }));
  try {
    expect(seed).toBeNull();
    const [communes] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from communes where departement_code = '13'`);
    expect(communes!.n).toBe(119);
    const [users] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users`);
    expect(users!.n).toBe(0);
  } finally {
    await database.close();
    await target.drop();
  }
});
