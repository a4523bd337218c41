// The foundation's journeys in a real browser: a resident signs up then signs in; an agent signs in and enrols
// TOTP; an admin invites a user who accepts. Every page: axe, 360-px fit; public pages again with JavaScript off.
import { Secret, TOTP } from 'otpauth';
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { mailOutbox } from '../../src/platform/mail/mail.table.ts';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const totp = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: e2e.t.clock.now().getTime() });

async function enrolTotp(page: Page): Promise<void> {
  await page.waitForURL(/\/connexion\/double-authentification$/);
  await checkPage(page);
  const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code à 6 chiffres', { exact: true }).fill(totp(secret));
  await page.getByRole('button', { name: /Valider|Continuer|Activer/ }).click();
  await page.waitForURL(/\/connexion\/codes-de-secours$/);
  await checkPage(page);
  expect(await page.locator('code').count()).toBe(10);
}

describe('accounts in a browser', () => {
  it('lets a resident go from the home page to sign-up, then sign in again', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Se connecter' }).first().click();
    await page.waitForURL(/\/connexion/);
    await checkPage(page);
    await page.getByRole('link', { name: /Créer un compte/ }).click();
    await page.waitForURL(/\/inscription$/);
    await checkPage(page);
    // A mistake first: the error summary and the message next to the field, the other answers kept.
    await page.getByLabel('Prénom et nom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill('nadia.benali@exemple.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmez le mot de passe').fill('court');
    await page.getByRole('button', { name: /Créer/ }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    await checkPage(page);
    expect(await page.getByLabel('Prénom et nom').inputValue()).toBe('Nadia Benali');
    const strong = 'une phrase de passe bien longue';
    await page.getByLabel('Mot de passe', { exact: true }).fill(strong);
    await page.getByLabel('Confirmez le mot de passe').fill(strong);
    await page.getByRole('button', { name: /Créer/ }).click();
    await page.waitForURL(/\/compte/);
    await checkPage(page);
    await expectWorksWithoutJs(e2e, '/compte', page);
    expect(await page.locator('main').textContent()).toContain('Nadia Benali');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/compte'));
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('nadia.benali@exemple.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill(strong);
    await page.getByRole('button', { name: /Se connecter|Continuer/ }).click();
    await page.waitForURL(/\/compte/);
    await ctx.close();
    for (const path of ['/connexion', '/inscription', '/mot-de-passe-oublie']) await expectWorksWithoutJs(e2e, path);
  });

  it('makes an agent enrol TOTP at the first sign-in', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('agent@demo.relais.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Se connecter|Continuer/ }).click();
    await enrolTotp(page);
    await page.getByRole('link', { name: /Continuer|compte/ }).first().click();
    await page.waitForURL(/\/compte/);
    await checkPage(page);
    await ctx.close();
  });

  it('lets an admin invite a person, who accepts the invitation and enrols', async () => {
    const ctx = await e2e.browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'fr-FR', baseURL: e2e.baseUrl });
    const page = await ctx.newPage();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('admin@demo.relais.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Se connecter|Continuer/ }).click();
    await enrolTotp(page);
    await page.goto('/admin');
    await checkPage(page);
    await page.getByRole('link', { name: 'Utilisateurs' }).first().click();
    await checkPage(page);
    await page.getByRole('button', { name: 'Inviter une personne' }).click();
    await page.waitForURL(/\/admin\/utilisateurs\/inviter$/);
    await checkPage(page);
    await page.getByLabel('Nom et prénom').fill('Inès Moreau');
    await page.getByLabel('Adresse e-mail professionnelle').fill('ines.moreau@exemple.fr');
    await page.getByLabel(/Agent du département/).check();
    await page.getByLabel('Centre social', { exact: true }).selectOption({ label: 'CDAS de Vitré' });
    await checkPage(page);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.waitForURL(/\/admin\/utilisateurs\/[0-9a-f-]{36}$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('CDAS de Vitré');
    await expectWorksWithoutJs(e2e, new URL(page.url()).pathname, page);
    await page.goto('/admin/journal?action=account.');
    await checkPage(page);
    for (const path of ['/admin', '/admin/utilisateurs', '/admin/utilisateurs/inviter', '/admin/journal?action=account.']) {
      await expectWorksWithoutJs(e2e, path, page);
    }
    expect(await page.locator('main').textContent()).toContain('Invitation envoyée');
    // The other admin screens: the development mails (the invitation is there) and the social centres.
    await page.getByRole('link', { name: 'Courriels' }).click();
    await page.waitForURL(/\/admin\/courriels$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('ines.moreau@exemple.fr');
    await page.getByRole('link', { name: 'Centres sociaux' }).first().click();
    await page.waitForURL(/\/admin\/centres$/);
    await checkPage(page);
    await expectWorksWithoutJs(e2e, '/admin/centres', page);
    await expectWorksWithoutJs(e2e, '/admin/courriels', page);
    await ctx.close();

    // The invited person opens the link from the mail, in their own browser.
    const [mail] = await e2e.t.deps.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, 'ines.moreau@exemple.fr')))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    const link = new URL(mail!.text.match(/https?:\/\/\S+\/invitation\/\S+/)![0]);
    const invited = await e2e.phone();
    const p2 = await invited.newPage();
    await p2.goto(link.pathname);
    await checkPage(p2);
    const pw = 'ma phrase de passe professionnelle';
    await p2.getByLabel('Nouveau mot de passe').fill(pw);
    await p2.getByLabel('Confirmez le mot de passe').fill(pw);
    await p2.getByRole('button').filter({ hasText: /Enregistrer|Continuer|Activer|Valider/ }).first().click();
    await enrolTotp(p2);
    await invited.close();
  });
});
