import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorReports, structures } from '../../src/modules/directory/db/directory.table.ts';
import { createPlace, createService } from '../../src/modules/directory/db/listing-store.ts';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
let placeId = '';
beforeAll(async () => {
  e2e = await startE2E();
  const deps = { clock: e2e.t.clock, ids: e2e.t.deps.ids };
  const seed = { userId: null, kind: 'departement' as const };
  placeId = await createPlace(
    e2e.t.deps.db,
    deps,
    {
      source: 'e2e',
      sourceId: `place-${Date.now()}`,
      name: 'Médiathèque Les Champs Libres – espace numérique',
      street: '10 cours des Alliés',
      postcode: '35000',
      communeName: 'Rennes',
      latitude: 48.1059,
      longitude: -1.6746,
      phone: '+33223404000',
      emails: ['numerique@champs-libres.example.fr'],
      websites: ['https://champs-libres.example.fr/numerique'],
      openingHours: 'Tu-Fr 12:00-19:00; Sa-Su 14:00-19:00; PH off',
      itinerance: ['Fixe'],
      services: ['Maîtrise des outils numériques du quotidien', 'Accès internet et matériel informatique'],
      publics: ['Seniors', 'Jeunes'],
      fees: ['Gratuit'],
      nationalPrograms: ['Conseillers numériques'],
      accessModes: ['Se présenter'],
      supportModes: ['Dans un atelier collectif', 'Accompagnement individuel'],
      accessibilityUrl: 'https://acceslibre.beta.gouv.fr/app/35-rennes/a/bibliotheque-mediatheque/erp/les-champs-libres/',
    },
    seed,
  );
  await createService(
    e2e.t.deps.db,
    deps,
    {
      structureId: await firstStructureId(),
      placeId,
      name: 'Atelier « Premiers pas sur ordinateur »',
      themes: ['numerique--prendre-en-main-un-ordinateur'],
      publics: ['seniors'],
      fees: 'gratuit',
      mobilisationModes: ['se-presenter'],
    },
    seed,
  );
});
afterAll(() => e2e?.close());

async function firstStructureId(): Promise<string> {
  const [row] = await e2e.t.deps.db.select({ id: structures.id }).from(structures).limit(1);
  return row!.id;
}

describe('the page of a place in a browser', () => {
  it('is accessible on a 360-px phone and works without JavaScript', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto(`/lieux/${placeId}`);
    expect(await page.locator('main h1').textContent()).toBe('Médiathèque Les Champs Libres – espace numérique');
    expect(await page.locator('#statut-ouverture').textContent()).toMatch(/Ouvert maintenant|Fermé/);
    // The map draws its one marker even though the tiles cannot load here.
    const map = page.locator('[data-relais-map]');
    await expect.poll(() => map.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.locator('.relais-map__marker').count(), { timeout: 15_000 }).toBe(1);
    await checkPage(page);
    await ctx.close();
    await expectWorksWithoutJs(e2e, `/lieux/${placeId}`);
    const noJs = await e2e.phoneNoJs();
    const plain = await noJs.newPage();
    await plain.goto(`/lieux/${placeId}`);
    expect(await plain.locator('[data-relais-map]').isVisible()).toBe(false);
    expect(await plain.locator('#coordonnees').textContent()).toContain('48,10590° N, 1,67460° O');
    await noJs.close();
  });

  it('takes an error report with JavaScript off, with the errors first, then the confirmation', async () => {
    const ctx = await e2e.phoneNoJs();
    const page = await ctx.newPage();
    await page.goto(`/lieux/${placeId}`);
    await page.getByRole('link', { name: 'Signaler une erreur sur cette fiche' }).click();
    expect(await page.locator('main h1').textContent()).toBe('Signaler une erreur');
    await page.getByLabel('Votre adresse e-mail (facultatif)').fill('pas une adresse');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    expect(await page.title()).toMatch(/^Erreur : /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Décrivez ce qui est inexact sur cette fiche');
    await page.getByLabel('Qu’est-ce qui est inexact ?').fill('Le numéro de téléphone ne répond plus.');
    await page.getByLabel('Votre adresse e-mail (facultatif)').fill('');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('Signalement envoyé');
    await ctx.close();
    const rows = await e2e.t.deps.db.select().from(errorReports).where(eq(errorReports.placeId, placeId));
    expect(rows.map((r) => r.message)).toEqual(['Le numéro de téléphone ne répond plus.']);
  });

  it('shows the report form and its errors accessibly on a phone', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto(`/lieux/${placeId}/signaler`);
    await checkPage(page);
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect.poll(() => page.title()).toMatch(/^Erreur : /);
    await checkPage(page);
    await ctx.close();
  });
});
