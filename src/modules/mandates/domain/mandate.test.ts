import { describe, expect, it } from 'vitest';
import { canonicalContent, mandateEnd, mandateStatus } from './mandate.ts';

describe('mandate rules', () => {
  it('ends after the duration, in calendar months', () => {
    const start = new Date('2026-01-31T10:00:00Z');
    expect(mandateEnd(start, '1d').toISOString()).toBe('2026-02-01T10:00:00.000Z');
    expect(mandateEnd(start, '1m').toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(mandateEnd(start, '6m').toISOString()).toBe('2026-07-31T10:00:00.000Z');
    expect(mandateEnd(new Date('2028-02-29T09:00:00Z'), '1y').toISOString()).toBe('2029-02-28T09:00:00.000Z');
  });

  it('is active until its end, expired after, revoked once revoked', () => {
    const m = { endsAt: new Date('2026-03-01T00:00:00Z'), revokedAt: null };
    expect(mandateStatus(m, new Date('2026-02-28T23:59:59Z'))).toBe('active');
    expect(mandateStatus(m, new Date('2026-03-01T00:00:00Z'))).toBe('expired');
    expect(mandateStatus({ ...m, revokedAt: new Date('2026-02-01T00:00:00Z') }, new Date('2026-02-02T00:00:00Z'))).toBe('revoked');
  });

  it('hashes the same content the same way whatever the order of the domains, and any change differently', () => {
    const base = { reference: 'M-1', ownerId: 'o', personName: 'Jeanne Martin', personBirthDate: '1950-04-02', scopes: ['social', 'argent'], startsAt: new Date(0), endsAt: new Date(1), textVersion: '2026-11' };
    expect(canonicalContent(base)).toBe(canonicalContent({ ...base, scopes: ['argent', 'social'] }));
    expect(canonicalContent(base)).not.toBe(canonicalContent({ ...base, personName: 'Jeanne Martine' }));
    expect(canonicalContent(base)).not.toBe(canonicalContent({ ...base, endsAt: new Date(2) }));
  });
});
