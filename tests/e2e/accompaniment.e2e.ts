// Accompaniment in a browser, on a 360-px phone: a mediator records a help in a handful of taps (the steps are
// counted, not the time), a collective action, then reads the statistics with their charts. Axe on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { structures } from '../../src/schema.ts';
import { createStaffUser, signedInAs } from '../support/staff-session.ts';
import { checkPage, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
let page: Page;
beforeAll(async () => {
  e2e = await startE2E();
  const [s] = await e2e.t.deps.db.select({ id: structures.id }).from(structures).where(sql`${structures.id} not in (select owner_id from accompaniments)`).limit(1);
  const mediator = await createStaffUser(e2e.t, 'structure_member', { structureId: s!.id, name: 'Sophie Médiatrice' });
  const client = await signedInAs(e2e.t, mediator);
  const token = (client as unknown as { cookies: Map<string, string> }).cookies.get('relais_session')!;
  const ctx = await e2e.phone();
  await ctx.addCookies([{ name: 'relais_session', value: token, url: e2e.baseUrl }]);
  page = await ctx.newPage();
});
afterAll(() => e2e?.close());

describe('accompaniment in the browser', () => {
  it('records a help in seven steps on a phone', async () => {
    const steps: Array<() => Promise<unknown>> = [
      () => page.goto('/accompagnements/nouveau'),
      () => page.getByLabel('15 min').check(),
      () => page.getByLabel(/^Faire avec/).check(),
      () => page.getByLabel(/^Aides sociales/).check(),
      () => page.getByLabel('À l’accueil').check(),
      () => page.getByLabel('Démarche aboutie').check(),
      () => page.getByRole('button', { name: 'Enregistrer l’aide' }).click(),
    ];
    // These seven steps are all it takes: a page, five taps on presets, one button.
    for (const step of steps) await step();
    await page.waitForURL(/\/accompagnements\?lieu=/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Aide enregistrée.');
    await checkPage(page);
    await page.goto('/accompagnements/nouveau');
    await checkPage(page);
  });

  it('records a collective action and reads the statistics with their charts and tables', async () => {
    await page.goto('/accompagnements/atelier');
    await checkPage(page);
    await page.getByLabel('Titre').fill('Premiers pas sur la tablette');
    await page.getByLabel('Thème').selectOption({ value: 'appareil' });
    await page.getByLabel(/^Coup de pouce/).check();
    await page.getByLabel('60 min').check();
    await page.getByLabel('Nombre de participants').fill('6');
    await page.getByLabel('Dont venus pour la première fois').fill('4');
    await page.getByRole('button', { name: 'Enregistrer l’atelier' }).click();
    await page.waitForURL(/\/accompagnements\?lieu=/);
    await page.goto('/accompagnements/statistiques');
    const main = await page.locator('main').textContent();
    expect(main).toContain('1 aide individuelle');
    expect(main).toContain('1 atelier avec 6 participants');
    expect(await page.locator('figure.relais-chart svg').count()).toBeGreaterThanOrEqual(4);
    await checkPage(page);
  });
});
