// npm run bench (fourth part) — téléprocédures at the scale of a large département: 1,000,000 generated case
// files on PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL): the agents' inbox page p95 ≤ 50 ms; the CSV export
// of all of them streamed at ≥ 20,000 rows/s with the process's RSS ≤ 300 MB; 200 submissions per second for a
// minute, none lost (rows counted afterwards). The same run measures PGlite beside it (BENCH_LITE_CASES case
// files, 1,000,000 unless told otherwise). Rewrites the « Téléprocédures » table of docs/benchmarks.md.
// BENCH_CASES and BENCH_SUBMIT_SECONDS shrink the run for a quick try.
import { benchPgUrl, withScratchPostgres, writeBenchTable } from './report.ts';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { randomIds, type Clock } from '../src/platform/clock.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { diskFileStore } from '../src/platform/files/file-store.ts';
import { loadConfig } from '../src/config.ts';
import { getPublishedProcedure, submitCase, type ProceduresDeps } from '../src/modules/procedures/index.ts';
import { seedDemo } from '../seeds/demo.ts';
import pino from 'pino';
import { createApp } from '../src/app.tsx';
import { hashToken } from '../src/platform/http/session.ts';
import { httpSessions } from '../src/schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const LITE_CASES = Number(process.env.BENCH_LITE_CASES ?? CASES);
const SUBMIT_RATE = 200;
const SUBMIT_SECONDS = Number(process.env.BENCH_SUBMIT_SECONDS ?? 60);
const SLUG = 'contacter-mon-centre-social';
const clock: Clock = { now: () => new Date() };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'tenu' : '**dépassé**');

function depsOf(database: Database): ProceduresDeps {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'false' });
  return { db: database.db, clock, ids: randomIds, files: diskFileStore(join(tmpdir(), 'relais-bench-files')), config };
}

const FIRST = ['Aïcha', 'Jean', 'Marie', 'Léa', 'Mohamed', 'Louis', 'Chloé', 'Nathan', 'Inès', 'Hugo', 'Manon', 'Yanis', 'Camille', 'Lucas', 'Sarah', 'Théo'];
const LAST = ['Martin', 'Bernard', 'Durand', 'Le Gall', 'Petit', 'Moreau', 'Lefèvre', 'Garnier', 'Rousseau', 'Morel', 'Guérin', 'Le Goff', 'Fontaine', 'Chevalier'];
const WORDS = ['logement', 'loyer', 'facture', 'énergie', 'rendez-vous', 'enfant', 'école', 'santé', 'emploi', 'dossier', 'allocation', 'transport', 'courrier', 'impôts', 'retraite', 'papiers'];
const STATES = ['filed', 'filed', 'in_review', 'in_review', 'in_review', 'correction_requested', 'accepted', 'accepted', 'accepted', 'refused', 'closed_without_action'];

