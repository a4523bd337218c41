// npm run bench (third part) — the open-data CSV export of 100,000 places streams in flat memory: the server
// process's resident memory (RSS) may grow by less than 100 MB while the whole file goes out. Measured on PGlite
// (the embedded database lives in the same process, so its memory counts too) and, when BENCH_DATABASE_URL (or
// DATABASE_URL) names a PostgreSQL server, on PostgreSQL in the same run. Prints the figures; the places come from
// bench/directory-data.ts (every French commune of ../shared/data/communes-2024.csv, never copied here).
import { benchPgUrl, withScratchPostgres, writeBenchTable } from './report.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskFileStore } from '../src/platform/files/file-store.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import { randomIds } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { COMMUNES_CSV, generatePlaces, loadBenchCommunes, readBenchCommunes, type BenchCommune } from './directory-data.ts';

const PLACES = Number(process.env.BENCH_PLACES ?? 100_000);
const BUDGET_MB = 100;
const NOW = new Date('2026-11-24T09:30:00Z');
const mb = (bytes: number) => bytes / 1024 / 1024;

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface ExportFigures {
  rows: number;
  megabytes: number;
  seconds: number;
  baselineMb: number;
  peakMb: number;
  growthMb: number;
}

async function measureExport(database: Database): Promise<ExportFigures> {
  const app = createApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'false' }),
    db: database.db,
    dbKind: database.kind,
    logger: pino({ level: 'silent' }),
    clock: { now: () => NOW },
    ids: randomIds,
    files: diskFileStore(join(tmpdir(), 'relais-bench-files')),
  });
  // Warm up the code paths (and the database's caches) on the small « Données ouvertes » page, then settle.
  await (await app.request('/donnees')).text();
  collect();
  await new Promise((r) => setTimeout(r, 200));
  collect();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const res = await app.request('/donnees/lieux.csv');
  if (res.status !== 200 || !res.body) throw new Error(`/donnees/lieux.csv → ${res.status}`);
  // Read and drop each chunk, as a client on the network would: nothing of the file is kept here.
  const reader = res.body.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  return { rows: lines - 1, megabytes: mb(bytes), seconds, baselineMb: mb(baseline), peakMb: mb(peak), growthMb: mb(peak - baseline) };
}

async function fill(database: Database, list: BenchCommune[]): Promise<void> {
  await migrate(database);
  await loadBenchCommunes(database.db, list);
  await generatePlaces(database.db, list, PLACES, NOW);
}

function report(engine: string, f: ExportFigures): string {
  const ok = f.growthMb < BUDGET_MB ? 'tenu' : '**dépassé**';
  return `| Export CSV de ${f.rows.toLocaleString('fr-FR')} lieux, ${engine} (${f.megabytes.toFixed(1)} Mo en ${f.seconds.toFixed(1)} s) | RSS ${f.baselineMb.toFixed(0)} → ${f.peakMb.toFixed(0)} Mo, hausse ${f.growthMb.toFixed(1)} Mo | hausse < ${BUDGET_MB} Mo | ${ok} |`;
}

if (!existsSync(COMMUNES_CSV)) {
  console.log(`Mesure de l’export sautée : ${fileURLToPath(COMMUNES_CSV)} est absent.`);
  process.exit(0);
}
const list = await readBenchCommunes();
const rows: string[] = [];

const lite = await openDatabase({ kind: 'pglite', dataDir: null });
await fill(lite, list);
const liteFigures = await measureExport(lite);
await lite.close();
if (liteFigures.rows !== PLACES) throw new Error(`l’export PGlite a ${liteFigures.rows} lignes au lieu de ${PLACES}`);
rows.push(report('PGlite', liteFigures));

if (benchPgUrl) {
  await withScratchPostgres(benchPgUrl, 4, async (pg) => {
    await fill(pg, list);
    collect();
    const figures = await measureExport(pg);
    if (figures.rows !== PLACES) throw new Error(`l’export PostgreSQL a ${figures.rows} lignes au lieu de ${PLACES}`);
    rows.push(report('PostgreSQL', figures));
  });
}
writeBenchTable('export', 'Export des données ouvertes', rows);
