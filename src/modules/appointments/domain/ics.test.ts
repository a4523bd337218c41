import { describe, expect, it } from 'vitest';
import { foldLine, icsCalendar } from './ics.ts';

describe('iCalendar', () => {
  it('writes an event in UTC with escaped text and CRLF lines', () => {
    const ics = icsCalendar(
      [{ uid: 'rdv-1@relais', start: new Date('2026-12-01T08:00:00Z'), end: new Date('2026-12-01T08:30:00Z'), summary: 'Rendez-vous : premier accueil', location: 'CDAS de Saint-Malo, 12 rue de la Fontaine', description: 'Apportez votre avis d’imposition;\nmerci' }],
      new Date('2026-11-24T10:00:00Z'),
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20261201T080000Z\r\nDTEND:20261201T083000Z\r\n');
    expect(ics).toContain('LOCATION:CDAS de Saint-Malo\\, 12 rue de la Fontaine');
    expect(ics).toContain('DESCRIPTION:Apportez votre avis d’imposition\\;\\nmerci');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('folds long lines at 75 octets without cutting a character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(60)}`);
    const parts = folded.split('\r\n ');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.join('')).toBe(`DESCRIPTION:${'é'.repeat(60)}`);
  });
});
