import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

// Any constant shared by every Relais process: the key of the advisory lock that serialises migrations.
const MIGRATION_LOCK_KEY = 7_245_001;

/** Applies the pending SQL migrations of db/migrations, the same files on both engines. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several processes may start at once on one server: one applies the migrations, the others wait for it
  // and then find nothing left to do.
  const connection = await database.client!.reserve();
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    connection.release();
  }
}
