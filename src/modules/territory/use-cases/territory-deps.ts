import type { Clock, IdGenerator } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/client.ts';

/** What the territory use cases that change data need. */
export interface TerritoryDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}
