import { describe, expect, it } from 'vitest';
import { describeWeekMultirange, displayValue } from './change-values.ts';

describe('values of a change as a person reads them', () => {
  it('writes lists as items, hours in French, yes/no, frequencies and enumerations in words', () => {
    expect(displayValue('services', ['Aide aux démarches', 'Accès à internet'])).toEqual(['Aide aux démarches', 'Accès à internet']);
    expect(displayValue('services', [])).toEqual([]);
    expect(displayValue('phone', null)).toEqual([]);
    expect(displayValue('openingHours', 'Mo-Fr 09:00-12:00; Sa 10:00-12:00')).toEqual(['Du lundi au vendredi : 9 h à 12 h', 'Samedi : 10 h à 12 h']);
    expect(displayValue('acceptsPassNumerique', true)).toEqual(['Oui']);
    expect(displayValue('updateFrequencyDays', 180)).toEqual(['Tous les 6 mois']);
    expect(displayValue('updateFrequencyDays', 365)).toEqual(['Tous les ans']);
    expect(displayValue('kind', 'france_services')).toEqual(['France Services']);
    expect(displayValue('latitude', 48.1173)).toEqual(['48,1173']);
  });

  it('never shows a multirange of minutes raw', () => {
    expect(describeWeekMultirange('{[540,720),[7800,7920)}')).toEqual(['lundi 09:00–12:00', 'samedi 10:00–12:00']);
    expect(displayValue('openWeek', '{[540,720)}')).toEqual(['lundi 09:00–12:00']);
    expect(describeWeekMultirange('Mo 09:00')).toBeNull();
  });
});
