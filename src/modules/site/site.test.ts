import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { footerLinks } from '../../platform/views/layout.tsx';
import { sitePages } from './index.tsx';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

describe('public site', () => {
  it('shows the home page in French with the département name and what Relais offers', async () => {
    const { status, html } = await t.client().get('/');
    expect(status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="fr"');
    expect(h1(html)).toBe('Trouver de l’aide pour vos démarches en ligne en Ille-et-Vilaine');
    for (const offer of ['Trouver un lieu d’aide', 'Faire une démarche', 'Prendre rendez-vous']) expect(html).toContain(offer);
    expect(html).toContain('Département d’Ille-et-Vilaine');
  });

  it('keeps the home page HTML within 14 KB gzipped (one round trip)', async () => {
    const { html } = await t.client().get('/');
    expect(gzipSync(html).length).toBeLessThanOrEqual(14 * 1024);
  });

  it('has a skip link, a header without crown, and the footer links on every page', async () => {
    const { html } = await t.client().get('/');
    expect(html).toContain('<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Aller au contenu principal</a>');
    expect(html).toContain('id="main-content"');
    expect(html).not.toMatch(/govuk-header__crown|govuk-logo|Crown copyright|Open Government Licence/);
    for (const link of footerLinks) expect(html).toContain(`href="${link.href}">${link.text}</a>`);
  });

  it.each([
    ['/accessibilite', 'Déclaration d’accessibilité', ['non conforme', 'RGAA', 'Défenseur des droits', 'Signaler un problème d’accessibilité', 'Contenus non accessibles']],
    ['/mentions-legales', 'Mentions légales', ['Éditeur', 'Directeur de la publication', 'Hébergement', 'licence MIT', 'le département d’Ille-et-Vilaine']],
    ['/donnees-personnelles', 'Données personnelles', ['responsable du traitement', 'Sur quelle base légale', 'Combien de temps', 'délégué à la protection des données', 'CNIL']],
    ['/plan-du-site', 'Plan du site', ['Mentions légales', 'Données personnelles']],
  ])('serves %s in French to anyone', async (path, heading, texts) => {
    const { status, html } = await t.client().get(path);
    expect(status).toBe(200);
    expect(h1(html)).toBe(heading);
    expect(html).toContain(`<title>${heading} – Relais – Ille-et-Vilaine</title>`);
    for (const text of texts) expect(html).toContain(text);
  });

  it('lists every public page in the site map, and each of them answers', async () => {
    const { html } = await t.client().get('/plan-du-site');
    for (const page of sitePages) {
      expect(html).toContain(`href="${page.href}">${page.title}</a>`);
      if (page.href !== '/connexion') expect((await t.client().get(page.href)).status).toBe(200);
    }
    // Every footer link is in the site map.
    for (const link of footerLinks) expect(sitePages.map((p) => p.href)).toContain(link.href);
  });

  it('shows the other département’s name and address on its legal pages', async () => {
    const t13 = await createTestApp({ env: { RELAIS_DEPARTEMENT: '13' } });
    try {
      const { html } = await t13.client().get('/mentions-legales');
      expect(html).toContain('le département des Bouches-du-Rhône');
      expect(html).toContain('13256 Marseille Cedex 20');
      const home = await t13.client().get('/');
      expect(home.html).toContain('démarches en ligne dans les Bouches-du-Rhône</h1>');
    } finally {
      await t13.close();
    }
  });

  it('answers an unknown address with a French 404 page', async () => {
    const { status, html } = await t.client().get('/cette-page-n-existe-pas');
    expect(status).toBe(404);
    expect(html).toContain('Page introuvable');
  });
});
