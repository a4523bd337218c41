// What every téléprocédures route file needs: the platform's route kit and the use cases' dependencies.
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import type { ProceduresDeps } from '../use-cases/deps.ts';

export { UUID, notFound, forbidden, takeFlash } from '../../../platform/http/route-kit.tsx';

export function depsOf(c: Context<AppEnv>): ProceduresDeps {
  const d = c.get('deps');
  return { db: d.db, clock: d.clock, ids: d.ids, files: d.files, config: d.config };
}
