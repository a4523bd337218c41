import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { clientIp } from '../../platform/http/rate-limit.ts';

/** Who acts, for the audit journal. */
export function actorOf(c: Context<AppEnv>): { actorId: string | null; actorLabel: string } {
  const p = c.get('principal');
  return p.kind === 'anonymous' ? { actorId: null, actorLabel: 'visiteur anonyme' } : { actorId: p.userId, actorLabel: p.email };
}

/** Where the request came from, for the audit journal. */
export function requestMetaOf(c: Context<AppEnv>): { ip: string | null; requestId: string | null } {
  return { ip: clientIp(c), requestId: c.get('requestId') ?? null };
}
