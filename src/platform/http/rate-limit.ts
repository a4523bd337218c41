import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { queryRows, type Queryable } from '../db/client.ts';
import type { AppEnv } from './context.ts';
import { rateLimits } from './http.table.ts';

/**
 * Counters shared by every process (they live in the rate_limits table), for brute-force protection.
 * A rule counts events (failed sign-ins, reset requests, sign-ups…) per key in a fixed window:
 * - up to `slowAfter` events: nothing happens;
 * - beyond it, each event blocks the key for `slowDelayMs` (doubled at each further event, capped at `lockMs`),
 *   so a person is told to wait a little and a robot is slowed down;
 * - at `lockAfter` events the key is blocked for `lockMs` and the caller is told it is a lock (to audit it).
 */
export interface RateLimitRule {
  /** Prefix of the key, e.g. 'signin:ip'. */
  name: string;
  windowMs: number;
  slowAfter: number;
  slowDelayMs: number;
  lockAfter: number;
  lockMs: number;
}

export interface RateLimitHit {
  count: number;
  /** Set when the key is now blocked. */
  blockedUntil: Date | null;
  /** True when this event reached `lockAfter` (events are not counted while blocked, so each lock is audited once). */
  lockedNow: boolean;
}

export function rateLimitKey(rule: RateLimitRule, subject: string): string {
  return `${rule.name}:${subject}`;
}

/** When the key is blocked, the end of the block; otherwise null. Read-only. */
export async function rateLimitBlockedUntil(q: Queryable, rule: RateLimitRule, subject: string, now: Date): Promise<Date | null> {
  const [row] = await q
    .select({ lockedUntil: rateLimits.lockedUntil })
    .from(rateLimits)
    .where(eq(rateLimits.key, rateLimitKey(rule, subject)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one event, atomically across processes (one INSERT … ON CONFLICT … DO UPDATE … RETURNING):
 * two processes counting at the same time never lose a count.
 */
export async function recordRateLimitEvent(q: Queryable, rule: RateLimitRule, subject: string, now: Date): Promise<RateLimitHit> {
  const key = rateLimitKey(rule, subject);
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  const [row] = await queryRows<{ count: number }>(
    q,
    sql`insert into rate_limits (key, count, window_start) values (${key}, 1, ${now.toISOString()})
        on conflict (key) do update set
          count = case when rate_limits.window_start <= ${windowFloor.toISOString()} then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.window_start <= ${windowFloor.toISOString()} then ${now.toISOString()}::timestamptz else rate_limits.window_start end
        returning count`,
  );
  const count = Number(row!.count);
  let blockedUntil: Date | null = null;
  let lockedNow = false;
  if (count >= rule.lockAfter) {
    blockedUntil = new Date(now.getTime() + rule.lockMs);
    lockedNow = true;
  } else if (count > rule.slowAfter) {
    const delay = Math.min(rule.slowDelayMs * 2 ** (count - rule.slowAfter - 1), rule.lockMs);
    blockedUntil = new Date(now.getTime() + delay);
  }
  if (blockedUntil) {
    // Never shorten a longer block already in place.
    await q.execute(
      sql`update rate_limits set locked_until = greatest(coalesce(locked_until, ${blockedUntil.toISOString()}::timestamptz), ${blockedUntil.toISOString()}::timestamptz)
          where key = ${key}`,
    );
  }
  return { count, blockedUntil, lockedNow };
}

/** Forgets the counter (after a successful sign-in, for the account's key). */
export async function clearRateLimit(q: Queryable, rule: RateLimitRule, subject: string): Promise<void> {
  await q.delete(rateLimits).where(eq(rateLimits.key, rateLimitKey(rule, subject)));
}

/**
 * The visitor's IP address. Behind a trusted proxy, the last X-Forwarded-For entry (the one our proxy appended;
 * earlier entries are whatever the client claimed); otherwise the socket address, never a header.
 */
export function clientIp(c: Context<AppEnv>): string {
  const deps = c.get('deps');
  if (deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** « 2 minutes », « 30 secondes »: how long to wait, rounded up, in French. */
export function waitText(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}