const textArray = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`);

/**
 * Filed case files generated in SQL (batches of 50,000): spread over every team, commune and state, 3 years of
 * filing dates, a third unassigned, answers like a real contact form, and the search vector written as at
 * submission. The demo agent belongs to every team: its inbox is the largest there is.
 */
async function generateCases(database: Database, count: number): Promise<{ seconds: number; agentId: string }> {
  const t0 = performance.now();
  const q = database.db;
  const procedure = await getPublishedProcedure(q, SLUG);
  if (!procedure) throw new Error('procédure de démonstration absente');
  const teams = (await queryRows<{ id: string }>(q, sql`select id from review_teams order by key`)).map((r) => r.id);
  const communes = (await queryRows<{ insee: string }>(q, sql`select insee from communes where departement_code = '35' order by insee`)).map((r) => r.insee);
  const [agent] = await queryRows<{ id: string }>(q, sql`select id from users where email = 'agent@demo.relais.test'`);
  // Colleagues to assign case files to, members of every team like the demo agent.
  const colleagues: string[] = [agent!.id];
  for (let i = 0; i < 19; i++) {
    const id = randomUUID();
    colleagues.push(id);
    await q.execute(sql`insert into users (id, kind, email, display_name, status, created_at) values (${id}, 'staff', ${`agent-${i}@bench.relais.test`}, ${`Agent ${i}`}, 'active', now())`);
    await q.execute(sql`insert into review_team_members (team_id, user_id, role, created_at) select id, ${id}, 'reviewer', now() from review_teams`);
  }
  const base = Date.UTC(2026, 10, 24, 9, 0, 0);
  const BATCH = 50_000;
  for (let from = 0; from < count; from += BATCH) {
    const to = Math.min(count, from + BATCH) - 1;
    await q.execute(sql`
      insert into cases (id, procedure_id, version_id, state, raw_answers, answers, filer_name, contact_email, commune_code, team_id,
                         assignee_id, search, created_at, updated_at, touched_at, filed_at, decided_at, decision_reason)
      select gen_random_uuid(), ${procedure.procedureId}, ${procedure.versionId}, st, '{}'::jsonb,
             jsonb_build_object('prenom', fn, 'nom', ln, 'commune', co, 'moyen_contact', 'courriel', 'email', em, 'sujet', 'aide', 'message', msg),
             fn || ' ' || ln, em, co, tm,
             case when i % 3 = 0 then null else (${textArray(colleagues)})[(1 + (i / 3) % ${colleagues.length})::int]::uuid end,
             to_tsvector('french', i::text || ' ' || translate(fn || ' ' || ln || ' ' || msg, 'ïéèêàç', 'ieeeac')),
             at, at, at, at,
             case when st in ('accepted', 'refused', 'closed_without_action') then at + interval '9 days' end,
             case when st in ('refused', 'closed_without_action') then 'Motif de la décision' end
      from (
        select i,
               (${textArray(STATES)})[(1 + i % ${STATES.length})::int] as st,
               (${textArray(FIRST)})[(1 + i % ${FIRST.length})::int] as fn,
               (${textArray(LAST)})[(1 + (i / 7) % ${LAST.length})::int] as ln,
               (${textArray(communes)})[(1 + (i * 7919) % ${communes.length})::int] as co,
               (${textArray(teams)})[(1 + (i * 31) % ${teams.length})::int]::uuid as tm,
               'personne' || i || '@exemple.fr' as em,
               'Bonjour, j’ai besoin d’aide pour mon ' || (${textArray(WORDS)})[(1 + i % ${WORDS.length})::int] || ' et mon ' || (${textArray(WORDS)})[(1 + (i / 16) % ${WORDS.length})::int] || '.' as msg,
               to_timestamp(${base / 1000} - i * 90) as at
        from generate_series(${from}::bigint, ${to}::bigint) as i
      ) g`);
    process.stdout.write(`\r  ${to + 1} dossiers générés`);
  }
  process.stdout.write('\n');
  await q.execute(sql`analyze`);
  return { seconds: (performance.now() - t0) / 1000, agentId: agent!.id };
}

/** Drafts ready to send: the contact form's answers, valid, one per planned submission. */
async function prepareDrafts(database: Database, count: number): Promise<string[]> {
  const q = database.db;
  const procedure = await getPublishedProcedure(q, SLUG);
  const raw = {
    vous: { prenom: 'Aïcha', nom: 'Durand', commune: '35238' },
    contact: { moyen_contact: 'courriel', email: 'aicha.durand@exemple.fr' },
    message: { sujet: 'rendez-vous', message: 'Je voudrais un rendez-vous pour mon dossier de logement.' },
  };
  const rows = await queryRows<{ id: string }>(
    q,
    sql`insert into cases (id, procedure_id, version_id, state, raw_answers, created_at, updated_at, touched_at)
        select gen_random_uuid(), ${procedure!.procedureId}, ${procedure!.versionId}, 'draft', ${JSON.stringify(raw)}::jsonb, now(), now(), now()
        from generate_series(1, ${count}) returning id`,
  );
  return rows.map((r) => r.id);
}

interface SubmitFigures {
  offered: number;
  filed: number;
  failed: number;
  p50: number;
  p95: number;
  max: number;
  /** Seconds after the last second of offered load until every submission had its answer. */
  drainSeconds: number;
}

/**
 * 200 « Envoyer » per second, each its own transaction through the submission use case (checks, routing,
 * numbering, search vector, journal, mail and job queued), for SUBMIT_SECONDS; then the filed rows are counted.
 */
async function submissions(database: Database): Promise<SubmitFigures> {
  const deps = depsOf(database);
  const total = SUBMIT_RATE * SUBMIT_SECONDS;
  const drafts = await prepareDrafts(database, total);
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let second = 0; second < SUBMIT_SECONDS; second++) {
    // Spread each second's 200 over the second, as independent people clicking.
    for (let k = 0; k < SUBMIT_RATE; k++) {
      const due = t0 + second * 1000 + (k * 1000) / SUBMIT_RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const caseId = drafts[second * SUBMIT_RATE + k]!;
      const started = performance.now();
      pending.push(
        submitCase(deps, { userId: null, label: 'usager sans compte' }, { caseId, idempotencyKey: randomUUID() }).then(
          (r) => {
            if (r.ok) latencies.push(performance.now() - started);
            else failed++;
          },
          () => {
            failed++;
          },
        ),
      );
    }
  }
  const offeredEnd = performance.now();
  await Promise.all(pending);
  const drainSeconds = (performance.now() - offeredEnd) / 1000;
  const ids = sql.join(
    drafts.map((d) => sql`${d}`),
    sql`, `,
  );
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases where state = 'filed' and id in (${ids})`);
  latencies.sort((a, b) => a - b);
  return { offered: total, filed: n, failed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? 0, drainSeconds };
}

