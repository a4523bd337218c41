// npm run bench (fourth part) — téléprocédures at the scale of a large département: 1,000,000 generated case
// files on PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL): the agents' inbox page p95 ≤ 50 ms; the CSV export
// of all of them streamed at ≥ 20,000 rows/s with the process's RSS ≤ 300 MB; 200 submissions per second for a
// minute, none lost (rows counted afterwards). The same run measures PGlite beside it (BENCH_LITE_CASES case
// files, 1,000,000 unless told otherwise). Rewrites the « Téléprocédures » table of docs/benchmarks.md.
// BENCH_CASES and BENCH_SUBMIT_SECONDS shrink the run for a quick try.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { randomIds, type Clock } from '../src/platform/clock.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { diskFileStore } from '../src/platform/files/file-store.ts';
import { loadConfig } from '../src/config.ts';
import { getPublishedProcedure, submitCase, type ProceduresDeps } from '../src/modules/procedures/index.ts';
import { seedDemo } from '../seeds/demo.ts';

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

async function measureEngine(database: Database, count: number) {
  await migrate(database);
  await seedDemo({ db: database.db, clock, ids: randomIds }, '35');
  const gen = await generateCases(database, count);
  const submit = await submissions(database);
  return { gen, submit };
}

const pgUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
const results: Array<{ engine: string; count: number; r: Awaited<ReturnType<typeof measureEngine>> }> = [];
if (pgUrl) {
  const name = `relais_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const pg = await openDatabase({ kind: 'postgres', url: u.href, max: 20 });
  try {
    console.log(`PostgreSQL, ${CASES} dossiers…`);
    results.push({ engine: 'PostgreSQL', count: CASES, r: await measureEngine(pg, CASES) });
  } finally {
    await pg.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
{
  const lite = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    console.log(`PGlite, ${LITE_CASES} dossiers…`);
    results.push({ engine: 'PGlite', count: LITE_CASES, r: await measureEngine(lite, LITE_CASES) });
  } finally {
    await lite.close();
  }
}

const rows: string[] = [];
for (const { engine, count, r } of results) {
  const s = r.submit;
  const sustained = s.filed === s.offered && s.failed === 0 && s.drainSeconds < 5;
  const pg = engine === 'PostgreSQL';
  rows.push(
    `| ${engine} : ${SUBMIT_RATE} envois par seconde pendant ${SUBMIT_SECONDS} s (${s.offered} dossiers) | ${s.filed} déposés, ${s.offered - s.filed} perdus, ${s.failed} erreurs ; p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} ; file vidée ${s.drainSeconds.toFixed(1)} s après la fin | ${pg ? 'soutenu, aucun perdu' : '—'} | ${pg ? verdict(sustained) : sustained ? 'soutenu' : 'non soutenu'} |`,
  );
  rows.push(`| ${engine} : génération de ${count.toLocaleString('fr-FR')} dossiers déposés | ${r.gen.seconds.toFixed(0)} s | — | — |`);
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const machine = `${cpus().length} cœurs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}`;
const section = [
  '<!-- bench:procedures:start -->',
  `Mesuré le ${when} UTC avec \`npm run bench\` sur ${machine}.${pgUrl ? '' : ' PostgreSQL non mesuré : lancer avec `BENCH_DATABASE_URL=postgres://…`.'}`,
  '',
  '| mesure | résultat | budget | |',
  '|---|---|---|---|',
  ...rows,
  '<!-- bench:procedures:end -->',
].join('\n');
const docPath = join(root, 'docs/benchmarks.md');
let doc = readFileSync(docPath, 'utf8');
if (!doc.includes('<!-- bench:procedures:start -->')) doc += '\n## Téléprocédures\n\n<!-- bench:procedures:start -->\n<!-- bench:procedures:end -->\n';
doc = doc.replace(/<!-- bench:procedures:start -->[\s\S]*<!-- bench:procedures:end -->/, section);
writeFileSync(docPath, doc);
console.log(section);
