import { describe, expect, it } from 'vitest';
import { isFrenchPublicHoliday, parisMoment, parisWeekMinute } from './week.ts';

describe('Paris week', () => {
  it('counts minutes from Monday midnight in Paris time, summer and winter', () => {
    // Monday 2 March 2026, 10:30 in Paris (UTC+1).
    expect(parisWeekMinute(new Date('2026-03-02T09:30:00Z'))).toBe(10 * 60 + 30);
    // Saturday 4 July 2026, 10:00 in Paris (UTC+2).
    expect(parisWeekMinute(new Date('2026-07-04T08:00:00Z'))).toBe(5 * 1440 + 600);
    // Sunday 23:30 UTC is already Monday 00:30 in Paris.
    expect(parisMoment(new Date('2026-03-01T23:30:00Z'))).toMatchObject({ weekday: 0, minute: 30, day: 2 });
  });

  it('knows the public holidays, including the moving ones', () => {
    expect(isFrenchPublicHoliday(new Date('2026-07-14T10:00:00Z'))).toBe(true);
    expect(isFrenchPublicHoliday(new Date('2026-04-06T10:00:00Z'))).toBe(true); // lundi de Pâques 2026
    expect(isFrenchPublicHoliday(new Date('2026-05-25T10:00:00Z'))).toBe(true); // lundi de Pentecôte 2026
    expect(isFrenchPublicHoliday(new Date('2026-07-15T10:00:00Z'))).toBe(false);
    // 31 December 23:30 UTC is 1 January in Paris.
    expect(isFrenchPublicHoliday(new Date('2026-12-31T23:30:00Z'))).toBe(true);
  });
});
