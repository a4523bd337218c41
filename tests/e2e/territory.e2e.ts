import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('« Trouver mon CDAS » in a browser', () => {
  it('suggests communes as a combobox the keyboard can drive, and shows the centre', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/mon-centre');
    const input = page.getByRole('combobox', { name: 'Votre commune' });
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
    await input.pressSequentially('st mal', { delay: 30 });
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    const options = page.getByRole('option');
    await expect.poll(() => options.first().textContent()).toBe('Saint-Malo (35400)');
    await expect.poll(() => page.locator('[aria-live=polite]').textContent()).toMatch(/communes? proposées?/);
    await checkPage(page);
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('commune-options-0');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('Saint-Malo (35400)');
    expect(await page.locator('input[name=communeInsee]').inputValue()).toBe('35288');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await input.pressSequentially('x');
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await input.fill('Saint-Malo (35400)');
    await page.locator('input[name=communeInsee]').evaluate((el: HTMLInputElement) => (el.value = '35288'));
    await page.getByRole('button', { name: 'Trouver' }).click();
    await expect.poll(() => page.locator('h2#reponse').textContent()).toContain('Pour Saint-Malo');
    await checkPage(page);
    await ctx.close();
  });

  it('works without JavaScript, asking which commune when several match', async () => {
    await expectWorksWithoutJs(e2e, '/mon-centre');
    const ctx = await e2e.phoneNoJs();
    const page = await ctx.newPage();
    await page.goto('/mon-centre?commune=saint+aubin');
    await page.getByLabel('Saint-Aubin-d\'Aubigné (35250)').check();
    await page.getByRole('button', { name: 'Trouver' }).click();
    expect(await page.locator('h2#reponse').textContent()).toContain('Pour Saint-Aubin-d\'Aubigné');
    expect(await page.content()).toContain('CDAS des Marches de Bretagne');
    await ctx.close();
  });
});
