// The database refuses a second appointment of the same agent at an overlapping time, on both engines.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { appointmentReasons, appointments } from './appointments.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('never a double booking', () => {
  it('refuses an overlapping appointment of the same agent, allows it for another agent or once cancelled', async () => {
    const reasonId = randomUUID();
    const centre = randomUUID();
    const now = new Date();
    await t.deps.db.insert(appointmentReasons).values({ id: reasonId, socialCentreId: centre, name: 'Premier accueil', durationMinutes: 30, location: 'on_site', bookableBy: 'residents', createdAt: now });
    const agent = randomUUID();
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 1, h, m));
    const row = (agentId: string, start: Date, end: Date) => ({ id: randomUUID(), reasonId, agentId, socialCentreId: centre, startAt: start, endAt: end, status: 'booked' as const, createdAt: now, updatedAt: now });
    const first = row(agent, at(9), at(9, 30));
    await t.deps.db.insert(appointments).values(first);
    await expect(t.deps.db.insert(appointments).values(row(agent, at(9, 15), at(9, 45)))).rejects.toMatchObject({ cause: { code: '23P01' } });
    await t.deps.db.insert(appointments).values(row(agent, at(9, 30), at(10)));
    await t.deps.db.insert(appointments).values(row(randomUUID(), at(9), at(9, 30)));
    await t.deps.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, first.id));
    await t.deps.db.insert(appointments).values(row(agent, at(9), at(9, 30)));
  });
});
