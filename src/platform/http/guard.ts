import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Principal, RoleScope } from './context.ts';
import { safeReturnTo } from './return-to.ts';

/**
 * Every route declares who may use it with one of these guards, placed before its handler:
 *   app.get('/path', allow.anyone, handler)
 * tests/route-guards.test.ts enumerates the registered routes and fails when one has none.
 * Scope (territory, social centre, structure) of a given object is checked by the module's own rules
 * with the principal's RoleScope list; the guard only checks the kind of user and the roles.
 */
const guards = new WeakSet<MiddlewareHandler>();
const descriptions = new WeakMap<MiddlewareHandler, string>();

export function isGuard(handler: unknown): boolean {
  return typeof handler === 'function' && guards.has(handler as MiddlewareHandler);
}
export function guardDescription(handler: unknown): string | undefined {
  return descriptions.get(handler as MiddlewareHandler);
}

type Refusal = 'sign-in' | 'forbidden' | 'mfa' | 'signed-in';

function makeGuard(description: string, check: (p: Principal) => true | Refusal): MiddlewareHandler<AppEnv> {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    const principal = c.get('principal') ?? { kind: 'anonymous' };
    const verdict = check(principal);
    if (verdict === true) return next();
    return refuse(c, verdict);
  };
  guards.add(mw as MiddlewareHandler);
  descriptions.set(mw as MiddlewareHandler, description);
  return mw;
}

function refuse(c: Context<AppEnv>, why: Refusal) {
  if (why === 'sign-in') {
    const back = new URL(c.req.url).pathname + new URL(c.req.url).search;
    if (c.req.method === 'GET') return c.redirect(`/connexion?retour=${encodeURIComponent(back)}`, 303);
    return c.redirect('/connexion', 303);
  }
  if (why === 'mfa') return c.redirect('/connexion/verification', 303);
  if (why === 'signed-in') {
    // Already signed in: the sign-in and sign-up pages have nothing to offer; go where the person was heading.
    return c.redirect(safeReturnTo(c.req.query('retour')) ?? '/compte', 303);
  }
  return forbiddenRenderer(c);
}

let forbiddenRenderer: (c: Context<AppEnv>) => Response | Promise<Response> = (c) =>
  c.text('Accès refusé', 403);
/** The views layer installs the French 403 page here (platform/http cannot import the views it is used by). */
export function setForbiddenRenderer(render: typeof forbiddenRenderer): void {
  forbiddenRenderer = render;
}

export type StaffRole = RoleScope['role'];

export const allow = {
  /** Public: anyone, signed in or not. */
  anyone: makeGuard('anyone', () => true),
  /** Only people who are not signed in (sign-in and sign-up pages); staff between password and TOTP may start again. */
  anonymousOnly: makeGuard('anonymous only', (p) => (p.kind === 'resident' || (p.kind === 'staff' && p.mfaPassed) ? 'signed-in' : true)),
  /** Any signed-in user (resident or staff with MFA passed). */
  signedIn: makeGuard('signed in', (p) =>
    p.kind === 'anonymous' ? 'sign-in' : p.kind === 'staff' && !p.mfaPassed ? 'mfa' : true,
  ),
  /** Staff who passed the password step but not yet the TOTP step (enrolment and verification pages). */
  staffPendingMfa: makeGuard('staff pending MFA', (p) => (p.kind === 'staff' ? true : p.kind === 'anonymous' ? 'sign-in' : 'forbidden')),
  resident: makeGuard('resident', (p) => (p.kind === 'resident' ? true : p.kind === 'anonymous' ? 'sign-in' : 'forbidden')),
  /** Staff holding at least one of the roles, with MFA passed. */
  staff(...roles: StaffRole[]): MiddlewareHandler<AppEnv> {
    return makeGuard(`staff: ${roles.join(', ') || 'any role'}`, (p) => {
      if (p.kind === 'anonymous') return 'sign-in';
      if (p.kind !== 'staff') return 'forbidden';
      if (!p.mfaPassed) return 'mfa';
      if (roles.length === 0) return p.roles.length > 0 ? true : 'forbidden';
      return p.roles.some((r) => roles.includes(r.role)) ? true : 'forbidden';
    });
  },
  /** Machine endpoints (health checks): no user. */
  system: makeGuard('system', () => true),
};
