// The public search of places through HTTP, on a private copy of the demo database. The test places sit in
// the sea off Brittany (around 47° N, 5° W), where no demo place will ever be, so the demo seed's ~450 places
// cannot change what these tests see; the commune searches use Paimpont, whose centre is moved there.
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { randomIds } from '../../../platform/clock.ts';
import { createPlace, type PlaceFields } from '../db/listing-store.ts';

let t: TestApp;
const ORIGIN = { lat: 47, lon: -5 };
const KM_LAT = 1 / 111.195;
// Tuesday 10 March 2026, 10:00 in Paris (09:00 UTC): a working day, not a holiday.
const TUESDAY_10AM = new Date('2026-03-10T09:00:00Z');
const near = `lat=${ORIGIN.lat}&lon=${ORIGIN.lon}`;

let seq = 0;
async function place(name: string, kmNorth: number | null, fields: Partial<PlaceFields> = {}): Promise<string> {
  seq += 1;
  return createPlace(
    t.deps.db,
    { clock: t.clock, ids: randomIds },
    {
      source: 'search-test',
      sourceId: `s${seq}`,
      name,
      street: `${seq} quai des Essais`,
      postcode: '35380',
      communeName: 'Paimpont',
      communeInsee: '35211',
      latitude: kmNorth === null ? null : ORIGIN.lat + kmNorth * KM_LAT,
      longitude: kmNorth === null ? null : ORIGIN.lon,
      services: ['Aide aux démarches administratives'],
      openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
      ...fields,
    },
    { userId: null, kind: 'departement' },
  );
}

/** Names of the results on a page, in order. */
function names(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-link" href="\/lieux\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

const get = async (path: string) => t.client().get(path);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TUESDAY_10AM);
  // As `relais import communes-centres` would; Paimpont moved to sea so that only the test places are near it.
  await t.deps.db.execute(sql`update communes set latitude = ${ORIGIN.lat}, longitude = ${ORIGIN.lon} where insee = '35211'`);
  await place('Zéphyr Loin', 12.7);
  await place('Zéphyr Proche', 1.2, {
    phone: '+33299123456',
    fees: ['Gratuit'],
    nationalPrograms: ['France Services', 'Aidants Connect'],
    publics: ['Seniors'],
  });
  await place('Zéphyr Moyen', 4, {
    services: ['Maîtrise des outils numériques du quotidien'],
    openingHours: 'Sa 09:00-12:00',
    acceptsPassNumerique: true,
    accessibilityUrl: 'https://acceslibre.beta.gouv.fr/app/zephyr-moyen/',
  });
  await place('Zéphyr Hors rayon', 30);
  await place('Zéphyr Sans coordonnées', null);
  await place('Zéphyr Caché', 0.5, { status: 'hidden' });
  await place('Zéphyr Centre social', 8, {
    socialCentreId: randomIds.uuid(),
    nationalPrograms: ['Conseillers numériques'],
    specificSupport: ['Surdité'],
    openingHours: 'Mo-Fr 08:00-18:00',
  });
});
afterAll(() => t.close());

