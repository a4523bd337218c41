import { describe, expect, it } from 'vitest';
import {
  describeOpeningHours,
  describeWeek,
  isOpenAt,
  nextChange,
  openingStatus,
  opensOnWeekday,
  parseOpeningHours,
  weeklyOpenMinutes,
} from './opening-hours.ts';
import { isFrenchPublicHoliday, parisWeekMinute } from './week.ts';

const office = 'Mo-Fr 09:00-12:30,14:00-17:00';
const status = (hours: string | null, iso: string) => openingStatus(hours, new Date(iso)).text;
const change = (hours: string, iso: string) => nextChange(parseOpeningHours(hours), new Date(iso));

describe('opening status on an ordinary week (winter time, UTC+1)', () => {
  // Monday 2 March 2026.
  it('is open in the morning and says when it closes', () => {
    expect(status(office, '2026-03-02T09:30:00Z')).toBe('Ouvert maintenant · ferme à 12 h 30');
    expect(change(office, '2026-03-02T09:30:00Z')).toMatchObject({ kind: 'closes', dayOffset: 0, minute: 750, at: new Date('2026-03-02T11:30:00Z') });
  });

  it('opens at the first minute and closes at the last one (half-open spans)', () => {
    expect(isOpenAt(parseOpeningHours(office), new Date('2026-03-02T08:00:00Z'))).toBe(true);
    expect(isOpenAt(parseOpeningHours(office), new Date('2026-03-02T07:59:00Z'))).toBe(false);
    expect(isOpenAt(parseOpeningHours(office), new Date('2026-03-02T11:30:00Z'))).toBe(false);
  });

  it('is closed at lunch and opens again the same afternoon', () => {
    expect(status(office, '2026-03-02T12:00:00Z')).toBe('Fermé · ouvre à 14 h');
  });

  it('says « demain » for the next day and the weekday further away', () => {
    expect(status(office, '2026-03-02T17:00:00Z')).toBe('Fermé · ouvre demain à 9 h');
    // Friday evening, Saturday and Sunday morning.
    expect(status(office, '2026-03-06T17:00:00Z')).toBe('Fermé · ouvre lundi à 9 h');
    expect(change(office, '2026-03-06T17:00:00Z')).toMatchObject({ kind: 'opens', dayOffset: 3, weekday: 0, at: new Date('2026-03-09T08:00:00Z') });
    expect(status(office, '2026-03-07T10:00:00Z')).toBe('Fermé · ouvre lundi à 9 h');
    expect(status(office, '2026-03-08T10:00:00Z')).toBe('Fermé · ouvre demain à 9 h');
  });

  it('reads the time in Paris whatever the UTC date: Sunday 23:30 UTC is Monday 0:30 in Paris', () => {
    expect(status('Mo 00:00-01:00', '2026-03-01T23:30:00Z')).toBe('Ouvert maintenant · ferme à 1 h');
  });
});

