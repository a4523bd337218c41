// Mandates in a browser on a 360-px phone: an aidant habilité creates a mandate (the text read, the consent),
// prints the attestation, anyone checks its code with JavaScript off, the aidant records « faire à la place »
// under it, then revokes it, after which its use is refused. Axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, socialCentres } from '../../src/schema.ts';
import { setHabilitation } from '../../src/modules/mandates/index.ts';
import { createStaffUser, signedInAs } from '../support/staff-session.ts';
import { checkPage, startE2E, type E2E } from './support/browser.ts';
import type { Page } from 'playwright-core';

let e2e: E2E;
let page: Page;
let code = '';
let reference = '';
beforeAll(async () => {
  e2e = await startE2E();
  const [centre] = await e2e.t.deps.db.select({ id: socialCentres.id }).from(socialCentres).limit(1);
  const aidant = await createStaffUser(e2e.t, 'agent', { socialCentreId: centre!.id, name: 'Awa Aidante' });
  await setHabilitation({ db: e2e.t.deps.db, clock: e2e.t.clock, ids: e2e.t.deps.ids, config: e2e.t.deps.config }, { userId: aidant.userId, owner: { kind: 'centre', id: centre!.id }, on: true, actor: { userId: aidant.userId, label: 'test' } });
  const client = await signedInAs(e2e.t, aidant);
  const token = (client as unknown as { cookies: Map<string, string> }).cookies.get('relais_session')!;
  const ctx = await e2e.phone();
  await ctx.addCookies([{ name: 'relais_session', value: token, url: e2e.baseUrl }]);
  page = await ctx.newPage();
});
afterAll(() => e2e?.close());

describe('mandates in the browser', () => {
  it('an aidant creates a mandate after reading it to the person, and prints the attestation', async () => {
    await page.goto('/mandats');
    await checkPage(page);
    await page.getByRole('link', { name: 'Nouveau mandat' }).click();
    await checkPage(page);
    await page.getByLabel('Nom et prénoms, comme sur la pièce d’identité').fill('Jeanne Martin');
    await page.getByLabel('Date de naissance').fill('1950-04-02');
    await page.getByLabel('Pièce d’identité vérifiée').selectOption({ value: 'cni' });
    await page.getByLabel('Numéro de la pièce').fill('X4RTBPFW4');
    await page.getByLabel(/^Social :/).check();
    await page.getByLabel('6 mois').check();
    await page.getByRole('button', { name: 'Continuer : lire le mandat à la personne' }).click();
    expect(await page.locator('main').textContent()).toContain('Vous, Jeanne Martin, autorisez');
    await checkPage(page);
    await page.getByRole('button', { name: 'Créer le mandat' }).click();
    expect(await page.title()).toMatch(/^Erreur : /);
    await page.getByLabel('La personne a entendu ce texte et donne son accord').check();
    await page.getByRole('button', { name: 'Créer le mandat' }).click();
    await page.waitForURL(/\/mandats\/[0-9a-f-]{36}$/);
    await checkPage(page);
    const main = (await page.locator('main').textContent()) ?? '';
    reference = /M-\d{4}-[A-Z0-9]{6}/.exec(main)![0];
    code = /[A-Z0-9]{4}(-[A-Z0-9]{4}){5}/.exec(main)![0];
    const pdf = await page.request.get(`${new URL(page.url()).pathname}/attestation.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('anyone checks the code with JavaScript off', async () => {
    const ctx = await e2e.phoneNoJs();
    const visitor = await ctx.newPage();
    await visitor.goto('/mandats/verifier');
    await visitor.getByLabel('Code de vérification').fill(code);
    await visitor.getByRole('button', { name: 'Vérifier' }).click();
    expect(await visitor.locator('.govuk-panel').textContent()).toContain('Mandat valide');
    await ctx.close();
    await page.goto(`/mandats/verifier?code=${code}`);
    await checkPage(page);
  });

  it('the aidant files a procedure for the person under it', async () => {
    await page.goto('/demarches/contacter-mon-centre-social');
    await page.getByLabel('Référence du mandat').fill(reference);
    await page.getByRole('button', { name: 'Commencer pour cette personne' }).click();
    await page.waitForURL(/\/vous$/);
    await page.getByLabel('Prénom').fill('Jeanne');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Votre commune').fill('Dinard');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/\/contact$/);
    await page.getByLabel('Par e-mail').check();
    await page.getByLabel('Adresse e-mail').fill('jeanne.martin@exemple.fr');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/\/message$/);
    await page.getByLabel('Demander un rendez-vous').check();
    await page.getByLabel('Votre message').fill('Je voudrais de l’aide pour mon dossier.');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/\/verifier$/);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.waitForURL(/\/confirmation$/);
    const caseId = new URL(page.url()).pathname.split('/')[3]!;
    const [row] = await e2e.t.deps.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ state: 'filed', filedForName: 'Jeanne Martin' });
    expect(row!.mandateId).not.toBeNull();
  });

  it('the aidant records « faire à la place » under it, revokes it, and its use is then refused', async () => {
    const record = async () => {
      await page.goto('/accompagnements/nouveau');
      await page.getByLabel('30 min').check();
      await page.getByLabel(/^Faire à la place/).check();
      await page.getByLabel('Référence du mandat (si « Faire à la place »)').fill(reference);
      await page.getByLabel(/^Aides sociales/).check();
      await page.getByLabel('En bureau d’entretien').check();
      await page.getByLabel('Démarche aboutie').check();
      await page.getByRole('button', { name: 'Enregistrer l’aide' }).click();
    };
    await record();
    await page.waitForURL(/\/accompagnements\?lieu=/);
    await page.goto('/mandats');
    await page.getByRole('link', { name: reference }).click();
    await page.getByLabel('À la demande de la personne').check();
    await page.getByRole('button', { name: 'Révoquer le mandat' }).click();
    expect(await page.locator('main').textContent()).toContain('Révoqué le');
    await checkPage(page);
    await record();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Ce mandat est révoqué : il ne peut plus être utilisé');
    await checkPage(page);
  });
});
