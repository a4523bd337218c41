import { describe, expect, it } from 'vitest';
import { normaliseHtml } from '../../../../tests/support/html-normalise.ts';
import { SubNavigation } from './index.ts';

describe('MOJ sub navigation', () => {
  it('renders the markup of MOJ Frontend’s template, in French, the current view marked', () => {
    const html = String(
      <SubNavigation
        items={[
          { text: 'Dossier', href: '/dossiers/1', active: true },
          { html: '<span>Rendez-vous</span>', href: '/dossiers/1/rendez-vous', attributes: { 'data-x': 'y' } },
        ]}
      />,
    );
    // The markup MOJ Frontend's template.njk produces for the same options.
    expect(normaliseHtml(html)).toBe(
      normaliseHtml(`<nav class="moj-sub-navigation" aria-label="Navigation secondaire">
        <ul class="moj-sub-navigation__list">
          <li class="moj-sub-navigation__item"><a class="moj-sub-navigation__link" aria-current="page" href="/dossiers/1">Dossier</a></li>
          <li class="moj-sub-navigation__item"><a class="moj-sub-navigation__link" href="/dossiers/1/rendez-vous" data-x="y"><span>Rendez-vous</span></a></li>
        </ul>
      </nav>`),
    );
  });
});
