// The monthly freshness digest as a durable job under a clock the test moves: who gets a mail, what it
// says, once per month, and the next month queued.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../tests/support/test-db.ts';
import { manualClock, randomIds } from '../../platform/clock.ts';
import { jobs, recurringRuns } from '../../platform/jobs/jobs.table.ts';
import { monthlyDueAt, scheduleMonthly } from '../../platform/jobs/recurring.ts';
import { runDueJobs } from '../../platform/jobs/worker.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { createPlace, createService, createStructure } from './db/listing-store.ts';
import { freshnessDigestHandlers, freshnessDigestJob } from './use-cases/send-freshness-digest.ts';

let t: TestDatabase;
// The 1st of March 2026, 8:00 in Paris (7:00 UTC, winter time).
const clock = manualClock(new Date('2026-03-01T06:00:00Z'));
const deps = { clock, ids: randomIds };
const logger = pino({ level: 'silent' });
const handlers = freshnessDigestHandlers({ publicUrl: 'https://relais.exemple.fr' });
const run = () => runDueJobs({ db: t.db, clock, logger }, handlers);

async function member(email: string, name: string, structureId: string, status = 'active') {
  const id = randomUUID();
  await t.db.execute(sql`insert into users (id, kind, email, display_name, status, created_at) values (${id}, 'staff', ${email}, ${name}, ${status}, now())`);
  await t.db.execute(sql`insert into role_grants (id, user_id, role, structure_id, granted_at) values (${randomUUID()}, ${id}, 'structure_member', ${structureId}, now())`);
}

const ours = ['anne@digest.test', 'bruno@digest.test', 'chloe@digest.test', 'dora@digest.test'];
const mails = () => t.db.select().from(mailOutbox).where(inArray(mailOutbox.to, ours)).orderBy(mailOutbox.to);
const place = (name: string, structureId: string, updatedOn: string, updateFrequencyDays = 180) =>
  createPlace(
    t.db,
    deps,
    { source: 'digest', sourceId: randomUUID(), name, street: '1 place du Marché', postcode: '35500', communeName: 'Vitré', structureId, updatedOn, updateFrequencyDays },
    { userId: null, kind: 'import' },
  );

let staleId: string;
let serviceId: string;

beforeAll(async () => {
  t = await openTestDatabase();
  const fresh = { updatedOn: '2026-02-01', updateFrequencyDays: 365 };
  const stale = await createStructure(t.db, deps, { name: 'Association Vitré Numérique', kind: 'association', ...fresh }, { userId: null, kind: 'import' });
  const upToDate = await createStructure(t.db, deps, { name: 'Médiathèque de Châteaugiron', kind: 'mediatheque', ...fresh }, { userId: null, kind: 'import' });
  // 2025-08-01 + 180 days = 2026-01-28: stale on 1 March. 2025-10-01 + 180 days = 2026-03-30: not yet.
  staleId = await place('Atelier numérique de Vitré', stale, '2025-08-01');
  await place('Permanence du marché', stale, '2025-10-01');
  serviceId = await createService(
    t.db,
    deps,
    { structureId: stale, name: 'Aide aux démarches en ligne', updatedOn: '2025-01-15', updateFrequencyDays: 365 },
    { userId: null, kind: 'import' },
  );
  await place('Espace multimédia', upToDate, '2026-02-15');
  await member('anne@digest.test', 'Anne Éditrice', stale);
  await member('bruno@digest.test', 'Bruno Éditeur', stale);
  await member('chloe@digest.test', 'Chloé À Jour', upToDate);
  await member('dora@digest.test', 'Dora Désactivée', stale, 'deactivated');
});
afterAll(() => t.close());

describe('monthly freshness digest', () => {
  it('is scheduled once, for the next 1st of the month at 8:00 Paris time', async () => {
    clock.set(new Date('2026-02-20T10:00:00Z'));
    // A fresh installation does not mail on its first start: it waits for the 1st.
    expect(await scheduleMonthly(t.db, freshnessDigestJob, clock.now())).toBe('2026-03');
    expect(await scheduleMonthly(t.db, freshnessDigestJob, clock.now())).toBeNull();
    const queued = await t.db.select().from(jobs).where(eq(jobs.kind, freshnessDigestJob.kind));
    expect(queued.map((j) => [j.payload, j.runAt.toISOString()])).toEqual([[{ period: '2026-03' }, '2026-03-01T07:00:00.000Z']]);
    expect(monthlyDueAt('2026-07', 8).toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });

  it('mails on the 1st at 8:00, not before, each active member the stale listings of their structure, with links', async () => {
    clock.set(new Date('2026-03-01T06:59:00Z'));
    await run();
    expect(await mails()).toHaveLength(0);
    clock.set(new Date('2026-03-01T07:00:00Z'));
    expect((await run()).done).toBeGreaterThanOrEqual(1);
    const sent = await mails();
    expect(sent.map((m) => m.to)).toEqual(['anne@digest.test', 'bruno@digest.test']);
    const text = sent[0]!.text;
    expect(sent[0]!.subject).toBe('2 fiches de l’annuaire à mettre à jour');
    expect(text).toContain('Bonjour Anne Éditrice,');
    expect(text).toContain('Association Vitré Numérique :');
    expect(text).toContain(`Lieu « Atelier numérique de Vitré » (mise à jour le 01/08/2025) : https://relais.exemple.fr/ma-structure/lieux/${staleId}/modifier`);
    expect(text).toContain(`Service « Aide aux démarches en ligne » (mise à jour le 15/01/2025) : https://relais.exemple.fr/ma-structure/services/${serviceId}/modifier`);
    expect(text).not.toContain('Permanence du marché');
    expect(text).toContain('https://relais.exemple.fr/ma-structure\n');
    // April's job is queued in the same transaction.
    const next = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, freshnessDigestJob.kind), eq(jobs.status, 'queued')));
    expect(next.map((j) => [j.payload, j.runAt.toISOString()])).toEqual([[{ period: '2026-04' }, '2026-04-01T06:00:00.000Z']]);
  });

  it('runs once per month even if a second job for the month appears', async () => {
    await t.db.insert(jobs).values({ kind: freshnessDigestJob.kind, payload: { period: '2026-03' }, runAt: clock.now(), createdAt: clock.now() });
    await run();
    expect(await mails()).toHaveLength(2);
    const runs = await t.db.select().from(recurringRuns).where(eq(recurringRuns.kind, freshnessDigestJob.kind));
    expect(runs.map((r) => r.period)).toEqual(['2026-03']);
  });

  it('catches up a missed month at start, and sends nothing when nothing is stale', async () => {
    // The server was down on 1 April (its job lost): the next start queues April's digest at once.
    await t.db.delete(jobs).where(eq(jobs.kind, freshnessDigestJob.kind));
    clock.set(new Date('2026-04-10T09:00:00Z'));
    expect(await scheduleMonthly(t.db, freshnessDigestJob, clock.now())).toBe('2026-04');
    // Every listing confirmed meanwhile: nothing to remind.
    await t.db.execute(sql`update places set updated_on = '2026-04-09'`);
    await t.db.execute(sql`update services set updated_on = '2026-04-09'`);
    await t.db.execute(sql`update structures set updated_on = '2026-04-09'`);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
    await run();
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
    expect(after[0]!.n).toBe(before[0]!.n);
    const runs = await t.db.select().from(recurringRuns).where(eq(recurringRuns.kind, freshnessDigestJob.kind));
    expect(runs.map((r) => r.period).sort()).toEqual(['2026-03', '2026-04']);
  });
});
