import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePages } from '../../src/modules/site/index.tsx';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('public pages in a browser', () => {
  it('shows the home page to a visitor on a small phone, accessible, with JavaScript on and off', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Ille-et-Vilaine');
    // GOV.UK Frontend's script ran: the body is marked as enhanced.
    expect(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'))).toBe(true);
    await checkPage(page);
    await ctx.close();
    await expectWorksWithoutJs(e2e, '/');
  });

  it('shows every page of the site map accessibly, with JavaScript on and off, and the 404 page', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    for (const { href } of sitePages) {
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(200);
      await checkPage(page);
      await expectWorksWithoutJs(e2e, href);
    }
    const missing = await page.goto('/cette-page-n-existe-pas');
    expect(missing?.status()).toBe(404);
    await checkPage(page);
    await ctx.close();
  });
});