describe('GET /lieux', () => {
  it('shows the search form, in French, to anyone', async () => {
    const { status, html } = await get('/lieux');
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="govuk-heading-l">Trouver un lieu pour être aidé au numérique</h1>');
    expect(html).toContain('Faire une démarche en ligne');
    expect(html).toContain('Près de quelle commune ?');
    // « Utiliser ma position » exists only for the script, hidden without it.
    expect(html).toMatch(/<button type="button"[^>]*hidden[^>]*>Utiliser ma position<\/button>/);
    expect(names(html)).toEqual([]);
  });

  it('orders places by distance from a commune, shows the distance, and leaves out far, hidden and unplaced places', async () => {
    const { status, html } = await get('/lieux?besoin=demarches&commune=Paimpont');
    expect(status).toBe(200);
    expect(html).toContain('Lieux d’aide au numérique près de Paimpont</h1>');
    // « Zéphyr Moyen » offers another need; the others are too far, hidden or without coordinates.
    expect(names(html)).toEqual(['Zéphyr Proche', 'Zéphyr Centre social', 'Zéphyr Loin']);
    expect(html).toContain('<strong>à 1,2 km</strong> – 2 quai des Essais, 35380 Paimpont');
    expect(html).toContain('<strong>à 8 km</strong>');
    expect(html).toContain('<strong>à 13 km</strong>');
    expect(html).toContain('3 lieux trouvés');
  });

  it('finds the commune from a postcode typed as text, and from an INSEE code alone', async () => {
    // 35380 is the postcode of five communes: without JavaScript, the form asks which one, keeping the needs.
    const ask = await get('/lieux?besoin=demarches&commune=35380');
    expect(ask.status).toBe(422);
    expect(ask.html).toContain('Plusieurs communes correspondent à « 35380 »');
    expect(ask.html).toMatch(/type="radio" value="35211" name="communeInsee"\/><label[^>]*>Paimpont \(35380\)/);
    expect(ask.html).toMatch(/value="demarches" checked/);
    const byPostcode = await get('/lieux?besoin=demarches&commune=35380&communeInsee=35211');
    expect(byPostcode.status).toBe(200);
    expect(byPostcode.html).toContain('près de Paimpont</h1>');
    expect(names(byPostcode.html)[0]).toBe('Zéphyr Proche');
    expect(names((await get('/lieux?communeInsee=35211&rayon=5')).html)).toEqual(['Zéphyr Proche', 'Zéphyr Moyen']);
  });

  it('searches around a position, within the chosen radius', async () => {
    const within20 = names((await get(`/lieux?${near}`)).html);
    expect(within20).toEqual(['Zéphyr Proche', 'Zéphyr Moyen', 'Zéphyr Centre social', 'Zéphyr Loin']);
    expect(names((await get(`/lieux?${near}&rayon=5`)).html)).toEqual(['Zéphyr Proche', 'Zéphyr Moyen']);
    expect(names((await get(`/lieux?${near}&rayon=50`)).html)).toContain('Zéphyr Hors rayon');
    expect((await get(`/lieux?${near}`)).html).toContain('près de votre position</h1>');
  });

  it('narrows by each filter', async () => {
    const found = async (q: string) => names((await get(`/lieux?${near}&rayon=50&${q}`)).html);
    expect(await found('besoin=outils')).toEqual(['Zéphyr Moyen']);
    expect(await found('besoin=outils&besoin=demarches')).toHaveLength(5);
    expect(await found('gratuit=oui')).toEqual(['Zéphyr Proche']);
    expect(await found('public=seniors')).toEqual(['Zéphyr Proche']);
    expect(await found('label=france-services')).toEqual(['Zéphyr Proche']);
    expect(await found('label=aidants-connect')).toEqual(['Zéphyr Proche']);
    expect(await found('label=conseillers-numeriques')).toEqual(['Zéphyr Centre social']);
    expect(await found('label=pass-numerique')).toEqual(['Zéphyr Moyen']);
    expect(await found('label=centre-social-departement')).toEqual(['Zéphyr Centre social']);
    expect(await found('label=pass-numerique&label=france-services')).toEqual(['Zéphyr Proche', 'Zéphyr Moyen']);
    expect(await found('accessible=oui')).toEqual(['Zéphyr Moyen', 'Zéphyr Centre social']);
    expect(await found('ouvert=samedi')).toEqual(['Zéphyr Moyen']);
    expect(await found('gratuit=oui&besoin=outils')).toEqual([]);
  });

  it('shows the labels and the open-now tag on each result', async () => {
    const { html } = await get(`/lieux?${near}&label=centre-social-departement`);
    expect(html).toContain('CDAS du Département');
    expect(html).toContain('Conseillers numériques');
    expect(html).toContain('Ouvert maintenant');
  });

  it('knows which places are open now, by the injected clock', async () => {
    const open = async () => names((await get(`/lieux?${near}&rayon=50&ouvert=maintenant`)).html);
    expect(await open()).toEqual(['Zéphyr Proche', 'Zéphyr Centre social', 'Zéphyr Loin', 'Zéphyr Hors rayon']);
    t.clock.set(new Date('2026-03-10T12:30:00Z')); // 13:30 in Paris: only the place open at lunchtime
    expect(await open()).toEqual(['Zéphyr Centre social']);
    t.clock.set(new Date('2026-03-14T09:00:00Z')); // Saturday 10:00
    expect(await open()).toEqual(['Zéphyr Moyen']);
    t.clock.set(TUESDAY_10AM);
  });

  it('closes on public holidays the places whose hours say so', async () => {
    // Tuesday 14 July 2026, 10:00 in Paris: « PH off » places are closed, the others keep their weekday hours.
    t.clock.set(new Date('2026-07-14T08:00:00Z'));
    try {
      expect(names((await get(`/lieux?${near}&rayon=50&ouvert=maintenant`)).html)).toEqual(['Zéphyr Centre social']);
    } finally {
      t.clock.set(TUESDAY_10AM);
    }
  });

  it('pages the results by 20, with GOV.UK pagination', async () => {
    for (let i = 0; i < 23; i++) await place(`Zéphyr Série ${String(i).padStart(2, '0')}`, 60 + i * 0.1, {
        longitude: ORIGIN.lon + 2,
        communeInsee: null,
        communeName: 'Au large',
      });
    const far = 'lat=47.55&lon=-3&rayon=10';
    const first = await get(`/lieux?${far}`);
    expect(names(first.html)).toHaveLength(20);
    expect(first.html).toContain('23 lieux trouvés');
    expect(first.html).toContain('Page 1 sur 2');
    expect(first.html).toContain('class="govuk-pagination"');
    expect(first.html).toMatch(/href="\/lieux\?lat=47.55&amp;lon=-3&amp;rayon=10&amp;page=2#resultats"/);
    const second = await get(`/lieux?${far}&page=2`);
    expect(names(second.html)).toHaveLength(3);
    expect(second.html).toMatch(/<ol class="govuk-list relais-results" start="21">/);
    const beyond = await get(`/lieux?${far}&page=9`);
    expect(beyond.status).toBe(200);
    expect(beyond.html).toContain('Cette page n’existe plus');
    expect(beyond.html).toContain('23 lieux trouvés');
  });

  it('measures from the middle of a commune’s places when its centre is unknown, else lists them without distance', async () => {
    const { db } = t.deps;
    await db.execute(sql`update communes set latitude = null, longitude = null where insee = '35211'`);
    try {
      const { html } = await get('/lieux?commune=Paimpont&rayon=50');
      expect(html).toContain('depuis le milieu des lieux de Paimpont');
      expect(names(html)).toContain('Zéphyr Proche');
      expect(names(html)).not.toContain('Zéphyr Sans coordonnées');
      // A commune without centre nor placed places: its places, without distances, and it says so.
      await place('Zéphyr Sans position à Iffendic', null, { communeInsee: '35133', communeName: 'Iffendic', postcode: '35750' });
      const iffendic = await get('/lieux?commune=Iffendic');
      expect(iffendic.status).toBe(200);
      expect(iffendic.html).toContain('Nous ne connaissons pas encore la position de Iffendic');
      expect(names(iffendic.html)).toContain('Zéphyr Sans position à Iffendic');
      expect(iffendic.html).not.toMatch(/<strong>à [0-9]/);
    } finally {
      await db.execute(sql`update communes set latitude = ${ORIGIN.lat}, longitude = ${ORIGIN.lon} where insee = '35211'`);
    }
  });

  it('says clearly when nothing matches, and offers a wider search', async () => {
    const { status, html } = await get(`/lieux?${near}&rayon=5&besoin=materiel`);
    expect(status).toBe(200);
    expect(html).toContain('Aucun lieu trouvé');
    expect(html).toContain('chercher jusqu’à 50 km');
  });

  it('explains an unknown commune next to the field, with 422, keeping the other answers', async () => {
    const { status, html } = await get('/lieux?besoin=demarches&besoin=acces&commune=Qwxzkv&ouvert=samedi');
    expect(status).toBe(422);
    expect(html).toContain('<title>Erreur :');
    expect(html).toContain('class="govuk-error-summary"');
    expect(html).toContain('Aucune commune ne correspond à « Qwxzkv »');
    expect(html).toMatch(/<p id="commune-error" class="govuk-error-message">/);
    expect(html).toMatch(/id="besoin" type="checkbox" value="demarches" checked/);
    expect(html).toMatch(/value="acces" checked/);
    expect(html).toMatch(/value="samedi" checked/);
    expect(html).toContain('value="Qwxzkv"');
  });

  it('asks which commune when several match', async () => {
    const { status, html } = await get('/lieux?commune=Saint');
    expect(status).toBe(422);
    expect(html).toContain('Quelle commune ?');
    expect(html).toContain('name="communeInsee"');
  });

  it.each([
    '/lieux?besoin=nimportequoi',
    '/lieux?rayon=-3&page=abc',
    '/lieux?rayon=1e308&page=99999999999999',
    '/lieux?lat=abc&lon=12',
    '/lieux?lat=91&lon=0',
    '/lieux?communeInsee=%27%3B%20drop%20table%20places%3B--',
    '/lieux?commune=%25%25%25&besoin=demarches',
    `/lieux?commune=${'a'.repeat(5000)}`,
    '/lieux?label=x&public=y&ouvert=z&gratuit=peut-etre',
    '/lieux/imprimer?lat=abc',
    '/lieux/imprimer?besoin[]=1&page=-1',
  ])('answers %s with a page or a French message, never a server error', async (path) => {
    const { status, html } = await get(path);
    expect([200, 303, 422]).toContain(status);
    if (status === 422) expect(html).toContain('class="govuk-error-message"');
  });

  it('reports a position it cannot read', async () => {
    const { status, html } = await get('/lieux?lat=abc&lon=12');
    expect(status).toBe(422);
    expect(html).toContain('Votre position n’a pas pu être lue');
  });

  it('keeps the results page within 30 KB gzipped with 20 results and the map', async () => {
    const { html } = await get('/lieux?lat=47.55&lon=-3&rayon=10&besoin=demarches&besoin=outils');
    expect(names(html)).toHaveLength(20);
    expect(html).toContain('data-relais-map');
    expect(gzipSync(html).length).toBeLessThanOrEqual(30 * 1024);
  });

  it('gives the map its markers and lets only pages with a map reach the tile server, still without unsafe-inline', async () => {
    const { html, res } = await get(`/lieux?${near}`);
    const markers = JSON.parse(
      /data-markers="([^"]+)"/
        .exec(html)![1]!
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&')
        .replaceAll('&#39;', "'"),
    ) as Array<{ name: string; url: string; label: string; lat: number; lon: number }>;
    expect(markers.map((m) => m.name)).toEqual(['Zéphyr Proche', 'Zéphyr Moyen', 'Zéphyr Centre social', 'Zéphyr Loin']);
    expect(markers[0]).toMatchObject({ label: '1', url: expect.stringMatching(/^\/lieux\/[0-9a-f-]{36}$/) as string });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain('https://tiles.openfreemap.org');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("script-src 'self' 'sha256-");
    const form = await get('/lieux');
    expect(form.res.headers.get('content-security-policy')).not.toContain('openfreemap');
  });

  it('uses the configured map style', async () => {
    const other = await createTestApp({ env: { RELAIS_MAP_STYLE_URL: 'https://cartes.example.org/style.json' } });
    try {
      await other.deps.db.execute(sql`update communes set latitude = 48.1, longitude = -1.7 where insee = '35238'`);
      await createPlace(
        other.deps.db,
        { clock: other.clock, ids: randomIds },
        { source: 't', sourceId: '1', name: 'Zéphyr Style', street: '1 rue', postcode: '35000', communeName: 'Rennes', latitude: 48.1, longitude: -1.7 },
        { userId: null, kind: 'departement' },
      );
      const { html, res } = await other.client().get('/lieux?lat=48.1&lon=-1.7&rayon=5');
      expect(html).toContain('data-style-url="https://cartes.example.org/style.json"');
      expect(res.headers.get('content-security-policy')).toContain('connect-src \'self\' https://cartes.example.org');
    } finally {
      await other.close();
    }
  });

  it('is linked from the home page and the site map', async () => {
    expect((await get('/')).html).toContain('<a class="govuk-link" href="/lieux">Trouver un lieu pour être aidé au numérique</a>');
    expect((await get('/plan-du-site')).html).toContain('href="/lieux">Trouver un lieu pour être aidé au numérique</a>');
  });
});

describe('GET /lieux/imprimer', () => {
  it('prints the results with address, phone, hours in French, distance, the département and the date, without navigation', async () => {
    const { status, html } = await get(`/lieux/imprimer?${near}&rayon=5`);
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="govuk-heading-l govuk-!-margin-bottom-2">Lieux d’aide au numérique près de votre position</h1>');
    expect(html).toContain('Département d’Ille-et-Vilaine');
    expect(html).toContain('liste établie le 10 mars 2026');
    expect(html).toContain('1. Zéphyr Proche');
    expect(html).toContain('– à 1,2 km');
    expect(html).toContain('2 quai des Essais, 35380 Paimpont');
    expect(html).toContain('Téléphone : 02 99 12 34 56');
    expect(html).toContain('Horaires : Du lundi au vendredi : 9 h à 12 h et 14 h à 17 h');
    expect(html).toContain('2. Zéphyr Moyen');
    expect(html).not.toContain('govuk-service-navigation');
    expect(html).not.toContain('govuk-footer');
  });

  it('sends a faulty search back to the search page, which explains', async () => {
    const res = await t.client().request('/lieux/imprimer?commune=Qwxzkv');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/lieux?commune=Qwxzkv');
  });
});
