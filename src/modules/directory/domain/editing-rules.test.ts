import { describe, expect, it } from 'vitest';
import { emailDomain, emailMatchesWebsite, websiteDomain } from './email-domain.ts';
import { freshnessOf, frenchDate } from './freshness.ts';
import { checkSiret, isValidRna } from '../../../platform/domain/siret.ts';

describe('SIRET', () => {
  it('accepts 14 digits with a right Luhn checksum, spaces allowed', () => {
    expect(checkSiret('732 829 320 00074')).toEqual({ ok: true, siret: '73282932000074' });
  });
  it('refuses a wrong checksum, a wrong length, letters, and nothing', () => {
    expect(checkSiret('73282932000075')).toMatchObject({ ok: false, message: expect.stringContaining('n’existe pas') });
    expect(checkSiret('7328293200007')).toMatchObject({ ok: false, message: expect.stringContaining('14 chiffres (vous en avez saisi 13)') });
    expect(checkSiret('7328293200007A')).toMatchObject({ ok: false, message: expect.stringContaining('que des chiffres') });
    expect(checkSiret('  ')).toMatchObject({ ok: false, message: 'Saisissez le numéro SIRET de la structure' });
  });
  it('applies La Poste’s exception: the digits sum to a multiple of 5 instead of the Luhn rule', () => {
    // 356 000 000 49837: Luhn fails, digit sum 45.
    expect(checkSiret('35600000049837')).toEqual({ ok: true, siret: '35600000049837' });
    expect(checkSiret('35600000049838').ok).toBe(false);
  });
  it('checks RNA numbers', () => {
    expect(isValidRna('W353001234')).toBe(true);
    expect(isValidRna('w353001234')).toBe(true);
    expect(isValidRna('W35300123')).toBe(false);
  });
});

describe('e-mail domain and website', () => {
  it('matches the exact domain, with or without www', () => {
    expect(emailMatchesWebsite('Direction@Mediatheque-Vitre.fr', 'https://www.mediatheque-vitre.fr/horaires')).toBe(true);
    expect(emailMatchesWebsite('a@mediatheque-vitre.fr', 'mediatheque-vitre.fr')).toBe(true);
  });
  it('never matches webmail, another domain, a parent or sibling domain, or no website', () => {
    expect(emailMatchesWebsite('asso@free.fr', 'http://asso.free.fr')).toBe(false);
    expect(emailMatchesWebsite('asso@free.fr', 'https://free.fr')).toBe(false);
    expect(emailMatchesWebsite('x@wixsite.com', 'https://monasso.wixsite.com')).toBe(false);
    expect(emailMatchesWebsite('x@ville.rennes.fr', 'https://rennes.fr')).toBe(false);
    expect(emailMatchesWebsite('x@exemple.fr', 'https://autre.fr')).toBe(false);
    expect(emailMatchesWebsite('x@exemple.fr', null)).toBe(false);
    for (const d of ['gmail.com', 'orange.fr', 'wanadoo.fr', 'laposte.net', 'hotmail.fr', 'outlook.fr', 'yahoo.fr']) {
      expect(emailMatchesWebsite(`x@${d}`, `https://${d}`), d).toBe(false);
    }
  });
  it('reads domains defensively', () => {
    expect(emailDomain('pas-une-adresse')).toBeNull();
    expect(websiteDomain('https://')).toBeNull();
    expect(websiteDomain('WWW.Exemple.FR')).toBe('exemple.fr');
  });
});

describe('freshness', () => {
  it('is fresh until updated_on + frequency, then stale since that day', () => {
    expect(freshnessOf('2026-01-01', 30, '2026-01-31')).toEqual({ kind: 'fresh', dueOn: '2026-01-31' });
    expect(freshnessOf('2026-01-01', 30, '2026-02-01')).toEqual({ kind: 'stale', since: '2026-01-31' });
    expect(frenchDate('2026-03-01')).toBe('1er mars 2026');
    expect(frenchDate('2025-04-10')).toBe('10 avril 2025');
  });
});
