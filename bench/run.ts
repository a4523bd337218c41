// npm run bench — measures the foundation's budgets in one run and rewrites the table in docs/benchmarks.md.
// Ratios are what count: the machines are shared and noisy, so both sides of a ratio are measured in this run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor200(url: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} n’a pas répondu 200 en ${timeoutMs} ms`);
}

function startRelais(dataDir: string, port: number): { child: ChildProcess; started: number } {
  const started = performance.now();
  const child = spawn(node, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, NODE_ENV: 'production', RELAIS_SEED_DEMO: 'true', JOBS_WORKER: 'false', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, started };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function load(url: string, encoding?: string): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--import', 'tsx', 'bench/load.ts', url, String(CONNECTIONS), String(LOAD_SECONDS), encoding ?? ''], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))));
  });
}

async function pageWeight(base: string): Promise<{ htmlGzip: number; first: number; repeat: number; files: string[] }> {
  // As a browser that accepts gzip and brotli: the HTML, then every stylesheet, script and icon it links.
  const res = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip, br' } });
  const html = await res.text();
  const htmlGzip = gzipSync(html).length;
  const encodedHtml = Number(res.headers.get('content-length') ?? 0) || htmlGzip;
  const links = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  let assets = 0;
  const files: string[] = [];
  for (const href of links) {
    const r = await fetch(`${base}${href}`, { headers: { 'accept-encoding': 'br, gzip' } });
    const body = Buffer.from(await r.arrayBuffer());
    // fetch() decodes; the transferred size is the encoded one the server sent.
    const sent = Number(r.headers.get('content-length') ?? body.length);
    assets += sent;
    files.push(`${href} (${(sent / 1024).toFixed(1)} Ko, ${r.headers.get('content-encoding') ?? 'identity'})`);
    // Modules imported by a module (GOV.UK Frontend from relais.js).
    if (href.endsWith('.js')) {
      for (const m of body.toString().matchAll(/from\s*["']\.\/([^"']+)["']/g)) links.push(`/assets/${m[1]}`);
    }
  }
  // Repeat visit: the assets are immutable and cached by the browser; only the HTML travels again.
  return { htmlGzip, first: encodedHtml + assets, repeat: encodedHtml, files };
}

const rows: string[] = [];
const notes: string[] = [];

// 1. Cold start: a fresh data directory (create, migrate, seed the demo département and its directory), then a second start on the same data.
const dataParent = mkdtempSync(join(tmpdir(), 'relais-bench-'));
const dataDir = join(dataParent, 'data');
let port = await freePort();
let relais = startRelais(dataDir, port);
const coldMs = await waitFor200(`http://127.0.0.1:${port}/`, 60_000);
await stop(relais.child);
port = await freePort();
relais = startRelais(dataDir, port);
const warmMs = await waitFor200(`http://127.0.0.1:${port}/`, 60_000);
rows.push(`| Démarrage à froid jusqu’au premier 200 (base neuve : création, migrations, démo) | ${(coldMs / 1000).toFixed(2)} s | ≤ 10 s | ${coldMs <= 10_000 ? 'tenu' : '**dépassé**'} |`);
rows.push(`| Second démarrage sur les mêmes données | ${(warmMs / 1000).toFixed(2)} s | — | — |`);

// 2. Throughput of the home page against a bare node:http hello-world, same generator, same run. The two are
// measured in turns, three rounds, and the median ratio is kept: a shared machine's noise hits both sides.
const base = `http://127.0.0.1:${port}`;
const helloChild = spawn(node, ['--import', 'tsx', 'bench/hello.ts'], { cwd: root });
const helloPort = await new Promise<number>((resolve) => helloChild.stdout!.on('data', (d) => resolve(Number(/PORT=(\d+)/.exec(String(d))![1]))));
await load(`${base}/`, 'gzip, br'); // warm-up (JIT, caches)
await load(`http://127.0.0.1:${helloPort}/`);
const rounds: { home: Awaited<ReturnType<typeof load>>; hello: Awaited<ReturnType<typeof load>>; ratio: number }[] = [];
for (let i = 0; i < 3; i++) {
  const home = await load(`${base}/`, 'gzip, br');
  const hello = await load(`http://127.0.0.1:${helloPort}/`);
  rounds.push({ home, hello, ratio: home.rps / hello.rps });
}
helloChild.kill();
const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[1]!;
const ratio = median.ratio;
const home = median.home;
rows.push(`| Page d’accueil, requêtes/s (${CONNECTIONS} connexions, ${LOAD_SECONDS} s, manche médiane) | ${home.rps.toFixed(0)} req/s (p50 ${home.p50.toFixed(1)} ms, p95 ${home.p95.toFixed(1)} ms, ${home.errors} erreurs) | — | — |`);
rows.push(`| Hello-world \`node:http\` dans la même manche | ${median.hello.rps.toFixed(0)} req/s | — | — |`);
rows.push(`| Rapport accueil / hello-world (médiane de 3 manches : ${rounds.map((r) => `${(r.ratio * 100).toFixed(1)} %`).join(', ')}) | ${(ratio * 100).toFixed(1)} % | ≥ 30 % | ${ratio >= 0.3 ? 'tenu' : '**dépassé**'} |`);

// 3. Page weight.
const w = await pageWeight(base);
rows.push(`| HTML de l’accueil, compressé gzip | ${(w.htmlGzip / 1024).toFixed(1)} Ko | ≤ 14 Ko | ${w.htmlGzip <= 14 * 1024 ? 'tenu' : '**dépassé**'} |`);
rows.push(`| Première visite : HTML + CSS + JS + icônes transférés | ${(w.first / 1024).toFixed(1)} Ko | ≤ 100 Ko | ${w.first <= 100 * 1024 ? 'tenu' : '**dépassé**'} |`);
rows.push(`| Visite suivante (ressources en cache immuable) | ${(w.repeat / 1024).toFixed(1)} Ko | — | — |`);
notes.push(`Fichiers de la première visite : ${w.files.join(' ; ')}.`);

await stop(relais.child);
rmSync(dataParent, { recursive: true, force: true });

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const machine = `${cpus().length} cœurs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}, PGlite`;
const section = [
  '<!-- bench:foundation:start -->',
  `Mesuré le ${when} UTC avec \`npm run bench\` sur ${machine}.`,
  '',
  '| mesure | résultat | budget | |',
  '|---|---|---|---|',
  ...rows,
  '',
  ...notes,
  '<!-- bench:foundation:end -->',
].join('\n');

const docPath = join(root, 'docs/benchmarks.md');
let doc: string;
try {
  doc = readFileSync(docPath, 'utf8');
} catch {
  doc = '# Mesures\n\n## Socle\n\n<!-- bench:foundation:start -->\n<!-- bench:foundation:end -->\n';
}
doc = doc.replace(/<!-- bench:foundation:start -->[\s\S]*<!-- bench:foundation:end -->/, section);
writeFileSync(docPath, doc);
console.log(section);
