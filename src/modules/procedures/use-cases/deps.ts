import type { AppDeps } from '../../../platform/http/context.ts';

/** What the téléprocédures use cases need: the database, time, ids, the file store and the public URL. */
export type ProceduresDeps = Pick<AppDeps, 'db' | 'clock' | 'ids' | 'files'> & { config: Pick<AppDeps['config'], 'publicUrl' | 'departement'> };

/** Who acts, for the timeline and the journal. */
export interface CaseActorRef {
  userId: string | null;
  /** Readable, for the journal: an e-mail, « usager sans compte », « système ». */
  label: string;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: CaseActorRef = { userId: null, label: 'système' };
