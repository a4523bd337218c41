import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, randomIds } from '../../../platform/clock.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-db.ts';
import { listingChanges, places } from './directory.table.ts';
import { createPlace, openWeekLiteral, updatePlace } from './listing-store.ts';

let t: TestDatabase;
const clock = manualClock(new Date('2026-03-02T10:00:00Z'));
const deps = { clock, ids: randomIds };

beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const base = {
  source: 'test',
  sourceId: 'p1',
  name: 'Médiathèque des Champs Libres',
  street: '10 cours des Alliés',
  postcode: '35000',
  communeName: 'Rennes',
  communeInsee: '35238',
  openingHours: 'Mo-Fr 09:00-12:00; Sa 10:00-12:00; PH off',
};

describe('listing store', () => {
  it('turns opening hours into minutes of the week', () => {
    expect(openWeekLiteral('Mo 09:00-12:00; Sa 10:00-12:00; PH off')).toEqual({
      openWeek: '{[540,720),[7800,7920)}',
      closedOnPublicHolidays: true,
    });
    expect(openWeekLiteral('pas des horaires')).toEqual({ openWeek: null, closedOnPublicHolidays: false });
  });

  it('creates a place with its derived columns, then records each changed field once', async () => {
    const id = await createPlace(t.db, deps, base, { userId: null, kind: 'import' });
    const [row] = await queryRows<{ saturday: boolean; monday_11: boolean; updated_on: string }>(
      t.db,
      sql`select open_week && '{[7200,8640)}'::int4multirange as saturday, open_week @> 660 as monday_11, updated_on::text from places where id = ${id}`,
    );
    expect(row).toEqual({ saturday: true, monday_11: true, updated_on: '2026-03-02' });

    clock.advance(86_400_000);
    const changed = await updatePlace(t.db, deps, id, { name: base.name, openingHours: 'Mo-Fr 14:00-18:00', phone: '+33299000000' }, { userId: null, kind: 'structure' });
    expect(changed.sort()).toEqual(['openingHours', 'phone']);
    const [after] = await queryRows<{ monday_11: boolean; last_editor_kind: string; updated_on: string }>(
      t.db,
      sql`select open_week @> 660 as monday_11, last_editor_kind, updated_on::text from places where id = ${id}`,
    );
    expect(after).toEqual({ monday_11: false, last_editor_kind: 'structure', updated_on: '2026-03-03' });
    const history = await t.db.select().from(listingChanges).where(eq(listingChanges.entityId, id)).orderBy(asc(listingChanges.changedAt), asc(listingChanges.field));
    const edits = history.filter((h) => h.actorKind === 'structure');
    expect(edits.map((h) => [h.field, h.oldValue, h.newValue, h.moderation])).toEqual([
      ['openingHours', base.openingHours, 'Mo-Fr 14:00-18:00', 'pending'],
      ['phone', null, '+33299000000', 'pending'],
    ]);
    expect(history.filter((h) => h.actorKind === 'import').every((h) => h.moderation === 'not_needed')).toBe(true);
    expect(await updatePlace(t.db, deps, id, { phone: '+33299000000' }, { userId: null, kind: 'structure' })).toEqual([]);
    const [p] = await t.db.select().from(places).where(eq(places.id, id));
    expect(p?.phone).toBe('+33299000000');
  });
});
