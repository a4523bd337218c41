import { describe, expect, it } from 'vitest';
import { formatParisDateTime, parisMidnight, parseFrenchDate } from './paris.ts';

describe('Paris time', () => {
  it('gives midnight in Paris in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(parisMidnight(2026, 1, 15).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(parisMidnight(2026, 7, 14).toISOString()).toBe('2026-07-13T22:00:00.000Z');
    // The day the clocks go forward (29 March 2026): midnight is still UTC+1.
    expect(parisMidnight(2026, 3, 29).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('reads the dates people type and refuses impossible ones', () => {
    expect(parseFrenchDate('03/11/2026')).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parseFrenchDate(' 2026-11-03 ')).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parseFrenchDate('31/02/2026')).toBeNull();
    expect(parseFrenchDate('demain')).toBeNull();
  });

  it('shows an instant in Paris time', () => {
    expect(formatParisDateTime(new Date('2026-07-13T22:05:00Z'))).toBe('14/07/2026 00:05:00');
  });
});
