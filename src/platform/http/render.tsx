import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import type { PageContext } from '../views/layout.tsx';
import { themes } from '../views/theme.ts';
import { csrfToken } from './csrf.ts';

/** What every page needs from the request. Pass { form: true } when the page has a form (creates the session for its CSRF token). */
export async function pageContext(c: Context<AppEnv>, opts: { form?: boolean } = {}): Promise<PageContext> {
  const deps = c.get('deps');
  const session = c.get('session');
  const needsToken = opts.form || c.get('principal')?.kind !== 'anonymous';
  return {
    theme: themes[deps.config.departement],
    principal: c.get('principal') ?? { kind: 'anonymous' },
    csrfToken: needsToken ? await csrfToken(c) : (session?.csrfToken ?? null),
    currentPath: new URL(c.req.url).pathname,
  };
}
