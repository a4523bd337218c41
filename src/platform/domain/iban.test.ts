import { describe, expect, it } from 'vitest';
import { checkIban, formatIban } from './iban.ts';

describe('IBAN', () => {
  it('accepts valid numbers as people type them, and keeps them compact', () => {
    // Examples published by the banks and the ISO 13616 registry.
    expect(checkIban('FR76 3000 6000 0112 3456 7890 189')).toEqual({ ok: true, iban: 'FR7630006000011234567890189' });
    expect(checkIban('fr1420041010050500013m02606')).toEqual({ ok: true, iban: 'FR1420041010050500013M02606' });
    expect(checkIban('DE89 3704 0044 0532 0130 00')).toMatchObject({ ok: true });
    expect(checkIban('GB82 WEST 1234 5698 7654 32')).toMatchObject({ ok: true });
    expect(checkIban('NO93 8601 1117 947')).toMatchObject({ ok: true }); // a country without a length here
  });

  it('refuses a wrong check digit, a wrong length or junk, with a French message', () => {
    expect(checkIban('FR76 3000 6000 0112 3456 7890 188')).toEqual({ ok: false, message: 'Cet IBAN n’existe pas : vérifiez chaque caractère' });
    expect(checkIban('FR76 3000 6000 0112 3456 7890 18')).toEqual({ ok: false, message: 'Un IBAN FR comporte 27 caractères (vous en avez saisi 26)' });
    expect(checkIban('')).toMatchObject({ ok: false, message: 'Saisissez l’IBAN du compte' });
    expect(checkIban('76FR30006000011234567890189')).toMatchObject({ ok: false });
    expect(checkIban('FR76 3000 6000 0112 3456 7890 18é')).toMatchObject({ ok: false });
  });

  it('prints groups of four', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});
