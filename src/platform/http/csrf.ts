import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ensureSession } from './session.ts';

// Synchronizer token: each session has a random CSRF token; every state-changing request must send it
// back in the `_csrf` form field or the `x-csrf-token` header. SameSite=Lax cookies are a second layer.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token to put in a form's hidden `_csrf` field (creates the session if needed). */
export async function csrfToken(c: Context<AppEnv>): Promise<string> {
  const s = await ensureSession(c);
  return s.csrfToken!;
}

let csrfFailureRenderer: (c: Context<AppEnv>) => Response | Promise<Response> = (c) =>
  c.text('La page a expiré. Revenez en arrière, rechargez la page et recommencez.', 403);
export function setCsrfFailureRenderer(render: typeof csrfFailureRenderer): void {
  csrfFailureRenderer = render;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const expected = c.get('session')?.csrfToken;
  let sent = c.req.header('x-csrf-token');
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const body = await c.req.parseBody({ all: true });
      const v = body['_csrf'];
      sent = typeof v === 'string' ? v : undefined;
    }
  }
  if (!expected || !sent || !same(expected, sent)) return csrfFailureRenderer(c);
  return next();
};
