import { describe, expect, it } from 'vitest';
import { describeOpeningHours, parseOpeningHours } from '../../../platform/time/opening-hours.ts';
import { communesCoveredBy, coversWholeDepartement, grantCoversCommune } from './scope.ts';
import { communeLabel, parseCommuneQuery, toSearchName } from './search-name.ts';

describe('search names', () => {
  it('drops accents, case, apostrophes and hyphens', () => {
    expect(toSearchName('Saint-Méloir-des-Ondes')).toBe('saint meloir des ondes');
    expect(toSearchName("Châteauneuf-d'Ille-et-Vilaine")).toBe('chateauneuf d ille et vilaine');
    expect(toSearchName('Saint-Aubin-d’Aubigné')).toBe('saint aubin d aubigne');
    expect(toSearchName('  LA  VILLE-ÈS-NONAIS ')).toBe('la ville es nonais');
    expect(toSearchName('Œuilly')).toBe('oeuilly');
  });

  it('expands « st » and « ste » and separates a postcode', () => {
    expect(parseCommuneQuery('St-Malo')).toEqual({ names: ['st malo', 'saint malo'], postcode: null });
    expect(parseCommuneQuery('ste marie')).toEqual({ names: ['ste marie', 'sainte marie'], postcode: null });
    expect(parseCommuneQuery('Saint-Malo (35400)')).toEqual({ names: ['saint malo'], postcode: '35400' });
    expect(parseCommuneQuery('354')).toEqual({ names: [], postcode: '354' });
    expect(parseCommuneQuery(' - ’ ')).toBeNull();
  });

  it('labels a commune with its postcodes', () => {
    expect(communeLabel({ name: 'Saint-Malo', postcodes: ['35400'] })).toBe('Saint-Malo (35400)');
    expect(communeLabel({ name: 'Marseille', postcodes: ['13016', '13001', '13008'] })).toBe('Marseille (13001 à 13016)');
  });
});

describe('scope of a grant', () => {
  const communes = [
    { insee: 'A', epciSiren: 'E1' },
    { insee: 'B', epciSiren: 'E1' },
    { insee: 'C', epciSiren: 'E2' },
    { insee: 'D', epciSiren: null },
  ];
  const none = { socialCentreId: null, communeCodes: [], epciCodes: [] };

  it('covers the whole département when nothing is listed', () => {
    expect(coversWholeDepartement(none)).toBe(true);
    expect(communesCoveredBy(none, communes)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('covers listed communes and the communes of listed EPCI', () => {
    expect(communesCoveredBy({ ...none, communeCodes: ['C'] }, communes)).toEqual(['C']);
    expect(communesCoveredBy({ ...none, epciCodes: ['E1'] }, communes)).toEqual(['A', 'B']);
    expect(communesCoveredBy({ ...none, communeCodes: ['D'], epciCodes: ['E2'] }, communes)).toEqual(['C', 'D']);
    expect(grantCoversCommune({ ...none, epciCodes: ['E1'] }, { insee: 'D', epciSiren: null })).toBe(false);
  });

  it('covers what a social centre serves, plus what the grant lists', () => {
    const centre = { ...none, socialCentreId: 'x' };
    expect(coversWholeDepartement(centre)).toBe(false);
    expect(communesCoveredBy(centre, communes, new Set(['B', 'D']))).toEqual(['B', 'D']);
    expect(communesCoveredBy({ ...centre, communeCodes: ['A'] }, communes, new Set(['D']))).toEqual(['A', 'D']);
    // A centre serving nothing yet covers nothing, never the whole département.
    expect(communesCoveredBy(centre, communes, new Set())).toEqual([]);
  });
});

describe('opening hours', () => {
  it('reads the OpenStreetMap subset and says it in French', () => {
    expect(describeOpeningHours('Mo-Fr 08:30-12:30,13:30-17:00')).toEqual(['Du lundi au vendredi : 8 h 30 à 12 h 30 et 13 h 30 à 17 h']);
    expect(describeOpeningHours('Mo-Th 09:00-12:30; Fr 09:00-12:00; PH off')).toEqual([
      'Du lundi au jeudi : 9 h à 12 h 30',
      'Vendredi : 9 h à 12 h',
      'Jours fériés : fermé',
    ]);
    expect(describeOpeningHours('Mo,We 14:00-18:00')).toEqual(['Lundi et mercredi : 14 h à 18 h']);
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['', 'lundi 9h-12h', 'Mo-Fr 17:00-09:00', 'Mo-Xx 09:00-12:00', 'Mo 9:00-12:00', 'Mo 09:00']) {
      expect(parseOpeningHours(bad).ok, bad).toBe(false);
    }
  });
});
