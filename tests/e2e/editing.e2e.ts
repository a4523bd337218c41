// A structure member keeps a place up to date from a small phone: every page of « Ma structure » passes axe
// and fits 360 px, and the edit form works with JavaScript off.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { createPlace, createService } from '../../src/modules/directory/db/listing-store.ts';
import { places, structures } from '../../src/schema.ts';
import { checkPage, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
let structureId: string;
let placeId: string;
let serviceId: string;

beforeAll(async () => {
  e2e = await startE2E();
  const { db } = e2e.t.deps;
  const [demo] = await db.select().from(structures).where(eq(structures.name, 'Espace numérique de Rennes'));
  structureId = demo!.id;
  const deps = { clock: e2e.t.clock, ids: e2e.t.deps.ids };
  const seed = { userId: null, kind: 'seed' as const };
  placeId = await createPlace(
    db,
    deps,
    {
      source: 'e2e',
      sourceId: randomUUID(),
      structureId,
      name: 'Espace numérique – antenne du Blosne',
      street: '7 boulevard de Yougoslavie',
      postcode: '35200',
      communeName: 'Rennes',
      communeInsee: '35238',
      openingHours: 'Mo-Fr 09:00-12:00',
      services: ['Aide aux démarches administratives'],
    },
    seed,
  );
  serviceId = await createService(db, deps, { name: 'Aide aux démarches en ligne', structureId, placeId, themes: ['numerique--acceder-a-des-services-en-ligne'] }, seed);
});
afterAll(() => e2e?.close());

async function signInMember(page: Page): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill('structure@demo.relais.test');
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Se connecter|Continuer/ }).click();
  await page.waitForURL(/\/connexion\/double-authentification$/);
  const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code à 6 chiffres', { exact: true }).fill(TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: e2e.t.clock.now().getTime() }));
  await page.getByRole('button', { name: /Valider|Continuer|Activer/ }).click();
  await page.waitForURL(/\/connexion\/codes-de-secours$/);
}

describe('« Ma structure » in a browser', () => {
  it('passes axe at 360 px on every page, and a member edits the hours and phone of a place with JavaScript off', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await signInMember(page);

    await page.goto('/ma-structure');
    expect(await page.locator('h1').textContent()).toBe('Ma structure');
    expect(await page.content()).toContain('Espace numérique – antenne du Blosne');
    await checkPage(page);
    for (const path of [
      `/ma-structure/lieux/${placeId}/modifier`,
      `/ma-structure/services/${serviceId}/modifier`,
      `/ma-structure/structure/${structureId}/modifier`,
      `/ma-structure/structure/${structureId}/lieux/nouveau`,
      `/ma-structure/structure/${structureId}/services/nouveau`,
      `/ma-structure/structure/${structureId}/membres`,
      '/ma-structure/revendiquer?q=espace',
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await checkPage(page);
    }
    // An error page of the form, with its summary and messages, passes too.
    await page.goto(`/ma-structure/lieux/${placeId}/modifier`);
    await page.getByLabel('Téléphone (facultatif)').fill('12');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Saisissez un numéro de téléphone français');
    await checkPage(page);

    // The same person, JavaScript off.
    const noJs = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      baseURL: e2e.baseUrl,
      javaScriptEnabled: false,
      storageState: await ctx.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto('/ma-structure');
    await plain.getByRole('link', { name: /Modifier\s+Espace numérique – antenne du Blosne/ }).click();
    await plain.waitForURL(new RegExp(`/ma-structure/lieux/${placeId}/modifier$`));
    await plain.getByLabel('Horaires d’ouverture (facultatif)').fill('Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00; PH off');
    await plain.getByLabel('Téléphone (facultatif)').fill('02 99 50 60 70');
    await plain.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await plain.waitForURL(/enregistre=1$/);
    const html = await plain.content();
    expect(html).toContain('Vos modifications sont publiées');
    expect(html).toContain('Samedi : 10 h à 12 h');
    expect(html).toContain('À relire');
    const [row] = await e2e.t.deps.db.select().from(places).where(eq(places.id, placeId));
    expect(row).toMatchObject({ openingHours: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00; PH off', phone: '+33299506070', closedOnPublicHolidays: true });
    await noJs.close();

    // Back with JavaScript: the saved page passes axe too.
    await page.goto(`/ma-structure/lieux/${placeId}/modifier?enregistre=1`);
    await checkPage(page);
    await ctx.close();
  });
});
