// The backup procedure of docs/operations.md, for real: pg_dump of a Relais database, pg_restore into an
// empty one, and Relais finds its data there (including the append-only audit journal).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/record.ts';
import { openDatabase, queryRows } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { createEmptyDatabase, pgBinary } from './support.ts';

let source: Awaited<ReturnType<typeof createEmptyDatabase>>;
let restored: Awaited<ReturnType<typeof createEmptyDatabase>>;
const dir = mkdtempSync(join(tmpdir(), 'relais-backup-'));
beforeAll(async () => {
  source = await createEmptyDatabase();
  restored = await createEmptyDatabase();
});
afterAll(async () => {
  await source.drop();
  await restored.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('restores a pg_dump backup into an empty database, audit journal included', async () => {
  const db1 = await openDatabase({ kind: 'postgres', url: source.url, max: 2 });
  await migrate(db1);
  const at = new Date('2026-03-01T09:00:00Z');
  await recordAudit(db1.db, { at, actorId: null, actorLabel: 'système', action: 'system.demo_seeded', details: { test: 'sauvegarde' } });
  await db1.close();

  const file = join(dir, 'relais.dump');
  execFileSync(pgBinary('pg_dump'), ['--format=custom', `--file=${file}`, source.url]);
  execFileSync(pgBinary('pg_restore'), ['--no-owner', `--dbname=${restored.url}`, file]);

  const db2 = await openDatabase({ kind: 'postgres', url: restored.url, max: 2 });
  try {
    await migrate(db2); // nothing left to apply: the migration history came with the backup
    const rows = await queryRows<{ actor_label: string; details: { test: string } }>(
      db2.db,
      sql`select actor_label, details from audit_events where action = 'system.demo_seeded'`,
    );
    expect(rows).toEqual([{ actor_label: 'système', details: { test: 'sauvegarde' } }]);
    // The restored journal is still append-only.
    const refusal = await db2.db.execute(sql`delete from audit_events`).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(refusal).toMatch(/append-only/);
  } finally {
    await db2.close();
  }
});
