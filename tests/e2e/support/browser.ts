// Browser journeys: the real server on loopback, Debian's Chromium driven by playwright-core (never a
// downloaded browser), axe on every page, and every public page loaded again with JavaScript off.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  baseUrl: string;
  t: TestApp;
  browser: Browser;
  /** A browser context as a person on a small phone (360 px wide), JavaScript on. */
  phone(): Promise<BrowserContext>;
  /** Same, JavaScript off. */
  phoneNoJs(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startE2E(opts: { env?: Record<string, string> } = {}): Promise<E2E> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium est introuvable (${CHROMIUM}) : installez-le avec « apt-get install chromium fonts-liberation ».`);
  }
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolvePort) => {
    server = serve({ fetch: (req) => t.app.fetch(req), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolvePort(info.port));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const t: TestApp = await createTestApp({ env: { PUBLIC_URL: baseUrl, ...opts.env } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const contextOptions = { viewport: { width: 360, height: 740 }, locale: 'fr-FR', baseURL: baseUrl };
  return {
    baseUrl,
    t,
    browser,
    phone: () => browser.newContext(contextOptions),
    phoneNoJs: () => browser.newContext({ ...contextOptions, javaScriptEnabled: false }),
    async close() {
      await browser.close();
      await new Promise<void>((r) => server!.close(() => r()));
      await t.close();
    },
  };
}

/** Runs axe on the page as it is now and fails with the list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `violations axe sur ${page.url()}`).toEqual([]);
}

/** The page fits a 360-px screen: nothing overflows horizontally. Needs JavaScript in the page. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `défilement horizontal sur ${page.url()}`).toBeLessThanOrEqual(0);
}

/**
 * Loads the URL with JavaScript off and checks the page is whole: 200 and a heading in <main>. With `as`, the
 * no-JavaScript browser carries the cookies of that page's browser (the same signed-in person).
 */
export async function expectWorksWithoutJs(e2e: E2E, path: string, as?: Page): Promise<void> {
  const ctx = as
    ? await e2e.browser.newContext({
        viewport: { width: 360, height: 740 },
        locale: 'fr-FR',
        baseURL: e2e.baseUrl,
        javaScriptEnabled: false,
        storageState: await as.context().storageState(),
      })
    : await e2e.phoneNoJs();
  try {
    const page = await ctx.newPage();
    const res = await page.goto(path);
    expect(res?.status(), `statut de ${path} sans JavaScript`).toBe(200);
    // Not sent elsewhere (a sign-in page would also have a heading).
    expect(new URL(page.url()).pathname, `adresse de ${path} sans JavaScript`).toBe(new URL(path, e2e.baseUrl).pathname);
    expect(await page.locator('main h1').count(), `titre de ${path} sans JavaScript`).toBeGreaterThan(0);
    // axe and the width check need JavaScript in the page: checkPage runs them with JavaScript on.
  } finally {
    await ctx.close();
  }
}

/** The checks every visited page gets: axe, 360-px fit. */
export async function checkPage(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
}
