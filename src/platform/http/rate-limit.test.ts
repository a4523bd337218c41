import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { loadConfig } from '../../config.ts';
import type { AppEnv } from './context.ts';
import { clearRateLimit, clientIp, rateLimitBlockedUntil, recordRateLimitEvent, waitText, type RateLimitRule } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rule: RateLimitRule = { name: 'test', windowMs: 60 * 60_000, slowAfter: 3, slowDelayMs: 10_000, lockAfter: 6, lockMs: 15 * 60_000 };

describe('rate limiter', () => {
  it('lets the first events through, then blocks for doubling delays, then locks', async () => {
    const now = t.clock.now();
    const hits = [];
    for (let i = 0; i < 6; i++) hits.push(await recordRateLimitEvent(t.deps.db, rule, 'a', now));
    expect(hits.map((h) => h.blockedUntil && h.blockedUntil.getTime() - now.getTime())).toEqual([null, null, null, 10_000, 20_000, 15 * 60_000]);
    expect(hits.map((h) => h.lockedNow)).toEqual([false, false, false, false, false, true]);
    expect((await rateLimitBlockedUntil(t.deps.db, rule, 'a', now))!.getTime()).toBe(now.getTime() + 15 * 60_000);
    expect(await rateLimitBlockedUntil(t.deps.db, rule, 'a', new Date(now.getTime() + 15 * 60_000))).toBeNull();
    await clearRateLimit(t.deps.db, rule, 'a');
    expect(await rateLimitBlockedUntil(t.deps.db, rule, 'a', now)).toBeNull();
  });

  it('starts a new window when the old one is over', async () => {
    const now = t.clock.now();
    for (let i = 0; i < 3; i++) await recordRateLimitEvent(t.deps.db, rule, 'b', now);
    const later = await recordRateLimitEvent(t.deps.db, rule, 'b', new Date(now.getTime() + 60 * 60_000 + 1));
    expect(later).toEqual({ count: 1, blockedUntil: null, lockedNow: false });
  });

  it('never loses a count when many requests count at once', async () => {
    const now = t.clock.now();
    const hits = await Promise.all(Array.from({ length: 25 }, () => recordRateLimitEvent(t.deps.db, { ...rule, slowAfter: 100, lockAfter: 100 }, 'c', now)));
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('says how long to wait in French', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(waitText(new Date(now.getTime() + 1000), now)).toBe('1 seconde');
    expect(waitText(new Date(now.getTime() + 30_000), now)).toBe('30 secondes');
    expect(waitText(new Date(now.getTime() + 61_000), now)).toBe('2 minutes');
  });
});

describe('client IP', () => {
  function appWith(trustProxy: boolean) {
    const app = new Hono<AppEnv>();
    const config = loadConfig({ NODE_ENV: 'test', TRUST_PROXY: String(trustProxy) });
    app.use(async (c, next) => {
      c.set('deps', { ...t.deps, config });
      await next();
    });
    app.get('/ip', (c) => c.text(clientIp(c)));
    return app;
  }

  it('ignores X-Forwarded-For unless the proxy is trusted, and then takes the hop the proxy added', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' };
    const untrusted = await appWith(false).request('/ip', { headers }, { incoming: { socket: { remoteAddress: '10.0.0.5' } } });
    expect(await untrusted.text()).toBe('10.0.0.5');
    const trusted = await appWith(true).request('/ip', { headers }, { incoming: { socket: { remoteAddress: '10.0.0.5' } } });
    expect(await trusted.text()).toBe('198.51.100.7');
  });
});
