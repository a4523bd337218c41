import { describe, expect, it } from 'vitest';
import { calendarDays, parisInstant } from '../../../platform/time/paris.ts';
import { freeSlots, type Opening, type SlotQuery } from './slots.ts';

const days = calendarDays;

const opening = (over: Partial<Opening> = {}): Opening => ({
  id: 'o1',
  agentId: 'a1',
  placeId: 'p1',
  weekday: 1, // Tuesday
  startMinute: 9 * 60,
  endMinute: 11 * 60,
  from: '2026-11-01',
  until: null,
  everyWeeks: 1,
  reasonIds: ['r1'],
  openOnHolidays: false,
  ...over,
});

const base = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  openings: [opening()],
  absences: [],
  booked: [],
  reason: { id: 'r1', durationMinutes: 30, minDelayMinutes: 120, maxDelayDays: 60 },
  now: new Date('2026-11-23T08:00:00Z'), // Monday 9 h in Paris
  parisInstant,
  days: days('2026-11-23', 21),
  isHoliday: () => false,
  ...over,
});

const hours = (slots: ReturnType<typeof freeSlots>) => slots.map((s) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(s.start));

describe('free appointment slots', () => {
  it('cuts each opening into slots of the reason’s duration, nearest first, in Paris time', () => {
    const slots = freeSlots(base());
    expect(hours(slots).slice(0, 5)).toEqual(['24/11/2026 09:00', '24/11/2026 09:30', '24/11/2026 10:00', '24/11/2026 10:30', '01/12/2026 09:00']);
    expect(slots).toHaveLength(12);
  });

  it('honours every other week, the end date, another reason, and the minimum and maximum delays', () => {
    expect(freeSlots(base({ openings: [opening({ everyWeeks: 2, from: '2026-11-24' })] })).map((s) => s.start.toISOString().slice(0, 10))).toEqual(
      Array(4).fill('2026-11-24').concat(Array(4).fill('2026-12-08')),
    );
    expect(freeSlots(base({ openings: [opening({ until: '2026-11-24' })] }))).toHaveLength(4);
    expect(freeSlots(base({ reason: { id: 'autre', durationMinutes: 30, minDelayMinutes: 0, maxDelayDays: 60 } }))).toEqual([]);
    // Tuesday 9 h is 24 hours after « now »: a 25-hour minimum delay starts at 10 h; 10 days ahead at most.
    expect(hours(freeSlots(base({ reason: { id: 'r1', durationMinutes: 60, minDelayMinutes: 25 * 60, maxDelayDays: 10 } })))).toEqual(['24/11/2026 10:00', '01/12/2026 09:00', '01/12/2026 10:00']);
  });

  it('leaves out absences, taken seats and public holidays (unless the opening is open on them)', () => {
    const tuesday = (h: number) => parisInstant('2026-11-24', h * 60);
    const slots = freeSlots(
      base({
        absences: [{ agentId: 'a1', start: tuesday(9), end: tuesday(10) }],
        booked: [{ agentId: 'a1', start: tuesday(10.5), end: tuesday(11) }, { agentId: 'autre', start: tuesday(10), end: tuesday(10.5) }],
        isHoliday: (d) => d === '2026-12-01',
      }),
    );
    expect(hours(slots).slice(0, 2)).toEqual(['24/11/2026 10:00', '08/12/2026 09:00']);
    expect(hours(freeSlots(base({ openings: [opening({ openOnHolidays: true })], isHoliday: (d) => d === '2026-12-01' })))).toContain('01/12/2026 09:00');
  });

  it('keeps wall-clock times across the change to summer time, and never offers one agent twice at a time', () => {
    const march = base({ now: new Date('2027-03-20T08:00:00Z'), days: days('2027-03-20', 10), openings: [opening({ from: '2027-03-01' }), opening({ id: 'o2', from: '2027-03-01' })] });
    const slots = freeSlots(march);
    expect(hours(slots)).toEqual(['23/03/2027 09:00', '23/03/2027 09:30', '23/03/2027 10:00', '23/03/2027 10:30']);
    expect(slots[0]!.start.toISOString()).toBe('2027-03-23T08:00:00.000Z');
  });
});
