// npm run bench (second part) — the directory at national scale: 100,000 places over every French commune
// (../shared/data/communes-2024.csv), a typical search timed on PGlite and, when BENCH_DATABASE_URL (or
// DATABASE_URL) names a PostgreSQL server, on PostgreSQL in the same run; the results page's weight.
// Rewrites the « Annuaire » table of docs/benchmarks.md.
import { benchPgUrl, withScratchPostgres, writeBenchTable } from './report.ts';
import { diskFileStore } from '../src/platform/files/file-store.ts';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { createApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import { randomIds } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { EMPTY_CRITERIA, searchPlaces, type SearchCriteria } from '../src/modules/directory/index.ts';
import { NEEDS } from '../src/modules/directory/domain/needs.ts';
import { COMMUNES_CSV, communeSampler, generatePlaces, loadBenchCommunes, prng, readBenchCommunes, type BenchCommune } from './directory-data.ts';

const PLACES = Number(process.env.BENCH_PLACES ?? 100_000);
const SEARCHES = 300;
// A Tuesday at 10:30 in Paris: most places are open, as on a working morning.
const NOW = new Date('2026-11-24T09:30:00Z');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The searches people make: two needs, near the commune where they live (drawn by population), within 20 km, open now. */
function typicalSearches(list: BenchCommune[], n: number): SearchCriteria[] {
  const rand = prng(42);
  const byPopulation = [...list].sort((a, b) => b.population - a.population);
  const draw = communeSampler(byPopulation, rand);
  return Array.from({ length: n }, () => {
    const a = NEEDS[Math.floor(rand() * 3)]!.slug;
    const others = NEEDS.filter((x) => x.slug !== a);
    const b = others[Math.floor(rand() * others.length)]!.slug;
    return { ...EMPTY_CRITERIA, needs: [a, b], commune: { text: '', insee: draw().insee }, radiusKm: 20, openNow: true };
  });
}

async function measure(database: Database, searches: SearchCriteria[]): Promise<{ p50: number; p95: number; max: number; meanHits: number }> {
  for (const c of searches.slice(0, 30)) await searchPlaces(database.db, c, NOW); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const c of searches) {
    const t0 = performance.now();
    const r = await searchPlaces(database.db, c, NOW);
    times.push(performance.now() - t0);
    hits += r.hits.length;
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, meanHits: hits / searches.length };
}

async function fill(database: Database, list: BenchCommune[]): Promise<number> {
  const t0 = performance.now();
  await migrate(database);
  await loadBenchCommunes(database.db, list);
  await generatePlaces(database.db, list, PLACES, NOW);
  return performance.now() - t0;
}

async function resultsPage(database: Database, list: BenchCommune[]): Promise<{ gz: number; p95: number }> {
  const deps = {
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'false' }),
    db: database.db,
    dbKind: database.kind,
    logger: pino({ level: 'silent' }),
    clock: { now: () => NOW },
    ids: randomIds,
    files: diskFileStore(join(tmpdir(), 'relais-bench-files')),
  };
  const app = createApp(deps);
  // The largest town of the file: the fullest page of 20 results.
  const town = [...list].sort((a, b) => b.population - a.population)[0]!;
  const url = `/lieux?besoin=demarches&besoin=outils&communeInsee=${town.insee}&rayon=20&ouvert=maintenant`;
  let html = '';
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const res = await app.request(url);
    html = await res.text();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    if (i >= 10) times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  if (!html.includes('km')) throw new Error('la page de résultats ne montre aucune distance');
  return { gz: gzipSync(html).length, p95: percentile(times, 95) };
}

if (!existsSync(COMMUNES_CSV)) {
  console.log(`Mesures de l’annuaire sautées : ${fileURLToPath(COMMUNES_CSV)} est absent.`);
  process.exit(0);
}
const list = await readBenchCommunes();
const searches = typicalSearches(list, SEARCHES);
const rows: string[] = [];

const lite = await openDatabase({ kind: 'pglite', dataDir: null });
const liteFill = await fill(lite, list);
const liteSearch = await measure(lite, searches);
const page = await resultsPage(lite, list);
await lite.close();

const pgRun = benchPgUrl ? await withScratchPostgres(benchPgUrl, 4, async (pg) => ({ fill: await fill(pg, list), search: await measure(pg, searches) })) : null;
const pgSearch = pgRun?.search ?? null;
const pgFill = pgRun?.fill ?? 0;

const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'tenu' : '**dépassé**');
rows.push(
  `| Recherche type (2 besoins, à 20 km d’une commune, ouvert maintenant, 20 résultats), PGlite, ${SEARCHES} recherches | p50 ${ms(liteSearch.p50)}, p95 ${ms(liteSearch.p95)}, max ${ms(liteSearch.max)} (${liteSearch.meanHits.toFixed(1)} résultats en moyenne) | p95 ≤ 60 ms | ${verdict(liteSearch.p95 <= 60)} |`,
);
if (pgSearch) {
  rows.push(
    `| La même, PostgreSQL | p50 ${ms(pgSearch.p50)}, p95 ${ms(pgSearch.p95)}, max ${ms(pgSearch.max)} | p95 ≤ 20 ms | ${verdict(pgSearch.p95 <= 20)} |`,
  );
  rows.push(`| Rapport PGlite / PostgreSQL (p95, même exécution) | ${(liteSearch.p95 / pgSearch.p95).toFixed(2)} | — | — |`);
} else {
  rows.push('| La même, PostgreSQL | non mesurée : lancer avec `BENCH_DATABASE_URL=postgres://…` | p95 ≤ 20 ms | — |');
}
rows.push(`| Page de résultats (20 lieux, la plus grande ville), compressée gzip | ${(page.gz / 1024).toFixed(1)} Ko | ≤ 30 Ko | ${verdict(page.gz <= 30 * 1024)} |`);
rows.push(`| Page de résultats, temps serveur complet (requête → HTML), PGlite | p95 ${ms(page.p95)} | — | — |`);
rows.push(`| Chargement : ${list.length} communes et ${PLACES} lieux | PGlite ${(liteFill / 1000).toFixed(1)} s${pgSearch ? `, PostgreSQL ${(pgFill / 1000).toFixed(1)} s` : ''} | — | — |`);

writeBenchTable('directory', 'Annuaire', rows);