describe('wrapping round the week', () => {
  it('finds a Sunday opening from Monday, and next week’s from the same day', () => {
    expect(status('Su 10:00-12:00', '2026-03-02T09:00:00Z')).toBe('Fermé · ouvre dimanche à 10 h');
    expect(status('Su 10:00-12:00', '2026-03-08T12:00:00Z')).toBe('Fermé · ouvre dimanche prochain à 10 h');
    expect(change('Su 10:00-12:00', '2026-03-08T12:00:00Z')).toMatchObject({ dayOffset: 7, at: new Date('2026-03-15T09:00:00Z') });
    expect(status('Mo 08:00-12:00', '2026-03-02T12:00:00Z')).toBe('Fermé · ouvre lundi prochain à 8 h');
  });

  it('understands a day range that wraps round Sunday (« Sa-Mo »)', () => {
    const p = parseOpeningHours('Sa-Mo 10:00-12:00');
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => opensOnWeekday(p, d))).toEqual([true, false, false, false, false, true, true]);
    expect(status('Sa-Mo 10:00-12:00', '2026-03-08T10:00:00Z')).toBe('Ouvert maintenant · ferme à 12 h');
  });

  it('keeps a place open across midnight when one day ends at 24:00 and the next starts at 0:00', () => {
    const hours = 'Mo 20:00-24:00; Tu 00:00-02:00';
    expect(status(hours, '2026-03-02T22:00:00Z')).toBe('Ouvert maintenant · ferme demain à 2 h');
    expect(change(hours, '2026-03-02T22:00:00Z')?.at).toEqual(new Date('2026-03-03T01:00:00Z'));
  });

  it('says « minuit » for a place closing at 24:00', () => {
    expect(status('Mo-Fr 18:00-24:00', '2026-03-02T18:00:00Z')).toBe('Ouvert maintenant · ferme à minuit');
    expect(change('Mo-Fr 18:00-24:00', '2026-03-02T18:00:00Z')).toMatchObject({ dayOffset: 0, minute: 1440, at: new Date('2026-03-02T23:00:00Z') });
    expect(status('Fr 18:00-24:00', '2026-03-06T22:00:00Z')).toBe('Ouvert maintenant · ferme à minuit');
  });

  it('is always open with « 24/7 », with no change to announce', () => {
    expect(status('24/7', '2026-03-04T03:00:00Z')).toBe('Ouvert maintenant');
    expect(change('24/7', '2026-03-04T03:00:00Z')).toBeNull();
  });

  it('says when nothing opens within seven days', () => {
    expect(status('Mo-Su off', '2026-03-04T10:00:00Z')).toBe('Fermé · pas d’ouverture prévue dans les 7 prochains jours');
    expect(change('Mo-Su off', '2026-03-04T10:00:00Z')).toBeNull();
  });

  it('lets a later rule replace the times of the days it names, as OpenStreetMap does', () => {
    const hours = 'Mo-Fr 09:00-17:00; We 09:00-12:00';
    expect(status(hours, '2026-03-04T12:00:00Z')).toBe('Fermé · ouvre demain à 9 h');
    expect(status(hours, '2026-03-03T12:00:00Z')).toBe('Ouvert maintenant · ferme à 17 h');
  });
});

describe('summer time changes', () => {
  it('evaluates the night the clocks go forward (Sunday 29 March 2026, 2 h → 3 h)', () => {
    const hours = 'Su 01:00-04:00';
    // 1:30 CET, then 3:30 CEST: the place is open both times and closes at 4:00 CEST (02:00 UTC).
    expect(isOpenAt(parseOpeningHours(hours), new Date('2026-03-29T00:30:00Z'))).toBe(true);
    expect(isOpenAt(parseOpeningHours(hours), new Date('2026-03-29T01:30:00Z'))).toBe(true);
    expect(change(hours, '2026-03-29T00:30:00Z')?.at).toEqual(new Date('2026-03-29T02:00:00Z'));
    expect(isOpenAt(parseOpeningHours(hours), new Date('2026-03-29T02:00:00Z'))).toBe(false);
  });

  it('gives next Monday’s opening in summer time from a Saturday in winter time', () => {
    expect(change(office, '2026-03-28T12:00:00Z')?.at).toEqual(new Date('2026-03-30T07:00:00Z'));
    expect(status(office, '2026-03-28T12:00:00Z')).toBe('Fermé · ouvre lundi à 9 h');
  });

  it('evaluates the night the clocks go back (Sunday 25 October 2026, 3 h → 2 h)', () => {
    const hours = 'Su 01:00-04:00';
    expect(isOpenAt(parseOpeningHours(hours), new Date('2026-10-25T00:30:00Z'))).toBe(true); // 2:30 CEST
    expect(isOpenAt(parseOpeningHours(hours), new Date('2026-10-25T01:30:00Z'))).toBe(true); // 2:30 CET
    expect(change(hours, '2026-10-25T00:30:00Z')?.at).toEqual(new Date('2026-10-25T03:00:00Z')); // 4:00 CET
    expect(change(office, '2026-10-24T10:00:00Z')?.at).toEqual(new Date('2026-10-26T08:00:00Z'));
  });

  it('is open at 9 h in Paris in both seasons', () => {
    expect(isOpenAt(parseOpeningHours(office), new Date('2026-07-06T07:00:00Z'))).toBe(true); // 9:00 CEST
    expect(isOpenAt(parseOpeningHours(office), new Date('2026-01-05T07:00:00Z'))).toBe(false); // 8:00 CET
  });
});

