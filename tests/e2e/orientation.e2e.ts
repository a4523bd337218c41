// An agent orients a person to a service with an attachment; the structure, without an account, reads the
// request from the e-mailed link and accepts it; the agent sees the answer. Every page: axe and 360-px fit;
// the pages again with JavaScript off, and the answer given with JavaScript off.
import { Secret, TOTP } from 'otpauth';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { createService, createStructure } from '../../src/modules/directory/index.ts';
import { randomIds } from '../../src/platform/clock.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { mailOutbox } from '../../src/platform/mail/mail.table.ts';
import { checkPage, expectWorksWithoutJs, startE2E, type E2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function serviceFixture() {
  const deps = { clock: e2e.t.clock, ids: randomIds };
  const actor = { userId: null, kind: 'departement' as const };
  return inTransaction(e2e.t.deps.db, async (tx) => {
    const structureId = await createStructure(tx, deps, { name: 'Centre social de Maurepas', kind: 'centre_social', email: 'accueil@maurepas.exemple.fr' }, actor);
    const serviceId = await createService(
      tx,
      deps,
      { structureId, name: 'Accompagnement aux démarches en ligne', summary: 'Sur rendez-vous, avec un conseiller.', email: 'demarches@maurepas.exemple.fr' },
      actor,
    );
    return { structureId, serviceId };
  });
}

describe('orientation in a browser', () => {
  it('lets an agent orient a person with an attachment, and the structure accept from the link', async () => {
    const { serviceId } = await serviceFixture();
    const ctx = await e2e.phone();
    const page = await ctx.newPage();
    const formPath = `/orientations/nouvelle?service=${serviceId}`;
    await page.goto(formPath);
    await page.waitForURL(/\/connexion/);
    await page.getByLabel('Adresse e-mail').fill('agent@demo.relais.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/connexion\/double-authentification$/);
    const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: e2e.t.clock.now().getTime() });
    await page.getByLabel('Code à 6 chiffres', { exact: true }).fill(code);
    await page.getByRole('button', { name: /Valider|Continuer|Activer/ }).click();
    await page.waitForURL(/\/connexion\/codes-de-secours$/);

    await page.goto(formPath);
    expect(await page.locator('h1').textContent()).toBe('Orienter une personne vers « Accompagnement aux démarches en ligne »');
    await checkPage(page);
    await expectWorksWithoutJs(e2e, formPath, page);

    // A first try with a missing answer: the page says what to fix, next to the field.
    await page.getByLabel('Prénom').fill('Aïcha');
    await page.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await page.waitForURL(/\/orientations\/nouvelle/);
    expect(await page.title()).toMatch(/^Erreur : /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Saisissez le nom de la personne');
    expect(await page.getByLabel('Prénom').inputValue()).toBe('Aïcha');
    await checkPage(page);

    await page.getByLabel('Nom', { exact: true }).fill('Benali');
    await page.getByLabel('Téléphone (facultatif)').fill('06 12 34 56 78');
    await page.getByLabel('Par téléphone').check();
    await page.getByLabel('Situation de la personne et ce qu’elle attend du service').fill('Elle doit déclarer ses ressources en ligne et n’a pas d’ordinateur.');
    await page.locator('input[type=file]').setInputFiles({ name: 'attestation.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByLabel('La personne a compris ce texte et elle est d’accord avec cet envoi').check();
    await page.getByRole('button', { name: 'Envoyer l’orientation' }).click();
    await page.waitForURL(/\/orientations\?envoyee=/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Votre orientation a été envoyée à Centre social de Maurepas');
    expect(await page.locator('main').textContent()).toContain('En attente');
    await checkPage(page);
    await expectWorksWithoutJs(e2e, '/orientations', page);

    // The structure's mail: a link, and nothing about the person.
    const [mail] = await e2e.t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'demarches@maurepas.exemple.fr')).orderBy(desc(mailOutbox.id));
    const link = new URL(/https?:\/\/\S+\/orientations\/reponse\/\S+/.exec(mail!.text)![0]).pathname;

    const structureCtx = await e2e.phone();
    const structure = await structureCtx.newPage();
    await structure.goto(link);
    expect(await structure.locator('h1').textContent()).toBe('Orientation d’Aïcha Benali');
    await checkPage(structure);
    const download = structure.waitForEvent('download');
    await structure.getByRole('link', { name: 'attestation.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('attestation.pdf');
    await expectWorksWithoutJs(e2e, link);

    // The answer, given with JavaScript off.
    const noJs = await e2e.phoneNoJs();
    const answer = await noJs.newPage();
    await answer.goto(link);
    await answer.getByLabel('J’accepte : nous allons contacter la personne').check();
    await answer.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await answer.waitForURL(/reponse=acceptee/);
    expect(await answer.locator('.govuk-notification-banner').textContent()).toContain('Vous avez accepté l’orientation');
    await noJs.close();
    await structure.goto(`${link}?reponse=acceptee`);
    expect(await structure.locator('strong.govuk-tag').first().textContent()).toBe('Acceptée');
    await checkPage(structure);
    await structureCtx.close();

    await page.goto('/orientations');
    expect(await page.locator('main').textContent()).toContain('Acceptée');
    await checkPage(page);
    await ctx.close();
  });
});
