// Searching for a place that helps with digital life, in a browser on a small phone. The test places sit in
// the sea off Brittany (around 47° N, 5° W), where no demo place will ever be; Paimpont's centre is moved there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../src/platform/clock.ts';
import { createPlace, type PlaceFields } from '../../src/modules/directory/db/listing-store.ts';
import { checkPage, expectNoAxeViolations, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
const ORIGIN = { lat: 47, lon: -5 };
const KM = 1 / 111.195;

async function place(name: string, kmNorth: number, kmEast: number, fields: Partial<PlaceFields> = {}) {
  const { t } = e2e;
  await createPlace(
    t.deps.db,
    { clock: t.clock, ids: randomIds },
    {
      source: 'e2e-search',
      sourceId: name,
      name,
      street: '1 quai des Essais',
      postcode: '35380',
      communeName: 'Paimpont',
      communeInsee: '35211',
      latitude: ORIGIN.lat + kmNorth * KM,
      longitude: ORIGIN.lon + (kmEast * KM) / Math.cos((47 * Math.PI) / 180),
      phone: '+33299000000',
      services: ['Aide aux démarches administratives'],
      openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
      ...fields,
    },
    { userId: null, kind: 'departement' },
  );
}

beforeAll(async () => {
  e2e = await startE2E();
  await e2e.t.deps.db.execute(sql`update communes set latitude = ${ORIGIN.lat}, longitude = ${ORIGIN.lon} where insee = '35211'`);
  await place('Zéphyr Espace numérique de la Gare', 3.5, 1);
  await place('Zéphyr France services du Port', 0.8, -0.9, { nationalPrograms: ['France Services'] });
  await place('Zéphyr Médiathèque des Dunes', 7, 2);
  await place('Zéphyr Atelier photo', 0.3, 0, { services: ['Loisirs et créations numériques'] });
});
afterAll(() => e2e?.close());

describe('Searching for a place in a browser', () => {
  it('lets a newcomer on a phone, without JavaScript, find the nearest place for an online procedure, with its distance', async () => {
    await expectWorksWithoutJs(e2e, '/lieux');
    const ctx = await e2e.phoneNoJs();
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Trouver un lieu pour être aidé au numérique' }).click();
    await page.getByLabel('Faire une démarche en ligne').check();
    await page.getByLabel('Près de quelle commune ?').fill('Paimpont');
    // Without JavaScript there is no « Utiliser ma position ».
    expect(await page.getByRole('button', { name: 'Utiliser ma position' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    expect(await page.locator('main h1').textContent()).toBe('Lieux d’aide au numérique près de Paimpont');
    const results = page.locator('li.relais-result');
    expect(await results.count()).toBe(3);
    const first = results.first();
    expect(await first.getByRole('link').textContent()).toBe('Zéphyr France services du Port');
    expect(await first.textContent()).toContain('à 1,2 km');
    expect(await first.textContent()).toContain('France Services');
    expect(await results.nth(1).getByRole('link').textContent()).toBe('Zéphyr Espace numérique de la Gare');
    // The place's page is one tap away.
    expect(await first.getByRole('link').getAttribute('href')).toMatch(/^\/lieux\/[0-9a-f-]{36}$/);
    // Nothing is wider than the phone, even without JavaScript.
    expect(await page.locator('[data-relais-map]').isVisible()).toBe(false);
    await ctx.close();
  });

  it('shows the map with its markers, even though the tiles cannot load, and passes axe', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    const failures: string[] = [];
    const csp: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.goto('/lieux?besoin=demarches&commune=Paimpont');
    const map = page.locator('[data-relais-map]');
    await expect.poll(() => map.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.locator('.relais-map__marker').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('.relais-map__marker').first().textContent()).toBe('1');
    // MapLibre itself drew the map (WebGL canvas), on the plain background since the tiles could not load.
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    await expect.poll(() => map.getAttribute('class'), { timeout: 15_000 }).toContain('relais-map--plain');
    expect(csp).toEqual([]);
    expect(failures).toEqual([]);
    await checkPage(page);
    await ctx.close();
  });

  it('still places the markers on a plain background when the browser has no WebGL', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto('/lieux?besoin=demarches&commune=Paimpont');
    const markers = page.locator('[data-relais-map] a.relais-map__marker');
    await expect.poll(() => markers.count(), { timeout: 15_000 }).toBe(3);
    expect(await markers.first().getAttribute('href')).toMatch(/^\/lieux\/[0-9a-f-]{36}$/);
    expect(await markers.first().getAttribute('aria-label')).toBe('Zéphyr France services du Port, à 1,2 km');
    await checkPage(page);
    await ctx.close();
  });

  it('offers « Utiliser ma position » when the browser can locate, and searches around it', async () => {
    const ctx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      baseURL: e2e.baseUrl,
      geolocation: { latitude: ORIGIN.lat, longitude: ORIGIN.lon },
      permissions: ['geolocation'],
    });
    const page = await ctx.newPage();
    await page.goto('/lieux');
    await checkPage(page);
    await page.getByLabel('Faire une démarche en ligne').check();
    await page.getByRole('button', { name: 'Utiliser ma position' }).click();
    await expect.poll(() => page.locator('main h1').textContent(), { timeout: 15_000 }).toBe('Lieux d’aide au numérique près de votre position');
    expect(await page.locator('li.relais-result').first().getByRole('link').textContent()).toBe('Zéphyr France services du Port');
    await ctx.close();
  });

  it('prints an A4 list that passes axe', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/lieux?besoin=demarches&commune=Paimpont');
    await page.getByRole('link', { name: 'Imprimer la liste' }).click();
    expect(new URL(page.url()).pathname).toBe('/lieux/imprimer');
    expect(await page.locator('h1').textContent()).toBe('Lieux d’aide au numérique près de Paimpont');
    expect(await page.content()).toContain('Téléphone : 02 99 00 00 00');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: 'Revenir aux résultats' }).isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await ctx.close();
  });
});
