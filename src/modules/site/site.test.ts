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

  it('sends the home page compressed, with an ETag that a repeat visit can revalidate', async () => {
    const visitor = t.client();
    const first = await visitor.request('/', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('set-cookie')).toBeNull();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await visitor.request('/', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('answers an unknown address with a French 404 page', async () => {
    const { status, html } = await t.client().get('/cette-page-n-existe-pas');
    expect(status).toBe(404);
    expect(html).toContain('Page introuvable');
  });
});
