// 50 people ask for the same slot at once, each through its own connection, against a PostgreSQL server:
// exactly one gets it, the 49 others a clear « ce créneau vient d'être pris ».
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../src/platform/clock.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { appointmentReasons } from '../../src/modules/appointments/db/appointments.table.ts';
import { bookAppointment } from '../../src/modules/appointments/use-cases/book-appointment.ts';
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
  it('gives one slot to exactly one of 50 concurrent requests', async () => {
    const reasonId = randomUUID();
    const centre = randomUUID();
    await main.db.insert(appointmentReasons).values({ id: reasonId, socialCentreId: centre, name: 'Premier accueil', durationMinutes: 30, location: 'on_site', bookableBy: 'residents', createdAt: new Date() });
    const slot = { agentId: randomUUID(), start: new Date('2026-12-01T09:00:00Z'), end: new Date('2026-12-01T09:30:00Z') };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        bookAppointment({ db: pools[i % pools.length]!.db, clock: { now: () => new Date() }, ids: randomIds }, { reasonId, socialCentreId: centre, slot, person: { name: `Personne ${i}`, email: null, phone: null }, residentUserId: null, bookedByUserId: null }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r).toEqual({ ok: false, reason: 'taken', message: 'Ce créneau vient d’être pris : choisissez-en un autre' });
  });
});
