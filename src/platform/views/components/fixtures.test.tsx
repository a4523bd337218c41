// Proof that our JSX components render the same HTML as GOV.UK Frontend's own Nunjucks macros: every fixture
// the library ships (components/<name>/fixtures.json: options → reference HTML) is rendered through our
// component and compared after normalising (tests/support/html-normalise.ts).
//
// Rule for texts: our components default to French; the library's reference HTML is in English. The fixtures
// are therefore rendered inside <ComponentTexts.Provider value={englishTexts}>, the library's English defaults,
// so each fixture compares exactly; the French defaults are checked separately in components.test.tsx.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { normaliseHtml } from '../../../../tests/support/html-normalise.ts';
import * as components from './index.ts';
import { capitalize, ComponentTexts, frenchTexts, type Texts } from './texts.tsx';

const govukDir = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist/govuk/components');

// The UK-only parts of the footer (crown, Open Government Licence, Crown copyright) are not in our components'
// defaults; the English texts take them from the library's own default footer.
const ukFooter = fixtures('footer').find((f) => f.name === 'default')!.html;
const svgWithClass = (cls: string) => raw(new RegExp(`<svg(?:(?!</svg>)[^])*?class="${cls}"[^]*?</svg>`).exec(ukFooter)![0]);

/** GOV.UK Frontend's own English defaults (what its Nunjucks templates print when an option is not given). */
const englishTexts: Texts = {
  ...frenchTexts,
  errorMessageVisuallyHidden: 'Error',
  errorSummaryTitle: undefined,
  backLink: 'Back',
  // The library's skip link has no default text.
  skipLink: '',
  breadcrumbsLabel: 'Breadcrumb',
  dateInputLabel: capitalize,
  characterCount: { textareaDescription: (t) => `You can enter up to %{count} ${t}` },
  passwordInput: { show: 'Show', showAriaLabel: 'Show password' },
  exitThisPage: {
    html: (
      <>
        <span class="govuk-visually-hidden">Emergency</span> Exit this page
      </>
    ),
    redirectUrl: 'https://www.bbc.co.uk/weather',
  },
  notificationBanner: { important: 'Important', success: 'Success' },
  pagination: {
    label: 'Pagination',
    previous: (
      <>
        Previous<span class="govuk-visually-hidden"> page</span>
      </>
    ),
    next: (
      <>
        Next<span class="govuk-visually-hidden"> page</span>
      </>
    ),
    page: (n) => `Page ${n}`,
  },
  warningTextIconFallback: 'Warning',
  footer: {
    metaTitle: 'Support links',
    crown: svgWithClass('govuk-footer__crown'),
    licenceLogo: svgWithClass('govuk-footer__licence-logo'),
    licence: raw(/<span class="govuk-footer__licence-description">([^]*?)<\/span>/.exec(ukFooter)![1]!),
    copyright: '© Crown copyright',
    copyrightHref: /href="([^"]*crown-copyright[^"]*)"/.exec(ukFooter)![1]!,
  },
  serviceNavigation: { menu: 'Menu', ariaLabel: 'Service information' },
};

interface Fixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = FC<any>;

/** Library folder → our component. */
const shipped: Record<string, AnyComponent> = {
  label: components.Label,
  hint: components.Hint,
  'error-message': components.ErrorMessage,
  fieldset: components.Fieldset,
  input: components.Input,
  'file-upload': components.FileUpload,
  button: components.Button,
  'error-summary': components.ErrorSummary,
  textarea: components.Textarea,
  'character-count': components.CharacterCount,
  radios: components.Radios,
  checkboxes: components.Checkboxes,
  select: components.Select,
  'date-input': components.DateInput,
  'password-input': components.PasswordInput,
  'notification-banner': components.NotificationBanner,
  panel: components.Panel,
  table: components.Table,
  'summary-list': components.SummaryList,
  tag: components.Tag,
  'back-link': components.BackLink,
  breadcrumbs: components.Breadcrumbs,
  pagination: components.Pagination,
  'inset-text': components.InsetText,
  'warning-text': components.WarningText,
  details: components.Details,
  'skip-link': components.SkipLink,
  'exit-this-page': components.ExitThisPage,
  'task-list': components.TaskList,
  'service-navigation': components.ServiceNavigation,
  footer: components.Footer,
  'generic-header': components.GenericHeader,
};

/**
 * Fixtures we do not reproduce, each with the reason. Keep this short: every entry is a difference from the
 * library that a page could hit.
 */
const excluded: Record<string, Record<string, string>> = {};

function fixtures(component: string): Fixture[] {
  return (JSON.parse(readFileSync(join(govukDir, component, 'fixtures.json'), 'utf8')) as { fixtures: Fixture[] }).fixtures;
}

function render(Component: AnyComponent, options: Record<string, unknown>): string {
  return String(
    <ComponentTexts.Provider value={englishTexts}>
      <Component {...options} />
    </ComponentTexts.Provider>,
  );
}

for (const [name, Component] of Object.entries(shipped)) {
  describe(`${name} matches GOV.UK Frontend`, () => {
    for (const fixture of fixtures(name)) {
      const reason = excluded[name]?.[fixture.name];
      it.skipIf(reason !== undefined)(`${fixture.name}${reason ? ` (excluded: ${reason})` : ''}`, () => {
        expect(normaliseHtml(render(Component, fixture.options))).toBe(normaliseHtml(fixture.html));
      });
    }
  });
}
