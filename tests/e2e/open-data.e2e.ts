// Open data and the bulk import in a browser: the « Données ouvertes » page from the site map, and the
// département team importing a file (upload, report with every error, confirmation), a form that needs no JavaScript.
// Every page: axe and the 360-px fit.
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/directory/${name}`, import.meta.url));

describe('open data and bulk import in a browser', () => {
  it('lists the exports on « Données ouvertes », reached from the site map', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/plan-du-site');
    await page.getByRole('link', { name: 'Données ouvertes' }).click();
    await page.waitForURL(/\/donnees$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('Licence Ouverte 2.0');
    const csv = await page.request.get('/donnees/lieux.csv');
    expect(csv.status()).toBe(200);
    await ctx.close();
    await expectWorksWithoutJs(e2e, '/donnees');
  });

  it('lets the département team import a file: report first, then confirmation; the form works without JavaScript', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('annuaire@demo.relais.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Se connecter|Continuer/ }).click();
    await page.waitForURL(/\/connexion\/double-authentification$/, { timeout: 10_000 });
    const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: e2e.t.clock.now().getTime() });
    await page.getByLabel('Code à 6 chiffres', { exact: true }).fill(code);
    await page.getByRole('button', { name: /Valider|Continuer|Activer/ }).click();
    await page.waitForURL(/\/connexion\/codes-de-secours$/, { timeout: 10_000 });

    await page.goto('/admin/annuaire/import');
    await checkPage(page);
    await expectWorksWithoutJs(e2e, '/admin/annuaire/import', page);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await checkPage(page);

    await page.getByLabel('Fichier').setInputFiles(fixture('lieux-avec-erreurs.csv'));
    await page.getByLabel('Nom de la source').fill('hub-navigateur');
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.waitForURL(/\/admin\/annuaire\/import\/[0-9a-f-]{36}$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('Lignes refusées (4)');
    await page.getByRole('button', { name: 'Importer le lieu valide' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Import terminé');
    await checkPage(page);
    await ctx.close();
  });
});
