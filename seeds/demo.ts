// The demo département: seeded at first start (RELAIS_SEED_DEMO, default on) and reused by the tests.
// Idempotent: a second run changes nothing (app_meta remembers which département was seeded).
import { eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import { appMeta } from '../src/platform/db/meta.table.ts';
import { importTerritory, seedSocialCentres } from '../src/modules/territory/index.ts';
import { seedDemoAccounts } from '../src/modules/accounts/index.ts';
import { demoSocialCentres } from './social-centres.ts';
import { seedDemoDirectory } from './directory.ts';
import { seedDemoStructures } from './structures.ts';
import { seedDemoProcedures } from './procedures.ts';
import { seedDemoAppointments } from './appointments.ts';
import { seedDemoAccompaniment } from './accompaniment.ts';

export interface SeedDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export interface SeedResult {
  seeded: boolean;
  accounts: DemoAccount[];
}

export async function seedDemo(deps: SeedDeps, departement: '35' | '13'): Promise<SeedResult> {
  const key = `demo-seed:${departement}`;
  const [done] = await deps.db.select().from(appMeta).where(eq(appMeta.key, key));
  // The console shows the demo accounts at every start: they are remembered with the seed's marker.
  // They are demonstration credentials only, printed on purpose; never real ones.
  if (done) return { seeded: false, accounts: (done.value as { accounts?: DemoAccount[] }).accounts ?? [] };
  const accounts: DemoAccount[] = [];
  // Each module adds its demo data here, in dependency order (territory, then accounts, …).
  await importTerritory(deps, departement);
  await seedSocialCentres(deps, departement, demoSocialCentres[departement]);
  const demoStructures = await seedDemoStructures(deps, departement);
  accounts.push(...(await seedDemoAccounts(deps, demoStructures)));
  await seedDemoDirectory(deps, departement, demoStructures.structure);
  await seedDemoProcedures(deps);
  await seedDemoAppointments(deps);
  await seedDemoAccompaniment(deps);
  await deps.db
    .insert(appMeta)
    .values({ key, value: { at: deps.clock.now().toISOString(), accounts }, updatedAt: deps.clock.now() });
  return { seeded: true, accounts };
}
