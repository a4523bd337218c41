import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('public site', () => {
  it('shows the home page in French with the département name', async () => {
    const { status, html } = await t.client().get('/');
    expect(status).toBe(200);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Ille-et-Vilaine');
  });

  it('answers an unknown address with a French 404 page', async () => {
    const { status, html } = await t.client().get('/cette-page-n-existe-pas');
    expect(status).toBe(404);
    expect(html).toContain('Page introuvable');
  });
});
