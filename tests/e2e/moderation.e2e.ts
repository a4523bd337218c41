// The département's directory team in a real browser: from /admin to the quality dashboard, the queue of the
// structures' edits (approve one, revert a field of another), a listing's history, an error report and a
// request to manage a structure. Every page: axe, 360-px fit, and again with JavaScript off.
import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { errorReports, places, structureClaims } from '../../src/modules/directory/db/directory.table.ts';
import { createPlace, createStructure, updatePlace } from '../../src/modules/directory/db/listing-store.ts';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const totp = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: e2e.t.clock.now().getTime() });

async function fixtures() {
  const { db } = e2e.t.deps;
  const deps = { clock: e2e.t.deps.clock, ids: e2e.t.deps.ids };
  const imported = { userId: null, kind: 'import' as const };
  const structureId = await createStructure(db, deps, { name: 'Association Bretagne Connectée', kind: 'association' }, imported);
  const memberId = randomUUID();
  await db.execute(sql`insert into users (id, kind, email, display_name, status, created_at)
    values (${memberId}, 'staff', 'yann@bretagne-connectee.test', 'Yann Membre', 'active', now())`);
  const place = (name: string) =>
    createPlace(db, deps, { source: 'e2e', sourceId: randomUUID(), name, street: '3 rue de Brest', postcode: '35000', communeName: 'Rennes', phone: '+33299000010', structureId }, imported);
  const approved = await place('Espace numérique de Bourg-l’Évêque');
  const reverted = await place('Atelier du Colombier');
  e2e.t.clock.advance(60_000);
  const member = { userId: memberId, kind: 'structure' as const };
  await updatePlace(db, deps, approved, { summary: 'Ateliers du mardi', openingHours: 'Tu 14:00-17:00' }, member);
  await updatePlace(db, deps, reverted, { phone: '+33299666666', websites: ['https://colombier.test'] }, member);
  await db.insert(errorReports).values({ id: randomUUID(), placeId: reverted, message: 'Fermé le lundi depuis septembre.', createdAt: e2e.t.clock.now() });
  const claimantId = randomUUID();
  await db.execute(sql`insert into users (id, kind, email, display_name, status, created_at)
    values (${claimantId}, 'staff', 'gwen@gmail.test', 'Gwen Demandeuse', 'active', now())`);
  await db.insert(structureClaims).values({ id: randomUUID(), structureId, userId: claimantId, siret: '13002526500013', status: 'pending', createdAt: e2e.t.clock.now() });
  return { approved, reverted };
}

const secrets = new Map<string, string>();

/** Signs in a demo staff account: TOTP enrolment the first time, the verification code afterwards. */
async function signIn(page: import('playwright-core').Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Se connecter|Continuer/ }).click();
  await page.waitForURL(/\/connexion\/(double-authentification|verification)$/);
  const known = secrets.get(email);
  if (known) {
    // A code is used once: the next one is 30 seconds later.
    e2e.t.clock.advance(30_000);
    await page.locator('#code').fill(totp(known));
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
    return;
  }
  const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
  secrets.set(email, secret);
  await page.getByLabel('Code à 6 chiffres', { exact: true }).fill(totp(secret));
  await page.getByRole('button', { name: /Valider|Continuer|Activer/ }).click();
  await page.waitForURL(/\/connexion\/codes-de-secours$/);
}

describe('« done when »: a structure member updates a listing and sees it moderated', () => {
  it('the member’s edit is published at once, reaches the queue, and the team reverts it', async () => {
    const { db } = e2e.t.deps;
    const [grant] = await db.execute(sql`select g.structure_id from role_grants g join users u on u.id = g.user_id
      where u.email = 'structure@demo.relais.test' and g.role = 'structure_member'`).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { structure_id: string }[]);
    const placeId = await createPlace(
      db,
      { clock: e2e.t.deps.clock, ids: e2e.t.deps.ids },
      { source: 'e2e', sourceId: randomUUID(), name: 'Point relais numérique de Janzé', street: '5 rue Nationale', postcode: '35150', communeName: 'Janzé', communeInsee: '35136', phone: '+33299470000', services: ['Aide aux démarches administratives'], structureId: grant!.structure_id },
      { userId: null, kind: 'import' },
    );
    e2e.t.clock.advance(60_000);
    const memberCtx = await e2e.phone();
    const member = await memberCtx.newPage();
    await signIn(member, 'structure@demo.relais.test');
    await member.goto(`/ma-structure/lieux/${placeId}/modifier`);
    await checkPage(member);
    await member.getByLabel('Téléphone (facultatif)').fill('02 99 47 11 11');
    await member.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await member.waitForLoadState();
    // The form comes back only with its errors: show them if so.
    expect(await member.locator('.govuk-error-summary').count() ? await member.locator('.govuk-error-summary').textContent() : '').toBe('');
    const [published] = await db.select({ phone: places.phone }).from(places).where(eq(places.id, placeId));
    expect(published!.phone).toBe('+33299471111');
    await memberCtx.close();

    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await signIn(page, 'annuaire@demo.relais.test');
    await page.goto('/admin/annuaire/moderation');
    const card = page.locator('section.govuk-summary-card', { hasText: 'Point relais numérique de Janzé' });
    expect(await card.textContent()).toContain('+33299471111');
    await checkPage(page);
    await card.getByRole('button', { name: 'Annuler la modification du champ « Téléphone »' }).click();
    await page.waitForURL(/\/admin\/annuaire\/moderation/);
    await checkPage(page);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Ancienne valeur remise sur « Point relais numérique de Janzé »');
    const [after] = await db.select({ phone: places.phone }).from(places).where(eq(places.id, placeId));
    expect(after!.phone).toBe('+33299470000');
    await ctx.close();
  });
});

