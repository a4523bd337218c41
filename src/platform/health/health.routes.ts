// Probes for a process supervisor or a load balancer. No session, no database access for /healthz.
import { Hono, type MiddlewareHandler } from 'hono';
import { ping } from '../db/client.ts';
import type { AppEnv } from '../http/context.ts';
import { allow } from '../http/guard.ts';

const PING_TIMEOUT_MS = 2_000;

export const healthRoutes = new Hono<AppEnv>();

// Set by each probe itself: a path-less use() here ran for every route mounted after this one at '/'.
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('cache-control', 'no-store');
  await next();
};

/** Liveness: the process answers. */
healthRoutes.get('/healthz', allow.system, noStore, (c) => c.json({ status: 'ok' }));

/** Readiness: the database answers and the process is not stopping. */
healthRoutes.get('/readyz', allow.system, noStore, async (c) => {
  const deps = c.get('deps');
  if (deps.lifecycle?.shuttingDown) return c.json({ status: 'indisponible', raison: 'arrêt en cours' }, 503);
  let timer: NodeJS.Timeout | undefined;
  try {
    const ok = await Promise.race([
      ping(deps.db),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      }),
    ]);
    if (!ok) return c.json({ status: 'indisponible', raison: 'la base de données ne répond pas' }, 503);
    return c.json({ status: 'ok', base: deps.dbKind });
  } catch (error) {
    deps.logger.warn({ err: error }, 'readyz : base de données injoignable');
    return c.json({ status: 'indisponible', raison: 'la base de données ne répond pas' }, 503);
  } finally {
    clearTimeout(timer);
  }
});
