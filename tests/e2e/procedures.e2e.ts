// Téléprocédures in a browser. A resident without an account files the contact form on a 360-px phone with
// JavaScript off, keeps the number and code, answers a correction request and reads the decision; an agent
// reviews, asks for the correction and decides; a partner gives an opinion. Every page type: axe and 360-px fit
// (with JavaScript on, as axe needs it), and autosave proven with JavaScript on.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { saveDraftPage, startDraft, submitCase } from '../../src/modules/procedures/index.ts';
import { checkPage, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const secrets = new Map<string, string>();

/** Signs in with the password and TOTP: enrolment the first time, a fresh code (next time step) after. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/connexion\/(double-authentification|verification)$/);
  const enrolling = page.url().endsWith('/double-authentification');
  if (enrolling) secrets.set(email, (await page.locator('#totp-secret').textContent())!.replace(/\s/g, ''));
  else e2e.t.clock.advance(60_000);
  const code = TOTP.generate({ secret: Secret.fromBase32(secrets.get(email)!), timestamp: e2e.t.clock.now().getTime() });
  await page.locator('input[name=code]').fill(code);
  await page.locator('main form button').first().click();
  await page.waitForURL(enrolling ? /\/connexion\/codes-de-secours$/ : (url) => !url.pathname.startsWith('/connexion'));
}

/** Fills the contact form's three pages (the commune chosen as a person without JavaScript would). */
async function fillContactForm(page: Page, check: boolean): Promise<void> {
  await page.getByLabel('Prénom').fill('Aïcha');
  await page.getByLabel('Nom', { exact: true }).fill('');
  await page.getByLabel('Votre commune').fill('Dinard');
  await page.getByRole('button', { name: 'Continuer' }).click();
  expect(await page.title()).toMatch(/^Erreur : /);
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('Saisissez nom');
  expect(await page.getByLabel('Prénom').inputValue()).toBe('Aïcha');
  if (check) await checkPage(page);
  await page.getByLabel('Nom', { exact: true }).fill('Benali');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(/\/contact$/);
  if (check) await checkPage(page);
  await page.getByLabel('Par e-mail').check();
  await page.getByLabel('Adresse e-mail').fill('aicha.benali@exemple.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(/\/message$/);
  if (check) await checkPage(page);
  await page.getByLabel('Demander un rendez-vous').check();
  await page.getByLabel('Votre message').fill('Je voudrais un rendez-vous pour mon dossier de logement.');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(/\/verifier$/);
}

describe('téléprocédures in a browser', () => {
  let reference = '';
  let code = '';
  let caseUrl = '';

  it('a resident files the contact form on a phone with JavaScript off and gets the number, the code and the receipt', async () => {
    const ctx = await e2e.phoneNoJs();
    const page = await ctx.newPage();
    await page.goto('/demarches');
    await page.getByRole('link', { name: 'Contacter mon centre départemental d’action sociale' }).click();
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.waitForURL(/\/vous$/);
    await fillContactForm(page, false);
    expect(await page.locator('main').textContent()).toContain('Dinard');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.waitForURL(/\/confirmation$/);
    const panel = await page.locator('.govuk-panel').textContent();
    reference = /\d{4}-\d{6}/.exec(panel ?? '')![0];
    code = /Votre code de suivi : ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await page.locator('main').textContent()) ?? '')![1]!;
    const receipt = await page.request.get(new URL(page.url()).pathname.replace('/confirmation', '/recepisse.pdf'));
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    caseUrl = new URL(page.url()).pathname.replace('/confirmation', '');
    await ctx.close();
  });

  it('the same pages pass axe and fit 360 px, and autosave keeps what is typed with JavaScript on', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/demarches');
    await checkPage(page);
    await page.goto('/demarches/contacter-mon-centre-social');
    await checkPage(page);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.waitForURL(/\/vous$/);
    await checkPage(page);
    // Autosave: typed, not sent; the page reloaded keeps it.
    await page.getByLabel('Prénom').fill('Yannick');
    await page.getByLabel('Prénom').blur();
    await expect.poll(async () => page.locator('[data-autosave-status]').textContent(), { timeout: 10_000 }).toContain('Enregistré à');
    await page.reload();
    expect(await page.getByLabel('Prénom').inputValue()).toBe('Yannick');
    await fillContactForm(page, true);
    await checkPage(page);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.waitForURL(/\/confirmation$/);
    await checkPage(page);
    await page.goto('/demarches/suivi');
    await checkPage(page);
    await ctx.close();
  });

  it('an agent reviews and asks for a correction; the resident corrects without JavaScript; the agent accepts; the resident reads the decision', async () => {
    const agentCtx = await e2e.phone();
    const agent = await agentCtx.newPage();
    await signIn(agent, 'agent@demo.relais.test');
    await agent.goto('/instruction?onglet=tous');
    await checkPage(agent);
    await agent.getByRole('link', { name: reference }).click();
    await agent.waitForURL(/\/instruction\/dossiers\//);
    expect(await agent.locator('main').textContent()).toContain('Je voudrais un rendez-vous pour mon dossier de logement.');
    await checkPage(agent);
    await agent.getByLabel('Ajouter une note').fill('Rappeler avant vendredi');
    await agent.getByRole('button', { name: 'Ajouter la note' }).click();
    await agent.getByLabel(/^Demander une correction/).check();
    await agent.getByLabel('Motif', { exact: true }).fill('Indiquez un numéro de téléphone.');
    await agent.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await agent.waitForURL(/\/instruction\/dossiers\/[0-9a-f-]+$/);
    expect(await agent.locator('.govuk-notification-banner').textContent()).toContain('correction demandée');

    const ctx = await e2e.phoneNoJs();
    const page = await ctx.newPage();
    await page.goto('/demarches/suivi');
    await page.getByLabel('Numéro de dossier').fill(reference);
    await page.getByLabel('Code de suivi').fill(code);
    await page.getByRole('button', { name: 'Voir ma demande' }).click();
    await page.waitForURL(new RegExp(`${caseUrl}$`));
    expect(await page.locator('main').textContent()).toContain('Indiquez un numéro de téléphone.');
    expect(await page.locator('main').textContent()).not.toContain('Rappeler avant vendredi');
    await page.getByRole('link', { name: 'Corriger mon dossier' }).click();
    await page.waitForURL(/\/verifier$/);
    await page.getByRole('link', { name: /Modifier\s+comment préférez-vous/i }).click();
    await page.getByLabel('Par téléphone').check();
    await page.getByLabel('Numéro de téléphone').fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/\/verifier$/);
    await page.getByRole('button', { name: 'Renvoyer mon dossier corrigé' }).click();
    await page.waitForURL(/\/confirmation$/);

    await agent.goto(agent.url());
    await agent.getByLabel('Passer en instruction').check();
    await agent.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await agent.getByLabel('Accepter').check();
    await agent.getByLabel('Motif', { exact: true }).fill('Un rendez-vous vous est proposé le 3 décembre à 10 h.');
    await agent.getByRole('button', { name: 'Enregistrer la décision' }).click();
    expect(await agent.locator('.govuk-notification-banner').textContent()).toContain('accepté');

    await page.goto(caseUrl);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Accepté');
    expect(main).toContain('Un rendez-vous vous est proposé le 3 décembre à 10 h.');
    const letter = page.getByRole('link', { name: /^decision-/ });
    expect(await letter.count()).toBe(1);
    const jsPage = await (await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', baseURL: e2e.baseUrl, storageState: await ctx.storageState() })).newPage();
    await jsPage.goto(caseUrl);
    await checkPage(jsPage);
    await ctx.close();
    await agentCtx.close();
  });

  it('a partner answers an opinion request and sees nothing else', async () => {
    const agentCtx = await e2e.phone();
    const agent = await agentCtx.newPage();
    await signIn(agent, 'agent@demo.relais.test');
    const d0 = await startDraft(e2e.t.deps, { slug: 'contacter-mon-centre-social', filerUserId: null });
    if (!d0.ok) throw new Error('draft');
    await saveDraftPage(e2e.t.deps, { caseId: d0.caseId, pageId: 'vous', raw: { prenom: 'Rémi', nom: 'Gourvès', commune: '35093' } });
    await saveDraftPage(e2e.t.deps, { caseId: d0.caseId, pageId: 'contact', raw: { moyen_contact: 'telephone', telephone: '0612345678' } });
    await saveDraftPage(e2e.t.deps, { caseId: d0.caseId, pageId: 'message', raw: { sujet: 'aide', message: 'Mes allocations sont suspendues.' } });
    expect((await submitCase(e2e.t.deps, { userId: null, label: 'usager' }, { caseId: d0.caseId, idempotencyKey: null })).ok).toBe(true);
    await agent.goto(`/instruction/dossiers/${d0.caseId}`);
    await agent.getByRole('link', { name: 'Avis externes' }).click();
    await checkPage(agent);
    await agent.getByLabel('Nom de la personne').fill('Luc Partenaire');
    await agent.getByLabel('Son adresse e-mail professionnelle').fill('caf@demo.relais.test');
    await agent.getByLabel('Son administration').fill('CAF');
    await agent.getByLabel('Ce que vous attendez de cet avis').fill('Ses droits sont-ils ouverts ?');
    await agent.getByLabel('Une question fermée (facultatif)').fill('Les droits sont-ils ouverts ?');
    const d = new Date(e2e.t.clock.now().getTime() + 10 * 86_400_000);
    await agent.getByLabel('Jour').fill(String(d.getUTCDate()));
    await agent.getByLabel('Mois').fill(String(d.getUTCMonth() + 1));
    await agent.getByLabel('Année').fill(String(d.getUTCFullYear()));
    await agent.getByRole('button', { name: 'Envoyer la demande d’avis' }).click();
    expect(await agent.locator('.govuk-notification-banner').textContent()).toContain('La demande d’avis est envoyée');

    const ctx = await e2e.phone();
    const partner = await ctx.newPage();
    await signIn(partner, 'caf@demo.relais.test');
    await partner.goto('/avis');
    await checkPage(partner);
    await partner.locator('main table a').first().click();
    await checkPage(partner);
    expect(await partner.locator('main').textContent()).toContain('Mes allocations sont suspendues.');
    await partner.getByLabel('Oui').check();
    await partner.getByLabel('Votre avis').fill('Droits ouverts depuis octobre.');
    await partner.getByRole('button', { name: 'Envoyer mon avis' }).click();
    expect(await partner.locator('.govuk-notification-banner').textContent()).toContain('Votre avis est envoyé');
    // The agents' inbox shows a partner nothing.
    await partner.goto('/instruction');
    expect(await partner.locator('main').textContent()).toContain('Vous ne faites partie d’aucune équipe d’instruction');

    await agent.reload();
    expect(await agent.locator('main').textContent()).toContain('Droits ouverts depuis octobre.');
    await ctx.close();
    await agentCtx.close();
  });
});
