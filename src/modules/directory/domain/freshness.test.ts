import { describe, expect, it } from 'vitest';
import { durationText, frenchDate, isStale } from './freshness.ts';

describe('freshness of a listing', () => {
  it('writes dates as French people do', () => {
    expect(frenchDate('2026-03-03')).toBe('3 mars 2026');
    expect(frenchDate('2026-06-01')).toBe('1er juin 2026');
    expect(frenchDate('2025-12-25')).toBe('25 décembre 2025');
  });

  it('is stale only once the frequency has passed', () => {
    expect(isStale('2026-01-01', 180, '2026-06-30')).toBe(false); // 180 days
    expect(isStale('2026-01-01', 180, '2026-07-01')).toBe(true); // 181 days
    expect(isStale('2025-02-28', 365, '2026-03-01')).toBe(true);
  });

  it('says the frequency in months or years', () => {
    expect(durationText(180)).toBe('6 mois');
    expect(durationText(90)).toBe('3 mois');
    expect(durationText(365)).toBe('1 an');
    expect(durationText(730)).toBe('2 ans');
    expect(durationText(14)).toBe('14 jours');
  });
});
