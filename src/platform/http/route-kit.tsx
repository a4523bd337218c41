// What route files need again and again: the id pattern, the 403/404 pages and the one-time banner message kept
// in the session between a POST and the page it redirects to.
import type { Context } from 'hono';
import { ErrorPage } from '../views/error-page.tsx';
import type { AppEnv } from './context.ts';
import { pageContext } from './render.tsx';
import { updateSessionData } from './session.ts';

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const notFound = async (c: Context<AppEnv>) => c.html(<ErrorPage ctx={await pageContext(c)} status={404} />, 404);
export const forbidden = async (c: Context<AppEnv>) => c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403);

/** The banner message left under `key` by the last POST, read once. */
export async function takeFlash(c: Context<AppEnv>, key: string): Promise<string | null> {
  const v = c.get('session')?.data?.[key];
  if (typeof v !== 'string') return null;
  await updateSessionData(c, { [key]: undefined });
  return v;
}
