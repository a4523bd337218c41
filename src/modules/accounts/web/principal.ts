import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { activeRoles, findUserById } from '../db/users.queries.ts';

/**
 * Who is making the request, rebuilt from the database at every request (after the session middleware):
 * a deactivated account or a revoked role stops working at the next request, whatever process serves it.
 * Staff pass the TOTP step once per session (`mfaPassed` in the session data, set after a code is accepted).
 */
export const principalMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = c.get('session');
  if (session.userId) {
    const { db } = c.get('deps');
    const user = await findUserById(db, session.userId);
    if (user && user.status === 'active') {
      if (user.kind === 'resident') {
        c.set('principal', { kind: 'resident', userId: user.id, displayName: user.displayName, email: user.email });
      } else {
        c.set('principal', {
          kind: 'staff',
          userId: user.id,
          displayName: user.displayName,
          email: user.email,
          roles: await activeRoles(db, user.id),
          mfaPassed: session.data['mfaPassed'] === true && user.totpEnabledAt !== null,
        });
      }
    }
  }
  await next();
};
