// The embed on another origin: a commune's website (a second tiny server, on « localhost » while Relais answers
// on 127.0.0.1) puts the <relais-annuaire> element on its page; in Chromium the iframe loads and shows the
// places, sized to its content. A normal page of Relais refuses to be framed by the same site. axe passes on
// the embed page, which also works without JavaScript.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, expectNoAxeViolations, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
let host: Server;
let hostUrl: string;

// The host site's page: what a webmaster pastes from /integrer/aide, plus an iframe of a page that must refuse.
function hostPage(relais: string): string {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Mairie de Rennes – Se faire aider pour le numérique</title></head>
<body><main><h1>Se faire aider pour le numérique</h1>
<script src="${relais}/integrer/relais-annuaire.js" defer></script>
<relais-annuaire id="annuaire" besoins="demarches junk<>" territoire="35238" titre="Lieux d’aide au numérique à Rennes"></relais-annuaire>
<relais-annuaire id="junk" besoins="&quot;><script>alert(1)</script>" territoire="javascript:alert(1)" labels="../../etc/passwd"></relais-annuaire>
<iframe id="interdit" title="Page de connexion" src="${relais}/connexion"></iframe>
</main></body></html>`;
}

beforeAll(async () => {
  e2e = await startE2E();
  host = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(e2e.baseUrl));
  });
  const port = await new Promise<number>((resolve) => host.listen(0, '127.0.0.1', () => resolve((host.address() as AddressInfo).port)));
  // Another origin for the browser: « localhost » is not « 127.0.0.1 ».
  hostUrl = `http://localhost:${port}/`;
});

afterAll(async () => {
  await new Promise<void>((r) => host.close(() => r()));
  await e2e.close();
});

describe('the embed on another site', () => {
  it('inserts an iframe that loads and shows the places, sized to its content, and ignores junk attributes', async () => {
    const context = await e2e.phone();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(hostUrl);
    const frameElement = page.locator('#annuaire iframe');
    await expect.poll(() => frameElement.getAttribute('title')).toBe('Lieux d’aide au numérique à Rennes');
    const src = new URL((await frameElement.getAttribute('src'))!);
    expect(src.origin).toBe(e2e.baseUrl);
    expect(src.searchParams.getAll('besoin')).toEqual(['demarches']);
    expect(src.searchParams.get('territoire')).toBe('35238');

    const frame = page.frameLocator('#annuaire iframe');
    await expect.poll(() => frame.locator('h1').textContent(), { timeout: 15_000 }).toBe('Lieux d’aide au numérique près de Rennes');
    await expect.poll(() => frame.locator('.relais-result').count()).toBe(20);
    expect(await frame.locator('.relais-result a').first().getAttribute('target')).toBe('_blank');
    // The frame told its height to the host page, which grew the iframe past its initial 700 px.
    await expect.poll(async () => (await frameElement.boundingBox())?.height ?? 0, { timeout: 10_000 }).toBeGreaterThan(1000);

    // Junk attributes: an iframe of the whole département, nothing injected, no script run.
    const junkSrc = new URL((await page.locator('#junk iframe').getAttribute('src'))!);
    expect(junkSrc.pathname).toBe('/integrer');
    expect([...junkSrc.searchParams.keys()]).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cannot show a normal page of Relais in a frame', async () => {
    const context = await e2e.phone();
    const page = await context.newPage();
    await page.goto(hostUrl);
    // Chromium blocks the framed page (frame-ancestors 'none'): the frame holds no Relais content.
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().includes('/connexion'));
    const heading = frame ? await frame.locator('h1').count().catch(() => 0) : 0;
    expect(heading).toBe(0);
    await context.close();
  });

  it('passes axe and fits a phone; it works without JavaScript', async () => {
    const context = await e2e.phone();
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/integrer?territoire=35238&besoin=demarches`);
    await checkPage(page);
    await page.goto(`${e2e.baseUrl}/integrer/aide`);
    await checkPage(page);
    await expectNoAxeViolations(page);
    await context.close();
    await expectWorksWithoutJs(e2e, '/integrer?territoire=35238&besoin=demarches');
  });
});
