// After signing in, a professional lands on « Mon compte »: it must lead to every space their roles open, and
// each link must open for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInStaff } from './support/sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const links = (html: string) => {
  const section = html.split('Vos espaces</h2>')[1]?.split('</ul>')[0] ?? '';
  return [...section.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
};

describe('« Vos espaces » on the account page', () => {
  it.each([
    ['structure@demo.relais.test', ['/ma-structure', '/orientations/recues', '/accompagnements', '/mandats', '/avis', '/orientations', '/lieux']],
    ['annuaire@demo.relais.test', ['/admin/annuaire', '/ma-structure/revendiquer', '/avis']],
    ['responsable@demo.relais.test', ['/ma-structure/revendiquer', '/agenda', '/accompagnements', '/mandats', '/avis']],
    ['agent@demo.relais.test', ['/ma-structure/revendiquer', '/agenda', '/accompagnements', '/mandats', '/instruction', '/avis', '/orientations', '/lieux']],
    ['admin@demo.relais.test', ['/admin', '/admin/annuaire', '/ma-structure/revendiquer', '/agenda', '/accompagnements/statistiques', '/instruction', '/avis', '/orientations', '/lieux']],
  ])('%s sees the spaces of their roles, and each one opens', async (email, expected) => {
    const { client } = await signInStaff(t, email);
    const page = await client.get('/compte');
    expect(links(page.html)).toEqual(expected);
    for (const href of expected) expect([href, (await client.get(href)).status]).toEqual([href, 200]);
  });
});
