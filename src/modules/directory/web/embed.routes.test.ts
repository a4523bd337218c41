// The embed: only /integrer may be framed, by the origins the configuration allows; the search it shows follows
// its parameters (territory, needs, labels); junk gives a page or a 4xx, never a 500; the element's script is
// served as JavaScript with cache headers and loadable from other origins.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
const frameAncestors = (res: Response) => /frame-ancestors ([^;]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
const names = (html: string) => [...html.matchAll(/<a class="govuk-link" href="\/lieux\/[^"]+" target="_blank">([^<]+)<\/a>/g)].map((m) => m[1]!);

describe('framing', () => {
  it('lets any site frame /integrer by default, without X-Frame-Options', async () => {
    const res = await get('/integrer');
    expect(res.status).toBe(200);
    expect(frameAncestors(res)).toBe('*');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('keeps every other page unframeable', async () => {
    for (const path of ['/', '/lieux', '/integrer/aide', '/connexion']) {
      const res = await get(path);
      expect(frameAncestors(res), path).toBe("'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('lets only the listed origins frame it when RELAIS_EMBED_ALLOWED_ORIGINS is set', async () => {
    const other = await createTestApp({ env: { RELAIS_EMBED_ALLOWED_ORIGINS: 'https://www.mairie-exemple.fr, https://*.agglo-exemple.fr' } });
    try {
      const res = await other.app.request('/integrer');
      expect(frameAncestors(res)).toBe('https://www.mairie-exemple.fr https://*.agglo-exemple.fr');
      expect(frameAncestors(await other.app.request('/lieux'))).toBe("'none'");
    } finally {
      await other.close();
    }
  });

  it('refuses a configuration that is not a list of origins', async () => {
    await expect(createTestApp({ env: { RELAIS_EMBED_ALLOWED_ORIGINS: "https://a.fr; script-src 'unsafe-inline'" } })).rejects.toThrow(/RELAIS_EMBED_ALLOWED_ORIGINS/);
  });
});

describe('the custom element script', () => {
  it('is JavaScript with long cache headers, loadable from another origin, and answers 304 to its ETag', async () => {
    const res = await get('/integrer/relais-annuaire.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=86400/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = await res.text();
    expect(body).toContain("customElements.define('relais-annuaire'");
    const again = await get('/integrer/relais-annuaire.js', { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
    // The frame's own script is for Relais's pages only.
    expect((await get('/integrer/cadre.js')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('the embedded search', () => {
  it('shows the places of a commune nearest first, with the département on one line and no navigation', async () => {
    const res = await get('/integrer?territoire=35238&besoin=demarches');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Annuaire du département d’Ille-et-Vilaine');
    expect(html).not.toContain('govuk-service-navigation');
    expect(html).not.toContain('govuk-footer');
    expect(html).toContain('La fiche de chaque lieu s’ouvre dans un nouvel onglet.');
    expect(html).toMatch(/<h1[^>]*>Lieux d’aide au numérique près de Rennes<\/h1>/);
    const found = names(html);
    expect(found.length).toBe(20);
    expect(html).toContain('name="territoire" value="35238"');
    // Its pages keep the territory.
    expect(html).toMatch(/href="\/integrer\?territoire=35238&amp;besoin=demarches[^"]*page=2/);
  });

  it('keeps an EPCI’s search to its communes', async () => {
    // Rennes Métropole.
    const html = await (await get('/integrer?territoire=243500139')).text();
    expect(html).toContain('sur le territoire de Rennes Métropole');
    const outside = await (await get('/integrer?territoire=243500139&commune=Saint-Malo')).text();
    expect(outside).toContain('Aucun lieu trouvé');
  });

  it('reads the element’s comma lists as the search’s needs and labels', async () => {
    const html = await (await get('/integrer?territoire=35238&besoins=demarches,outils&labels=france-services')).text();
    expect(html).toContain('Pour : faire une démarche en ligne ou apprendre à utiliser un ordinateur, un téléphone');
    expect(html).toContain('Label : France Services');
    expect(html).toContain('name="label" value="france-services"');
  });

  it('weighs at most 30 KB gzipped', async () => {
    const html = await (await get('/integrer?territoire=35238')).text();
    expect(gzipSync(html).length).toBeLessThan(30 * 1024);
  });

  it('answers junk with a page, never a 500', async () => {
    for (const q of [
      'territoire=<script>',
      'territoire=99999',
      'territoire=123456789',
      'besoin=%00&label=../../etc&rayon=-1&page=-5',
      'lat=abc&lon=1',
      'commune=' + 'x'.repeat(5000),
      'besoins=' + ',,,'.repeat(500),
      'communeInsee=ZZZZZ&ouvert=demain',
    ]) {
      const res = await get(`/integrer?${q}`);
      expect([200, 422], q).toContain(res.status);
      expect(await res.text(), q).not.toContain('<script>');
    }
  });

  it('says so when the typed commune is unknown, with a 422 and the error next to the field', async () => {
    const res = await get('/integrer?commune=Zzyzx-sur-Mer');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain('<title>Erreur : ');
  });
});

describe('the help page for webmasters', () => {
  it('shows the snippet, the iframe alternative and a live example', async () => {
    const res = await get('/integrer/aide');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('/integrer/relais-annuaire.js');
    expect(html).toContain('&lt;relais-annuaire besoins=&quot;demarches outils&quot;');
    expect(html).toContain('&lt;iframe src=');
    expect(html).toMatch(/<relais-annuaire besoins="demarches outils" territoire="\d{9}"/);
  });
});
