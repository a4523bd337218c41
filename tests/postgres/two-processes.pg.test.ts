// ARCHITECTURE « Scaling out »: two Relais server processes on one PostgreSQL database behave as one service.
// A session opened on one is valid on the other, and each queued job (here: mails) is run by exactly one of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../../src/platform/db/client.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { enqueueMail } from '../../src/platform/mail/outbox.ts';
import { createEmptyDatabase } from './support.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_PASSWORD = 'demo-relais-2026';
let target: Awaited<ReturnType<typeof createEmptyDatabase>>;
let smtp: SMTPServer;
let smtpPort: number;
const received: { from: string; messageId: string }[] = [];
const children: ChildProcess[] = [];
let database: Database | null = null;

beforeAll(async () => {
  target = await createEmptyDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', messageId: raw.match(/^Message-ID: (.*)$/m)?.[1]?.trim() ?? '' });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await database?.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await target.drop();
});

function startNode(name: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: target.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RELAIS_SEED_DEMO: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: `Relais ${name} <${name}@relais.test>`,
      JOBS_POLL_MS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = (async () => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const m = out.match(/Relais est prêt sur \S+ \(port (\d+)/);
      if (m) return `http://127.0.0.1:${m[1]}`;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} n’a pas démarré :\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { child, ready, exited, output: () => out };
}

function cookieOf(res: Response): string {
  const line = res.headers.getSetCookie().filter((l) => l.startsWith('relais_session=')).at(-1);
  if (!line) throw new Error('pas de cookie de session');
  return line.split(';')[0]!;
}

it('serves one service from two processes: shared sessions, each job run once, demo seeded once', async () => {
  // Both start at the same moment on an empty database.
  const a = startNode('a');
  const b = startNode('b');
  const [urlA, urlB] = await Promise.all([a.ready, b.ready]);
  // Each prints the demo accounts, though only one of them seeded.
  expect(a.output()).toContain('admin@demo.relais.test');
  expect(b.output()).toContain('admin@demo.relais.test');

  // A session opened on A (the sign-in form's CSRF token) is accepted by B, which signs the person in;
  // the new session from B is then recognised by A.
  const form = await fetch(`${urlA}/connexion`);
  expect(form.status).toBe(200);
  const cookieA = cookieOf(form);
  const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
  const signIn = await fetch(`${urlB}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieA, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: 'usager@demo.relais.test', password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(303);
  const signedIn = cookieOf(signIn);
  const account = await fetch(`${urlA}/compte`, { redirect: 'manual', headers: { cookie: signedIn } });
  expect(account.status).toBe(200);
  expect(await account.text()).toContain('Marie Usagère');

  // Jobs queued by anyone are run by exactly one of the two workers.
  database = await openDatabase({ kind: 'postgres', url: target.url, max: 2 });
  const seeds = await queryRows<{ key: string }>(database.db, sql`select key from app_meta where key like 'demo-seed:%'`);
  expect(seeds).toEqual([{ key: 'demo-seed:35' }]);
  const count = 60;
  const ids = await inTransaction(database.db, async (tx) => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(await enqueueMail(tx, { to: `personne${i}@example.fr`, subject: `Message ${i}`, text: 'Bonjour' }, new Date()));
    return out;
  });
  const deadline = Date.now() + 30_000;
  while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  const byMessage = new Map<string, number>();
  for (const r of received) byMessage.set(r.messageId, (byMessage.get(r.messageId) ?? 0) + 1);
  expect([...byMessage.values()].filter((n) => n !== 1)).toEqual([]);
  expect([...byMessage.keys()].sort()).toEqual(ids.map((id) => `<relais-${id}@localhost>`).sort());
  const senders = new Set(received.map((r) => r.from));
  expect(senders).toEqual(new Set(['a@relais.test', 'b@relais.test']));

  for (const node of [a, b]) node.child.kill('SIGTERM');
  expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
}, 180_000);
