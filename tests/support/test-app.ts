// The whole application in-process on a private test database, with a cookie-keeping client.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { diskFileStore } from '../../src/platform/files/file-store.ts';
import { createApp } from '../../src/app.tsx';
import { loadConfig, type Config } from '../../src/config.ts';
import { manualClock, randomIds, type Clock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/client.ts';
import type { AppDeps } from '../../src/platform/http/context.ts';
import { openTestDatabase } from './test-db.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: Database;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
  /** A new visitor with an empty cookie jar. */
  client(): TestClient;
}

export async function createTestApp(opts: { env?: Record<string, string>; clock?: Clock } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const filesDir = await mkdtemp(join(tmpdir(), 'relais-files-'));
  const clock = manualClock(new Date());
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'false', ...opts.env });
  const deps: AppDeps = {
    config,
    db: database.db,
    dbKind: database.kind,
    logger: pino({ level: 'silent' }),
    clock: opts.clock ?? clock,
    ids: randomIds,
    // Each test app keeps its files in a directory of its own, removed on close.
    files: diskFileStore(filesDir),
  };
  const app = createApp(deps);
  return { app, deps, database, clock, close: async () => {
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    }, client: () => new TestClient(app) };
}

export class TestClient {
  private cookies = new Map<string, string>();
  /** The CSRF token of the last page that had a form. */
  csrf: string | null = null;

  constructor(private readonly app: ReturnType<typeof createApp>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  /** GET a page, remember its CSRF token, return status and HTML. */
  async get(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await this.request(path);
    const html = await res.text();
    const m = html.match(/name="_csrf" value="([^"]+)"/);
    if (m) this.csrf = m[1]!;
    return { status: res.status, html, res };
  }

  /** POST a form as a browser would, with the CSRF token of the last page unless one is given. */
  async post(path: string, fields: Record<string, string | string[]>, opts: { csrf?: string | null } = {}): Promise<{ status: number; html: string; location: string | null; res: Response }> {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (token) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const html = await res.text();
    const m = html.match(/name="_csrf" value="([^"]+)"/);
    if (m) this.csrf = m[1]!;
    return { status: res.status, html, location: res.headers.get('location'), res };
  }
}