/** A signed-in agent's browser session (MFA passed), for the HTTP measures. */
async function agentCookie(database: Database, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const later = new Date(Date.now() + 3 * 3_600_000);
  // As after enrolment: the demo accounts enrol their second factor at their first sign-in.
  await database.db.execute(sql`update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where id = ${userId}`);
  await database.db.insert(httpSessions).values({ idHash: hashToken(token), userId, csrfToken: 'x', data: { mfaPassed: true }, createdAt: new Date(), lastSeenAt: new Date(), idleExpiresAt: later, absoluteExpiresAt: later });
  return `relais_session=${token}`;
}

function appFor(database: Database) {
  return createApp({ ...depsOf(database), dbKind: database.kind, logger: pino({ level: 'silent' }), config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'false', SESSION_IDLE_MINUTES: '600' }) });
}

/**
 * The inbox page as an agent of every team sees it (the largest inbox there is), through HTTP in-process:
 * session, query and rendering. A mix of tabs, filters, search, sorts and pages.
 */
async function inboxPages(database: Database, agentId: string): Promise<{ p50: number; p95: number; max: number; rows: number }> {
  const app = appFor(database);
  const cookie = await agentCookie(database, agentId);
  const [proc] = await queryRows<{ id: string }>(database.db, sql`select id from procedures where slug = ${SLUG}`);
  const urls = [
    '/instruction',
    '/instruction?onglet=tous',
    '/instruction?onglet=mes-dossiers',
    '/instruction?onglet=termines',
    '/instruction?onglet=tous&page=3',
    '/instruction?onglet=tous&etat=in_review',
    `/instruction?onglet=tous&demarche=${proc!.id}&tri=depot-ancien`,
    '/instruction?onglet=tous&commune=35093',
    '/instruction?onglet=tous&q=loyer+energie',
    '/instruction?onglet=tous&q=Guerin',
    '/instruction?onglet=tous&du=1/3/2025&au=31/3/2025',
    '/instruction?onglet=tous&tri=mise-a-jour',
  ];
  for (const u of urls) await (await app.request(u, { headers: { cookie } })).text();
  const times: number[] = [];
  let rows = 0;
  for (let round = 0; round < 20; round++) {
    for (const u of urls) {
      const t0 = performance.now();
      const res = await app.request(u, { headers: { cookie } });
      const html = await res.text();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${u} → ${res.status}`);
      rows += (html.match(/href="\/instruction\/dossiers\//g) ?? []).length;
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, rows: Math.round(rows / times.length) };
}

/**
 * The CSV export of every case file of the procedure, from a real Relais server process on the same database
 * (PostgreSQL), downloaded over HTTP as a client would; the server's resident memory is read from /proc.
 * On PGlite the export runs in this process (one process owns the embedded database), whose memory then
 * includes the database itself.
 */
async function exportAll(database: Database, agentId: string, url: string | null): Promise<{ rows: number; seconds: number; rate: number; peakMb: number; baselineMb: number }> {
  const cookie = await agentCookie(database, agentId);
  const [proc] = await queryRows<{ id: string }>(database.db, sql`select id from procedures where slug = ${SLUG}`);
  let base: string;
  let rss: () => number;
  let stopServer = async () => {};
  if (url) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, NODE_ENV: 'production', RELAIS_SEED_DEMO: 'false', JOBS_WORKER: 'false', LOG_LEVEL: 'warn', SESSION_IDLE_MINUTES: '600' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 600) throw new Error('le serveur ne démarre pas');
      await new Promise((r) => setTimeout(r, 50));
    }
    rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024;
    stopServer = () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
  } else {
    const app = appFor(database);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    (globalThis as { gc?: () => void }).gc?.();
    rss = () => process.memoryUsage().rss;
    stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }
  try {
    // Warm up (code paths, caches), then measure.
    await (await fetch(`${base}/instruction`, { headers: { cookie } })).text();
    const baseline = rss();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
    const t0 = performance.now();
    const res = await fetch(`${base}/instruction/export.csv?demarche=${proc!.id}`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`export → ${res.status}`);
    let lines = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rss());
    return { rows: lines - 1, seconds, rate: (lines - 1) / seconds, peakMb: peak / 2 ** 20, baselineMb: baseline / 2 ** 20 };
  } finally {
    await stopServer();
  }
}

async function measureEngine(database: Database, count: number, url: string | null) {
  await migrate(database);
  await seedDemo({ db: database.db, clock, ids: randomIds }, '35');
  const gen = await generateCases(database, count);
  const inbox = await inboxPages(database, gen.agentId);
  const exported = await exportAll(database, gen.agentId, url);
  const submit = await submissions(database);
  return { gen, inbox, exported, submit };
}

const results: Array<{ engine: string; count: number; r: Awaited<ReturnType<typeof measureEngine>> }> = [];
if (benchPgUrl) {
  await withScratchPostgres(benchPgUrl, 20, async (pg, url) => {
    console.log(`PostgreSQL, ${CASES} dossiers…`);
    results.push({ engine: 'PostgreSQL', count: CASES, r: await measureEngine(pg, CASES, url) });
  });
}
{
  const lite = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    console.log(`PGlite, ${LITE_CASES} dossiers…`);
    results.push({ engine: 'PGlite', count: LITE_CASES, r: await measureEngine(lite, LITE_CASES, null) });
  } finally {
    await lite.close();
  }
}

const rows: string[] = [];
for (const { engine, count, r } of results) {
  const pg = engine === 'PostgreSQL';
  rows.push(
    `| ${engine} : page « Dossiers à instruire » sur ${count.toLocaleString('fr-FR')} dossiers (agent de toutes les équipes, 12 vues : onglets, filtres, recherche, tris, pages ; requête HTTP complète) | p50 ${ms(r.inbox.p50)}, p95 ${ms(r.inbox.p95)}, max ${ms(r.inbox.max)} | ${pg ? 'p95 ≤ 50 ms' : '—'} | ${pg ? verdict(r.inbox.p95 <= 50) : '—'} |`,
  );
  rows.push(
    `| ${engine} : export CSV de tous les dossiers de la démarche (${r.exported.rows.toLocaleString('fr-FR')} lignes) | ${Math.round(r.exported.rate).toLocaleString('fr-FR')} lignes/s (${r.exported.seconds.toFixed(1)} s) ; mémoire ${pg ? 'du serveur' : 'du processus (base embarquée comprise)'} : ${r.exported.baselineMb.toFixed(0)} Mo avant, ${r.exported.peakMb.toFixed(0)} Mo au plus haut | ${pg ? '≥ 20 000 lignes/s, ≤ 300 Mo' : '—'} | ${pg ? verdict(r.exported.rate >= 20_000 && r.exported.peakMb <= 300) : '—'} |`,
  );
  const s = r.submit;
  const sustained = s.filed === s.offered && s.failed === 0 && s.drainSeconds < 5;
  rows.push(
    `| ${engine} : ${SUBMIT_RATE} envois par seconde pendant ${SUBMIT_SECONDS} s (${s.offered} dossiers) | ${s.filed} déposés, ${s.offered - s.filed} perdus, ${s.failed} erreurs ; p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} ; file vidée ${s.drainSeconds.toFixed(1)} s après la fin | ${pg ? 'soutenu, aucun perdu' : '—'} | ${pg ? verdict(sustained) : sustained ? 'soutenu' : 'non soutenu'} |`,
  );
  rows.push(`| ${engine} : génération de ${count.toLocaleString('fr-FR')} dossiers déposés | ${r.gen.seconds.toFixed(0)} s | — | — |`);
}

writeBenchTable('procedures', 'Téléprocédures', rows, benchPgUrl ? '' : ' PostgreSQL non mesuré : lancer avec `BENCH_DATABASE_URL=postgres://…`.');
