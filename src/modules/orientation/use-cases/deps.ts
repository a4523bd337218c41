import type { Clock, IdGenerator } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/client.ts';

export interface OrientationDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  config: { publicUrl: string; orientationRetentionDays: number };
}

/** Who acts, for the journal: a signed-in user, the holder of a response link, or the system. */
export interface Actor {
  actorId: string | null;
  actorLabel: string;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM: Actor = { actorId: null, actorLabel: 'système' };
