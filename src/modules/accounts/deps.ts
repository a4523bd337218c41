import type { AppDeps } from '../../platform/http/context.ts';

/** What the accounts use cases need: the database, time, ids and the public address (for links in mails). */
export type AccountsDeps = Pick<AppDeps, 'db' | 'clock' | 'ids'> & { config: Pick<AppDeps['config'], 'publicUrl'> };

/** Who does something, for the audit journal. */
export interface Actor {
  id: string | null;
  label: string;
}

/** Where a request came from, for the audit journal. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export const noRequest: RequestMeta = { ip: null, requestId: null };
