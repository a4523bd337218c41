// The real boot (src/server.ts) in-process: seeding once, the job worker, graceful shutdown.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { eq, like } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { appMeta } from '../src/platform/db/meta.table.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import { mailOutbox } from '../src/platform/mail/mail.table.ts';
import { enqueueMail } from '../src/platform/mail/outbox.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { freshTarget, type FreshTarget } from './support/fresh-target.ts';

const silent = pino({ level: 'silent' });
let target: FreshTarget | null = null;
let running: RunningServer | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
  await target?.drop();
  target = null;
});

const config = (env: Record<string, string>, extra: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JOBS_POLL_MS: '50', ...env, ...extra });

describe('server boot', () => {
  it('migrates and seeds the demo on first start, and seeds nothing on the second start but returns the same accounts', async () => {
    target = await freshTarget();
    running = await startServer(config(target.env), { logger: silent });
    expect(running.seed?.seeded).toBe(true);
    const accounts = running.seed!.accounts;
    const home = await fetch(`${running.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Ille-et-Vilaine');
    await running.stop();

    running = await startServer(config(target.env), { logger: silent });
    expect(running.seed).toEqual({ seeded: false, accounts });
    const markers = await running.database.db.select().from(appMeta).where(like(appMeta.key, 'demo-seed:%'));
    expect(markers.map((m) => m.key)).toEqual(['demo-seed:35']);
  });

  it('runs queued jobs with its worker (a mail is kept when no SMTP server is configured)', async () => {
    target = await freshTarget();
    running = await startServer(config(target.env, { RELAIS_SEED_DEMO: 'false' }), { logger: silent });
    expect(running.seed).toBeNull();
    const { db } = running.database;
    const id = await inTransaction(db, (tx) => enqueueMail(tx, { to: 'a@example.fr', subject: 'Essai', text: 'Bonjour' }, new Date()));
    const deadline = Date.now() + 10_000;
    let status = 'pending';
    while (status === 'pending' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      [{ status }] = (await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, id))) as [{ status: string }];
    }
    expect(status).toBe('kept');
  });

  it('on stop, refuses new connections, lets the request in flight finish, then closes the database', async () => {
    target = await freshTarget();
    running = await startServer(config(target.env, { RELAIS_SEED_DEMO: 'false' }), { logger: silent });
    const { port } = running;

    // A request in flight: its headers are sent, half of its body is still to come.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString('utf8')));
    const body = '_csrf=faux&champ=valeur';
    socket.write(`POST /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 8)}`);
    await new Promise((r) => setTimeout(r, 100));

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(stopped).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    socket.write(body.slice(8));
    await new Promise<void>((r) => socket.once('close', () => r()));
    // The request got its complete answer (the French CSRF refusal page), not a reset connection.
    expect(response).toMatch(/^HTTP\/1\.1 403/);
    expect(response).toContain('</html>');
    await stopping;
    running = null;
    if (target.dataDir) expect(existsSync(`${target.dataDir}.lock`)).toBe(false);
  });

  it('does not wait forever for a request that never finishes', async () => {
    target = await freshTarget();
    running = await startServer(config(target.env, { RELAIS_SEED_DEMO: 'false' }), { logger: silent, shutdownGraceMs: 500 });
    const socket = connect(running.port, '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.on('error', () => {});
    socket.write(`POST /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nabc`);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await running.stop();
    running = null;
    expect(Date.now() - t0).toBeLessThan(5_000);
    socket.destroy();
  });
});
