import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock.ts';
import { isNewDataDir, readPgliteTemplate } from './pglite-template.ts';

// One type for both engines: the queries are the same PostgreSQL on PGlite and on a server.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = PgTransaction<PgQueryResultHKT, any, any>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob | File }
  | { kind: 'postgres'; url: string; max?: number };

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Runs work while holding the installation-wide startup lock: on PostgreSQL a session advisory lock, so that
   * several processes starting at once migrate and seed one after the other; PGlite is one process already
   * (the data-directory lock).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The PGlite instance, when embedded (tests dump it to start fast). */
  pglite?: PGlite;
}

/**
 * PGlite and its extensions are loaded only when the embedded database is used: importing them costs about
 * 190 MB of resident memory, which a server on PostgreSQL must not carry (docs/benchmarks.md).
 */
async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { btree_gist }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('drizzle-orm/pglite'),
  ]);
  return { PGlite, extensions: { pg_trgm, btree_gist }, drizzle };
}

// Arbitrary constant naming Relais's startup lock among the database's advisory locks.
const STARTUP_LOCK_KEY = 7_240_113_561;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const client = postgres(target.url, {
      max: target.max ?? 10,
      onnotice: () => {},
      connection: { application_name: 'relais', TimeZone: 'UTC' },
    });
    const db = drizzlePostgres(client) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
      async exclusive(work) {
        // A reserved connection holds the lock while `work` uses the rest of the pool.
        const conn = await client.reserve();
        try {
          await conn`select pg_advisory_lock(${STARTUP_LOCK_KEY})`;
          try {
            return await work();
          } finally {
            await conn`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`;
          }
        } finally {
          conn.release();
        }
      },
    };
  }
  const lock = target.dataDir ? lockDataDir(target.dataDir) : null;
  try {
    // relaxedDurability stays false: a commit is acknowledged only once PGlite has written it to its files,
    // so it survives kill -9 of this process (see tests/durability.test.ts).
    const loadDataDir = target.loadDataDir ?? (target.dataDir && isNewDataDir(target.dataDir) ? readPgliteTemplate() : undefined);
    const { PGlite, extensions, drizzle: drizzlePglite } = await loadPglite();
    const pglite = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions,
      relaxedDurability: false,
    });
    await pglite.exec("SET TIME ZONE 'UTC'");
    const db = drizzlePglite(pglite) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite,
      exclusive: (work) => work(),
      async close() {
        try {
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Rows of a raw SQL query, whatever the engine (PGlite answers { rows }, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function ping(q: Queryable): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(q, sql`select 1 as ok`);
  return rows[0]?.ok === 1;
}
