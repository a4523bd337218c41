import { describe, expect, it } from 'vitest';
import { EMPTY_CRITERIA, parseSearchCriteria, searchQueryString } from './search-places.ts';

const parse = (q: string) => parseSearchCriteria(new URLSearchParams(q));

describe('parseSearchCriteria', () => {
  it('reads nothing as no search', () => {
    expect(parse('')).toEqual({ criteria: EMPTY_CRITERIA, asked: false, errors: [] });
  });

  it('reads every criterion', () => {
    const { criteria, asked, errors } = parse(
      'besoin=demarches&besoin=acces&commune=Rennes&communeInsee=35238&rayon=5&public=seniors&gratuit=oui&ouvert=maintenant&ouvert=samedi&label=france-services&label=pass-numerique&accessible=oui&page=3',
    );
    expect(asked).toBe(true);
    expect(errors).toEqual([]);
    expect(criteria).toEqual({
      needs: ['demarches', 'acces'],
      commune: { text: 'Rennes', insee: '35238' },
      position: null,
      radiusKm: 5,
      publics: ['seniors'],
      free: true,
      openNow: true,
      openSaturday: true,
      labels: ['france-services', 'pass-numerique'],
      accessible: true,
      page: 3,
    });
  });

  it('ignores values it does not know, keeping the rest', () => {
    const { criteria, errors } = parse('besoin=demarches&besoin=pirate&besoin=demarches&rayon=7&page=-2&label=x&public=y&ouvert=jamais&gratuit=1&communeInsee=abc');
    expect(errors).toEqual([]);
    expect(criteria).toEqual({ ...EMPTY_CRITERIA, needs: ['demarches'] });
  });

  it.each(['page=abc', 'page=1.5', 'page=0', 'page=1e99', 'rayon=1e308', 'rayon=', 'rayon=20km'])('falls back to the defaults for %s', (q) => {
    const { criteria, errors } = parse(q);
    expect(errors).toEqual([]);
    expect(criteria.page).toBe(1);
    expect(criteria.radiusKm).toBe(20);
  });

  it('reads a position, and lets a typed commune win over it', () => {
    expect(parse('lat=48.117&lon=-1.678').criteria.position).toEqual({ lat: 48.117, lon: -1.678 });
    expect(parse('lat=48.117&lon=-1.678&commune=Vitré').criteria.position).toBeNull();
  });

  it.each(['lat=abc&lon=1', 'lat=91&lon=0', 'lat=45&lon=181', 'lat=45', 'lon=2', 'lat=1e5&lon=1', 'lat=Infinity&lon=1'])(
    'explains in French a position it cannot read (%s)',
    (q) => {
      const { criteria, errors } = parse(q);
      expect(criteria.position).toBeNull();
      expect(errors).toEqual([{ field: 'commune', message: 'Votre position n’a pas pu être lue. Saisissez le nom ou le code postal de votre commune.' }]);
    },
  );

  it('cuts an overlong commune rather than failing', () => {
    expect(parse(`commune=${'x'.repeat(500)}`).criteria.commune.text).toBe('');
  });

  it('writes back an address that reads the same', () => {
    const q = 'besoin=demarches&besoin=outils&commune=Rennes&communeInsee=35238&rayon=10&public=jeunes&gratuit=oui&ouvert=maintenant&label=aidants-connect&accessible=oui&page=2';
    const { criteria } = parse(q);
    expect(parse(searchQueryString(criteria)).criteria).toEqual(criteria);
    expect(searchQueryString(criteria, { page: 1 })).not.toContain('page=');
    expect(parse(searchQueryString(EMPTY_CRITERIA)).asked).toBe(true);
  });
});
