// What every téléprocédures route file needs: the id pattern, the use cases' dependencies, the 403/404 pages and
// the one-time banner message kept in the session between a POST and the page it redirects to.
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { ErrorPage } from '../../../platform/views/error-page.tsx';
import type { ProceduresDeps } from '../use-cases/deps.ts';

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function depsOf(c: Context<AppEnv>): ProceduresDeps {
  const d = c.get('deps');
  return { db: d.db, clock: d.clock, ids: d.ids, files: d.files, config: d.config };
}

export const notFound = async (c: Context<AppEnv>) => c.html(<ErrorPage ctx={await pageContext(c)} status={404} />, 404);
export const forbidden = async (c: Context<AppEnv>) => c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403);

/** The banner message left under `key` by the last POST, read once. */
export async function takeFlash(c: Context<AppEnv>, key: string): Promise<string | null> {
  const v = c.get('session')?.data?.[key];
  if (typeof v !== 'string') return null;
  await updateSessionData(c, { [key]: undefined });
  return v;
}
