import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { httpSessions } from './http.table.ts';
import type { AppEnv, SessionState } from './context.ts';
import type { Queryable } from '../db/client.ts';

// Sessions are rows in the database (shared by every app process). The cookie holds a random token;
// the row is keyed by its sha256. A session is created only when needed (a form, a sign-in), so
// anonymous visitors of public pages get no cookie and those pages can be cached.

const TOUCH_EVERY_MS = 60_000;

export function cookieName(c: Context<AppEnv>): string {
  return isSecure(c) ? '__Host-relais_session' : 'relais_session';
}

function isSecure(c: Context<AppEnv>): boolean {
  const deps = c.get('deps');
  if (deps.config.publicUrl.startsWith('https://')) return true;
  return deps.config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const emptySession = (): SessionState => ({ idHash: null, userId: null, csrfToken: null, data: {} });

export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock, config } = c.get('deps');
  const token = getCookie(c, cookieName(c));
  let state = emptySession();
  if (token) {
    const now = clock.now();
    const idHash = hashToken(token);
    const [row] = await db
      .select()
      .from(httpSessions)
      .where(and(eq(httpSessions.idHash, idHash), gt(httpSessions.idleExpiresAt, now), gt(httpSessions.absoluteExpiresAt, now)))
      .limit(1);
    if (row) {
      state = { idHash, userId: row.userId, csrfToken: row.csrfToken, data: row.data };
      if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db
          .update(httpSessions)
          .set({ lastSeenAt: now, idleExpiresAt: new Date(now.getTime() + config.session.idleMinutes * 60_000) })
          .where(eq(httpSessions.idHash, idHash));
      }
    } else {
      deleteCookie(c, cookieName(c), { path: '/', secure: isSecure(c) });
    }
  }
  c.set('session', state);
  await next();
};

async function createSession(c: Context<AppEnv>, userId: string | null, data: Record<string, unknown>): Promise<SessionState> {
  const { db, clock, config } = c.get('deps');
  const now = clock.now();
  const token = randomBytes(32).toString('base64url');
  const idHash = hashToken(token);
  const csrf = randomBytes(32).toString('base64url');
  await db.insert(httpSessions).values({
    idHash,
    userId,
    csrfToken: csrf,
    data,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + config.session.idleMinutes * 60_000),
    absoluteExpiresAt: new Date(now.getTime() + config.session.absoluteHours * 3_600_000),
  });
  setCookie(c, cookieName(c), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c),
    // No Max-Age: the cookie ends with the browser; the server enforces idle and absolute expiry.
  });
  const state: SessionState = { idHash, userId, csrfToken: csrf, data };
  c.set('session', state);
  return state;
}

/** The current session, created if the visitor has none yet. */
export async function ensureSession(c: Context<AppEnv>): Promise<SessionState> {
  const current = c.get('session');
  if (current?.idHash) return current;
  return createSession(c, null, {});
}

/** A new session id at every change of privilege (sign-in, MFA passed), keeping chosen data. */
export async function rotateSession(c: Context<AppEnv>, userId: string | null, data: Record<string, unknown> = {}): Promise<SessionState> {
  await destroySession(c);
  return createSession(c, userId, data);
}

export async function destroySession(c: Context<AppEnv>): Promise<void> {
  const current = c.get('session');
  if (current?.idHash) {
    await c.get('deps').db.delete(httpSessions).where(eq(httpSessions.idHash, current.idHash));
  }
  deleteCookie(c, cookieName(c), { path: '/', secure: isSecure(c) });
  c.set('session', emptySession());
}

export async function updateSessionData(c: Context<AppEnv>, patch: Record<string, unknown>): Promise<void> {
  const state = await ensureSession(c);
  const data = { ...state.data, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete data[k];
  await c.get('deps').db.update(httpSessions).set({ data }).where(eq(httpSessions.idHash, state.idHash!));
  c.set('session', { ...state, data });
}

/** Ends every session of a user (deactivation, password change). */
export async function destroyUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(httpSessions).where(eq(httpSessions.userId, userId));
}