describe('public holidays', () => {
  const closedOnHolidays = `${office}; PH off`;

  it('closes a place on Easter Monday when its hours say « PH off », and says why', () => {
    // Monday 6 April 2026, 10:00 in Paris.
    expect(isOpenAt(parseOpeningHours(closedOnHolidays), new Date('2026-04-06T08:00:00Z'))).toBe(false);
    expect(status(closedOnHolidays, '2026-04-06T08:00:00Z')).toBe('Fermé aujourd’hui (jour férié) · ouvre demain à 9 h');
  });

  it('treats a holiday as an ordinary day when the hours say nothing about holidays', () => {
    expect(status(office, '2026-04-06T08:00:00Z')).toBe('Ouvert maintenant · ferme à 12 h 30');
  });

  it('skips a holiday when looking for the next opening', () => {
    // Thursday 30 April 2026 evening; Friday 1 May is a holiday.
    expect(status(closedOnHolidays, '2026-04-30T16:00:00Z')).toBe('Fermé · ouvre lundi à 9 h');
    expect(status(office, '2026-04-30T16:00:00Z')).toBe('Fermé · ouvre demain à 9 h');
  });

  it('follows special holiday hours (« PH 10:00-12:00 »)', () => {
    const hours = 'Mo-Sa 09:00-18:00; PH 10:00-12:00';
    // Tuesday 14 July 2026, 9:30 in Paris.
    expect(status(hours, '2026-07-14T07:30:00Z')).toBe('Fermé · ouvre à 10 h');
    expect(status(hours, '2026-07-14T08:30:00Z')).toBe('Ouvert maintenant · ferme à 12 h');
  });

  it('does not blame the holiday on a day the place is closed anyway', () => {
    // Sunday 1 November 2026 (All Saints’ Day).
    expect(status(closedOnHolidays, '2026-11-01T10:00:00Z')).toBe('Fermé · ouvre demain à 9 h');
  });
});

describe('unknown hours', () => {
  it.each([null, '', 'sur rendez-vous', 'Mo-Fr 9h-12h', 'Xx 09:00-12:00', 'Mo 12:00-09:00'])('« %s » gives « Horaires non renseignés »', (hours) => {
    expect(openingStatus(hours, new Date('2026-03-02T09:30:00Z'))).toEqual({ state: 'unknown', text: 'Horaires non renseignés' });
    const parsed = parseOpeningHours(hours ?? '');
    expect(isOpenAt(parsed, new Date('2026-03-02T09:30:00Z'))).toBe(false);
    expect(nextChange(parsed, new Date('2026-03-02T09:30:00Z'))).toBeNull();
    expect(describeWeek(parsed)).toBeNull();
  });
});

describe('the week in French', () => {
  it('describes each day and the holiday rule', () => {
    const week = describeWeek(parseOpeningHours('Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off'))!;
    expect(week.days.map((d) => `${d.name} : ${d.text}`)).toEqual([
      'Lundi : 8 h 30 à 12 h et 13 h 30 à 17 h',
      'Mardi : 8 h 30 à 12 h et 13 h 30 à 17 h',
      'Mercredi : 8 h 30 à 12 h et 13 h 30 à 17 h',
      'Jeudi : 8 h 30 à 12 h et 13 h 30 à 17 h',
      'Vendredi : 8 h 30 à 12 h et 13 h 30 à 17 h',
      'Samedi : 9 h à 12 h',
      'Dimanche : Fermé',
    ]);
    expect(week.publicHolidays).toBe('Fermé les jours fériés');
    expect(describeWeek(parseOpeningHours('Mo 18:00-24:00; PH 10:00-11:00'))!.days[0]!.text).toBe('18 h à minuit');
  });

  it('keeps the rule-by-rule description the territory pages use', () => {
    expect(describeOpeningHours(office)).toEqual(['Du lundi au vendredi : 9 h à 12 h 30 et 14 h à 17 h']);
  });
});

describe('agreement with the weekly minutes the search uses', () => {
  it('says open exactly when open_week contains the Paris week minute, every 15 minutes of a week', () => {
    for (const hours of [office, 'Mo,We 10:00-12:00; Sa-Mo 14:00-18:30', 'Mo 20:00-24:00; Tu 00:00-02:00', 'Tu-Sa 09:00-19:00; Th 13:00-19:00']) {
      const parsed = parseOpeningHours(hours);
      const ranges = weeklyOpenMinutes(parsed);
      // Week of 9 March 2026: no public holiday.
      for (let t = Date.parse('2026-03-09T00:00:00Z'); t < Date.parse('2026-03-16T00:00:00Z'); t += 15 * 60_000) {
        const at = new Date(t);
        expect(isFrenchPublicHoliday(at)).toBe(false);
        const m = parisWeekMinute(at);
        expect(isOpenAt(parsed, at), `${hours} at ${at.toISOString()}`).toBe(ranges.some(([a, b]) => a <= m && m < b));
      }
    }
  });
});
