import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock, IdGenerator } from '../clock.ts';
import type { FileStore } from '../files/file-store.ts';

/** A role held by a staff member, with its scope. Both code lists empty means the whole département. */
export interface RoleScope {
  role: 'admin' | 'agent' | 'centre_manager' | 'structure_member' | 'partner_agent' | 'directory_moderator';
  socialCentreId: string | null;
  structureId: string | null;
  communeCodes: string[];
  epciCodes: string[];
}

/** Who is making the request, as the guards see it. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'resident'; userId: string; displayName: string; email: string }
  | { kind: 'staff'; userId: string; displayName: string; email: string; roles: RoleScope[]; mfaPassed: boolean };

export interface SessionState {
  /** sha256 of the cookie token; null until a session is needed. */
  idHash: string | null;
  userId: string | null;
  csrfToken: string | null;
  data: Record<string, unknown>;
}

export interface AppDeps {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  /** Uploaded and generated files (attachments, receipts, letters). */
  files: FileStore;
  /** Set by the server while it stops, so that /readyz sends the load balancer elsewhere. */
  lifecycle?: { readonly shuttingDown: boolean };
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    principal: Principal;
    session: SessionState;
  };
}
