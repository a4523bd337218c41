// Appointments in a browser. A resident on a 360-px phone with JavaScript off books from their commune, gets
// the confirmation and cancels by the page's link; an agent books for someone on the phone and finds it in the
// agenda. Every page type: axe and 360-px fit.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { appointmentReasons, appointments } from '../../src/modules/appointments/index.ts';
import { communesServedBy } from '../../src/modules/territory/index.ts';
import { mailOutbox } from '../../src/platform/mail/mail.table.ts';
import { createStaffUser, signedInAs } from '../support/staff-session.ts';
import { checkPage, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
let communeName = '';
beforeAll(async () => {
  e2e = await startE2E();
  const [reason] = await e2e.t.deps.db.select().from(appointmentReasons).where(eq(appointmentReasons.name, 'Premier accueil social'));
  communeName = (await communesServedBy(e2e.t.deps.db, reason!.socialCentreId))[0]!.name;
});
afterAll(() => e2e?.close());

describe('appointments in the browser', () => {
  it('a resident books with JavaScript off on a phone, gets the confirmation and the e-mail, and cancels', async () => {
    const ctx = await e2e.phoneNoJs();
    const page = await ctx.newPage();
    await page.goto('/rendez-vous');
    await page.getByLabel('Votre commune').fill(communeName);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/\/rendez-vous\/centres\//);
    await page.getByRole('link', { name: 'Premier accueil social' }).click();
    await page.waitForURL(/\/rendez-vous\/motifs\//);
    await page.locator('.relais-slot-list a').first().click();
    await page.getByLabel('Votre nom et prénom').fill('Inès Moreau');
    await page.getByLabel('Adresse e-mail (facultatif)').fill('ines@exemple.fr');
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.waitForURL(/\/rendez-vous\/gerer\//);
    expect(await page.locator('.govuk-panel').textContent()).toContain('Rendez-vous confirmé');
    const [mail] = await e2e.t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'ines@exemple.fr'));
    expect(mail!.attachments![0]!.filename).toBe('rendez-vous.ics');
    expect(mail!.text).toContain(new URL(page.url()).pathname);
    await page.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
    expect(await page.locator('main').textContent()).toContain('Votre rendez-vous est annulé');
    const [row] = await e2e.t.deps.db.select().from(appointments).where(eq(appointments.personEmail, 'ines@exemple.fr'));
    expect(row!.status).toBe('cancelled');
    await ctx.close();
  });

  it('the resident pages pass axe and fit 360 px', async () => {
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await page.goto('/rendez-vous');
    await checkPage(page);
    await page.getByLabel('Votre commune').fill(communeName);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(/\/rendez-vous\/centres\//);
    await checkPage(page);
    await page.getByRole('link', { name: 'Premier accueil social' }).click();
    await page.waitForURL(/\/rendez-vous\/motifs\//);
    await checkPage(page);
    await page.locator('.relais-slot-list a').first().click();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    expect(await page.title()).toMatch(/^Erreur : /);
    await checkPage(page);
    await page.getByLabel('Votre nom et prénom').fill('Yanis Robert');
    await page.getByLabel('Téléphone portable (facultatif)').fill('06 11 22 33 44');
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.waitForURL(/\/rendez-vous\/gerer\//);
    await checkPage(page);
    await page.getByRole('link', { name: 'Changer de créneau' }).click();
    await checkPage(page);
    await ctx.close();
  });

  it('an agent books for someone on the phone and finds it in the agenda', async () => {
    const [reason] = await e2e.t.deps.db.select().from(appointmentReasons).where(eq(appointmentReasons.name, 'Entretien avec une assistante sociale'));
    const agent = await createStaffUser(e2e.t, 'agent', { socialCentreId: reason!.socialCentreId, name: 'Sarah Agent' });
    const client = await signedInAs(e2e.t, agent);
    const token = (client as unknown as { cookies: Map<string, string> }).cookies.get('relais_session')!;
    const ctx: BrowserContext = await e2e.phone();
    await ctx.addCookies([{ name: 'relais_session', value: token, url: e2e.baseUrl }]);
    const page = await ctx.newPage();
    await page.goto('/agenda/prendre');
    await checkPage(page);
    await page.getByRole('link', { name: 'Entretien avec une assistante sociale' }).click();
    await checkPage(page);
    await page.locator('.relais-slot-list a').first().click();
    await checkPage(page);
    await page.getByLabel('Votre nom et prénom').fill('Gérard Téléphone');
    await page.getByLabel('Téléphone portable (facultatif)').fill('02 99 00 11 22');
    await page.getByRole('button', { name: 'Prendre le rendez-vous' }).click();
    await page.waitForURL(/\/agenda\/rendez-vous\//);
    expect(await page.locator('main').textContent()).toContain('Le rendez-vous est pris');
    await checkPage(page);
    const [row] = await e2e.t.deps.db.select().from(appointments).where(eq(appointments.personName, 'Gérard Téléphone'));
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(row!.startAt);
    await page.goto(`/agenda?jour=${day}&agent=`);
    expect(await page.locator('main').textContent()).toContain('Gérard Téléphone');
    await checkPage(page);
    await page.goto(`/agenda?jour=${day}&vue=semaine&agent=`);
    await checkPage(page);
    for (const path of ['/agenda/disponibilites', '/agenda/lien', '/agenda/ateliers']) {
      await page.goto(path);
      await checkPage(page);
    }
    await ctx.close();
  });
});
