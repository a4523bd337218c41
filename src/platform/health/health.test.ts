import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.tsx';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { openDatabase } from '../db/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health probes', () => {
  it('answers /healthz with 200 ok, without a session cookie and without caching', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers /readyz with 200 when the database answers', async () => {
    const res = await t.app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', base: t.deps.dbKind });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers /readyz with 503 while the server is stopping, and /healthz still 200', async () => {
    t.deps.lifecycle = { shuttingDown: true };
    try {
      const res = await t.app.request('/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'indisponible', raison: 'arrêt en cours' });
      expect((await t.app.request('/healthz')).status).toBe(200);
    } finally {
      t.deps.lifecycle = { shuttingDown: false };
    }
  });

  it('answers /readyz with 503 when the database server is unreachable', async () => {
    // Nothing listens on port 1 of loopback: every connection is refused.
    const unreachable = await openDatabase({ kind: 'postgres', url: 'postgres://relais@127.0.0.1:1/relais', max: 1 });
    try {
      const app = createApp({ ...t.deps, db: unreachable.db, dbKind: 'postgres', logger: pino({ level: 'silent' }) });
      const res = await app.request('/readyz');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'indisponible', raison: 'la base de données ne répond pas' });
      expect((await app.request('/healthz')).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });

  it('answers /readyz with 503 once the embedded database is closed', async () => {
    const embedded = await openDatabase({ kind: 'pglite', dataDir: null });
    const app = createApp({ ...t.deps, db: embedded.db, dbKind: 'pglite', logger: pino({ level: 'silent' }) });
    expect((await app.request('/readyz')).status).toBe(200);
    await embedded.close();
    expect((await app.request('/readyz')).status).toBe(503);
  });
});
