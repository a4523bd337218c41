// npm run bench (fifth part) — appointments: a centre with 20 agents, weekly openings Monday to Friday
// (9–12 h, 14–17 h) and 8 weeks of 30-minute seats half booked (with some cancelled and some absences).
// Measures listing the free slots of a reason over its 8 weeks (the use case, and the resident's whole page
// through the app) on PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL) and on PGlite in the same run.
// Budget: p95 ≤ 30 ms on PostgreSQL. Rewrites the « Rendez-vous » table of docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { createApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import { appointmentReasons, appointments, findFreeSlots, openingSlots, agentAbsences, type ReasonRow } from '../src/modules/appointments/index.ts';
import { randomIds, type Clock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { diskFileStore } from '../src/platform/files/file-store.ts';
import { addDays, parisInstant, parisToday } from '../src/platform/time/paris.ts';
import { seedDemo } from '../seeds/demo.ts';
import { benchPgUrl, withScratchPostgres, writeBenchTable } from './report.ts';

const AGENTS = 20;
const WEEKS = 8;
const RUNS = 200;
const clock: Clock = { now: () => new Date() };
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function setUp(database: Database) {
  await migrate(database);
  await seedDemo({ db: database.db, clock, ids: randomIds }, '35');
  const db = database.db;
  const [any] = await db.select({ centre: appointmentReasons.socialCentreId }).from(appointmentReasons).limit(1);
  const centre = any!.centre;
  // The bench's centre: its own three reasons and twenty agents (the demo's openings are removed).
  await db.delete(openingSlots).where(eq(openingSlots.socialCentreId, centre));
  const now = clock.now();
  const reasons = await db
    .insert(appointmentReasons)
    .values(
      [30, 45, 60].map((d) => ({ id: randomUUID(), socialCentreId: centre, name: `Motif de ${d} minutes`, durationMinutes: d, location: 'on_site' as const, bookableBy: 'residents' as const, minDelayMinutes: 0, maxDelayDays: WEEKS * 7, createdAt: now })),
    )
    .returning();
  const agents = Array.from({ length: AGENTS }, () => randomUUID());
  const today = parisToday(now);
  const openings = agents.flatMap((agentId) =>
    [0, 1, 2, 3, 4].flatMap((weekday) =>
      [
        [540, 720],
        [840, 1020],
      ].map(([startMinute, endMinute]) => ({ id: randomUUID(), agentId, socialCentreId: centre, weekday, startMinute: startMinute!, endMinute: endMinute!, fromDate: today, everyWeeks: 1, reasonIds: reasons.map((r) => r.id), createdAt: now })),
    ),
  );
  await db.insert(openingSlots).values(openings);
  // Two agents away for a week.
  await db.insert(agentAbsences).values(agents.slice(0, 2).map((agentId) => ({ id: randomUUID(), agentId, startAt: parisInstant(addDays(today, 14), 0), endAt: parisInstant(addDays(today, 21), 0), note: 'congés' })));
  // Half of the 30-minute seats booked, one in ten of the other half booked then cancelled.
  const thirty = reasons[0]!;
  const slots = await findFreeSlots(db, { reason: thirty, now });
  const rows = slots.flatMap((s, i): Array<typeof appointments.$inferInsert> => {
    const base = { reasonId: thirty.id, agentId: s.agentId, socialCentreId: centre, startAt: s.start, endAt: s.end, personName: `Personne ${i}`, createdAt: now, updatedAt: now };
    if (i % 2 === 0) return [{ ...base, id: randomUUID(), status: 'booked' as const }];
    if (i % 10 === 1) return [{ ...base, id: randomUUID(), status: 'cancelled' as const, cancelledBy: 'person' as const }];
    return [];
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(appointments).values(rows.slice(i, i + 1000));
  return { centre, reasons, seats: slots.length, booked: rows.filter((r) => r.status === 'booked').length };
}

async function timed(runs: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}

async function measure(database: Database) {
  const s = await setUp(database);
  const reasons: ReasonRow[] = s.reasons;
  let slotsFound = 0;
  const useCase = await timed(RUNS, async (i) => {
    slotsFound = (await findFreeSlots(database.db, { reason: reasons[i % 3]!, now: clock.now() })).length;
  });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'false' });
  const app = createApp({ config, db: database.db, dbKind: database.kind, logger: pino({ level: 'silent' }), clock, ids: randomIds, files: diskFileStore(join(tmpdir(), 'relais-bench-files')) });
  const page = await timed(RUNS, async (i) => {
    const res = await app.request(`/rendez-vous/motifs/${reasons[i % 3]!.id}`);
    if (res.status !== 200) throw new Error(`page des créneaux : HTTP ${res.status}`);
    await res.text();
  });
  return { ...s, slotsFound, useCase, page };
}

const results: Array<{ engine: string; r: Awaited<ReturnType<typeof measure>> }> = [];
if (benchPgUrl) {
  await withScratchPostgres(benchPgUrl, 10, async (pg) => {
    console.log('PostgreSQL…');
    results.push({ engine: 'PostgreSQL', r: await measure(pg) });
  });
}
{
  const lite = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    console.log('PGlite…');
    results.push({ engine: 'PGlite', r: await measure(lite) });
  } finally {
    await lite.close();
  }
}

const rows: string[] = [];
for (const { engine, r } of results) {
  const pg = engine === 'PostgreSQL';
  const verdict = (p95: number) => (pg ? (p95 <= 30 ? 'tenu' : '**dépassé**') : '—');
  rows.push(
    `| ${engine} : créneaux libres d’un motif sur ${WEEKS} semaines (${AGENTS} agents, ${r.booked.toLocaleString('fr-FR')} rendez-vous pris sur ${r.seats.toLocaleString('fr-FR')} places de 30 min ; 3 motifs de 30, 45 et 60 min) | p50 ${ms(r.useCase.p50)}, **p95 ${ms(r.useCase.p95)}**, max ${ms(r.useCase.max)} | ${pg ? 'p95 ≤ 30 ms' : '—'} | ${verdict(r.useCase.p95)} |`,
  );
  rows.push(`| ${engine} : page « Choisir un créneau » de l’usager (requête HTTP complète, mêmes données) | p50 ${ms(r.page.p50)}, p95 ${ms(r.page.p95)}, max ${ms(r.page.max)} | — | — |`);
}
writeBenchTable('appointments', 'Rendez-vous', rows, benchPgUrl ? '' : ' PostgreSQL non mesuré : lancer avec `BENCH_DATABASE_URL=postgres://…`.');
