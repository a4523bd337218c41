import type { AppDeps } from '../../../platform/http/context.ts';

/** What the appointment use cases need: the database, time, ids, and the public URL and département for messages. */
export type AppointmentsDeps = Pick<AppDeps, 'db' | 'clock' | 'ids'> & { config: Pick<AppDeps['config'], 'publicUrl' | 'departement'> };

/** Who acts, for the journal. */
export interface ActorRef {
  userId: string | null;
  label: string;
  requestId?: string | null;
}
