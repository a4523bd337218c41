// 50 people ask for the same slot at once, each through its own connection, against a PostgreSQL server:
// exactly one gets it, the 49 others a clear « ce créneau vient d'être pris » with the next free slots.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../src/platform/clock.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { parisToday } from '../../src/platform/time/paris.ts';
import { appointmentReasons, appointments, bookAppointment, bookSeat, createGroupSession, findFreeSlots, openingSlots, TAKEN_MESSAGE } from '../../src/modules/appointments/index.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let main: TestDatabase;
const pools: Database[] = [];
beforeAll(async () => {
  main = await openTestDatabase();
  if (!main.url) throw new Error('PostgreSQL only');
  for (let i = 0; i < 10; i++) pools.push(await openDatabase({ kind: 'postgres', url: main.url, max: 5 }));
});
afterAll(async () => {
  for (const p of pools) await p.close();
  await main.close();
});

describe('never a double booking, under load', () => {
  it('gives one slot to exactly one of 50 concurrent requests; the others are told it was taken and offered the next ones', async () => {
    const now = new Date();
    const centre = randomUUID();
    const [reason] = await main.db
      .insert(appointmentReasons)
      .values({ id: randomUUID(), socialCentreId: centre, name: 'Premier accueil', durationMinutes: 30, location: 'on_site', bookableBy: 'residents', minDelayMinutes: 0, maxDelayDays: 30, createdAt: now })
      .returning();
    const agentId = randomUUID();
    for (let weekday = 0; weekday < 7; weekday++) {
      await main.db.insert(openingSlots).values({ id: randomUUID(), agentId, socialCentreId: centre, weekday, startMinute: 9 * 60, endMinute: 12 * 60, fromDate: parisToday(now), reasonIds: [reason!.id], openOnHolidays: true, createdAt: now });
    }
    const slots = await findFreeSlots(main.db, { reason: reason!, now });
    const start = slots.find((s) => s.start.getTime() > now.getTime() + 86_400_000)!.start;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        bookAppointment(
          { db: pools[i % pools.length]!.db, clock: { now: () => now }, ids: randomIds, config: { publicUrl: 'http://localhost:3000', departement: '35' } },
          { reason: reason!, start, person: { name: `Personne ${i}`, email: null, phone: null }, residentUserId: null, actor: { userId: null, label: 'test' }, byAgent: false },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(49);
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false, code: 'taken', message: TAKEN_MESSAGE });
      expect(r.ok ? [] : r.next.length).toBe(3);
      if (!r.ok) expect(r.next.every((s) => s.start.getTime() !== start.getTime())).toBe(true);
    }
    const rows = await main.db.select().from(appointments);
    expect(rows.filter((a) => a.agentId === agentId)).toHaveLength(1);
  });

  it('never overbooks a collective session: 20 concurrent requests for 5 seats give 5 seats', async () => {
    const now = new Date();
    const deps = (i: number) => ({ db: pools[i % pools.length]!.db, clock: { now: () => now }, ids: randomIds, config: { publicUrl: 'http://localhost:3000', departement: '35' as const } });
    const created = await createGroupSession(deps(0), { centreId: randomUUID(), agentId: randomUUID(), title: 'Atelier', description: null, start: new Date(now.getTime() + 86_400_000), end: new Date(now.getTime() + 90_000_000), seats: 5, online: true, actor: { userId: null, label: 'test' } });
    if (!created.ok) throw new Error(created.message);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bookSeat(deps(i), { sessionId: created.session.id, person: { name: `P${i}`, email: null, phone: null }, byAgent: false, actor: { userId: null, label: 'test' } })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.message))).toEqual(Array(15).fill('Cet atelier est complet'));
  });
});

