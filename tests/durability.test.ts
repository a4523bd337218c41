// The embedded database (PGlite) under the real server process: an acknowledged write survives kill -9,
// a killed server's stale lock does not block the restart, and a second server on the same data
// directory refuses to start. PGlite is what is under test here, so it runs on PGlite in both test runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/client.ts';
import { appMeta } from '../src/platform/db/meta.table.ts';
import { tmpDir } from './support/paths.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(`${tmpDir}/durability-`);
const dataDir = `${dir}/data`;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const env = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: '',
  RELAIS_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  RELAIS_SEED_DEMO: 'false',
};

function start(script: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = async (pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const m = stdout.match(pattern);
      if (m) return m;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`attendu ${pattern} ; sortie : ${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}

describe('embedded database durability', () => {
  it('keeps every acknowledged write after kill -9, restarts over the stale lock, and refuses a second server', async () => {
    // 1. A server process writing as fast as it can; killed without warning mid-writes.
    const writer = start('tests/support/durability-writer.ts');
    await writer.waitFor(/^ready \d+$/m, 60_000);
    await writer.waitFor(/^ack 300$/m);
    writer.child.kill('SIGKILL');
    const killed = await writer.exited;
    expect(killed.signal).toBe('SIGKILL');
    const acked = [...writer.out().matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
    expect(acked.length).toBeGreaterThanOrEqual(300);

    // 2. The real server starts again on the same data directory although the killed one left its lock file.
    const server = start('src/main.ts');
    const [, port] = await server.waitFor(/Relais est prêt sur \S+ \(port (\d+)/, 60_000);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);

    // 3. A second server on the same data directory refuses to start, with a French explanation.
    const second = start('src/main.ts');
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(second.err()).toContain(`est déjà utilisée par le processus ${server.child.pid}`);
    expect(second.err()).toContain('RELAIS_DATA_DIR');
    // The first one is unharmed.
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // 4. A graceful stop releases the data directory.
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.out()).toContain('Relais est arrêté.');

    // 5. Every acknowledged write is there (a write in flight at the kill may or may not be: it was never acknowledged).
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await database.db.select({ key: appMeta.key }).from(appMeta).where(like(appMeta.key, 'durability:%'));
      const stored = new Set(rows.map((r) => Number(r.key.split(':')[1])));
      const lost = acked.filter((n) => !stored.has(n));
      expect(lost).toEqual([]);
      expect(stored.size).toBeLessThanOrEqual(acked.length + 1);
    } finally {
      await database.close();
    }
  }, 180_000);
});