describe('the directory team in a browser', () => {
  it('moderates the structures’ edits, handles an error report and a request, and reads the dashboard', async () => {
    const { approved, reverted } = await fixtures();
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    await signIn(page, 'annuaire@demo.relais.test');

    // /admin is the directory for this team.
    await page.goto('/admin');
    await page.waitForURL(/\/admin\/annuaire$/);
    await checkPage(page);
    expect(await page.locator('main h1').textContent()).toBe('Qualité des fiches de l’annuaire');
    await page.getByRole('link', { name: /^Lieux sans éditeur/ }).click();
    await page.waitForURL(/\/admin\/annuaire\/fiches\?type=place&filtre=sans-editeur$/);
    await checkPage(page);

    // The queue: approve the first save.
    await page.getByRole('link', { name: /^Modifications à relire \(\d+\)$/ }).click();
    await page.waitForURL(/\/admin\/annuaire\/moderation$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('Mardi : 14 h à 17 h');
    await page.getByRole('button', { name: 'Valider la modification de « Espace numérique de Bourg-l’Évêque »' }).click();
    await page.waitForURL(/\/admin\/annuaire\/moderation/);
    await checkPage(page);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Modification de « Espace numérique de Bourg-l’Évêque » validée.');

    // Revert the phone of the other one: the old number is back.
    await page.getByRole('button', { name: 'Annuler la modification du champ « Téléphone »' }).first().click();
    await page.waitForURL(/\/admin\/annuaire\/moderation/);
    await checkPage(page);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Ancienne valeur remise sur « Atelier du Colombier » : 1 champ.');
    const [row] = await e2e.t.deps.db.select({ phone: places.phone }).from(places).where(eq(places.id, reverted));
    expect(row!.phone).toBe('+33299000010');
    await expectWorksWithoutJs(e2e, '/admin/annuaire/moderation', page);

    // Its history shows both states.
    await page.goto(`/admin/annuaire/historique/place/${reverted}`);
    await checkPage(page);
    const history = await page.locator('main').textContent();
    expect(history).toContain('Annulée');
    expect(history).toContain('À relire');
    await expectWorksWithoutJs(e2e, `/admin/annuaire/historique/place/${approved}`, page);

    // The error report.
    await page.getByRole('link', { name: /^Erreurs signalées/ }).click();
    await checkPage(page);
    await page.getByRole('link', { name: 'Traiter le signalement sur « Atelier du Colombier »' }).click();
    await checkPage(page);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await checkPage(page);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Indiquez si l’erreur a été corrigée');
    await page.getByLabel('Corrigé').check();
    await page.getByLabel('Note').fill('Horaires corrigés avec la structure.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/admin\/annuaire\/signalements$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('Signalement clos : erreur corrigée.');

    // The request to manage the structure: refused with a reason.
    await page.getByRole('link', { name: /^Demandes de gestion/ }).click();
    await checkPage(page);
    await page.getByRole('link', { name: 'Décider de la demande pour « Association Bretagne Connectée »' }).click();
    await checkPage(page);
    await page.getByLabel('Refuser').check();
    await page.getByLabel('Motif du refus').fill('Adresse personnelle : écrivez-nous depuis l’adresse de l’association.');
    await checkPage(page);
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.waitForURL(/\/admin\/annuaire\/demandes$/);
    await checkPage(page);
    expect(await page.locator('main').textContent()).toContain('Demande refusée : la personne est prévenue par e-mail.');
    for (const path of ['/admin/annuaire', '/admin/annuaire/signalements', '/admin/annuaire/demandes', '/admin/annuaire/fiches?type=structure&filtre=sans-contact']) {
      await expectWorksWithoutJs(e2e, path, page);
    }
    await ctx.close();
  });
});
