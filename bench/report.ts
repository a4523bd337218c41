// What the bench scripts share: a throwaway PostgreSQL database for one run, and the table each one rewrites
// in docs/benchmarks.md between its markers.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/platform/db/client.ts';

/** The PostgreSQL server to measure on, if any (BENCH_DATABASE_URL, else DATABASE_URL). */
export const benchPgUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;

/** Runs `work` on a new empty database of the server, dropped afterwards; `url` is the database's own. */
export async function withScratchPostgres<T>(serverUrl: string, max: number, work: (database: Database, url: string) => Promise<T>): Promise<T> {
  const name = `relais_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.href, max });
  try {
    return await work(database, u.href);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Rewrites the table between `<!-- bench:KEY:start -->` and `<!-- bench:KEY:end -->` (added under `heading` the
 * first time), stamped with the date and the machine; prints it too.
 */
export function writeBenchTable(key: string, heading: string, rows: readonly string[], note = ''): void {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${cpus().length} cœurs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}`;
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const section = [start, `Mesuré le ${when} UTC avec \`npm run bench\` sur ${machine}.${note}`, '', '| mesure | résultat | budget | |', '|---|---|---|---|', ...rows, end].join('\n');
  const docPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  let doc = readFileSync(docPath, 'utf8');
  if (!doc.includes(start)) doc += `\n## ${heading}\n\n${start}\n${end}\n`;
  doc = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), section);
  writeFileSync(docPath, doc);
  console.log(section);
}
