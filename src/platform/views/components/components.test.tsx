// What a French-speaking user sees and hears when a page gives no text of its own.
import { describe, expect, it } from 'vitest';
import { CharacterCount, DateInput, ErrorSummary, Input, PasswordInput } from './index.ts';

const html = (node: unknown) => String(node);

describe('component texts default to French', () => {
  it('error message: « Erreur : » before the message, read by screen readers', () => {
    const out = html(<Input name="email" label={{ text: 'Adresse e-mail' }} errorMessage={{ text: 'Saisissez une adresse e-mail' }} />);
    expect(out).toContain('<span class="govuk-visually-hidden">Erreur\u00a0:</span> Saisissez une adresse e-mail');
    expect(out).toContain('aria-describedby="email-error"');
  });

  it('error summary: « Il y a un problème », each error linked to its field', () => {
    const out = html(<ErrorSummary errorList={[{ text: 'Saisissez une adresse e-mail', href: '#email' }]} />);
    expect(out).toContain('<h2 class="govuk-error-summary__title">Il y a un problème</h2>');
    expect(out).toContain('<a href="#email">Saisissez une adresse e-mail</a>');
  });

  it('character count: French description and count messages for the script', () => {
    const out = html(<CharacterCount name="motif" maxlength={200} label={{ text: 'Motif' }} />);
    expect(out).toContain('Vous pouvez saisir jusqu’à 200 caractères');
    expect(out).toContain('data-i18n.characters-under-limit.other="Il vous reste %{count} caractères"');
    expect(out).toContain('data-i18n.characters-under-limit.one="Il vous reste %{count} caractère"');
    expect(out).toContain('data-i18n.characters-over-limit.other="Vous avez %{count} caractères en trop"');
    const words = html(<CharacterCount name="motif" maxwords={50} label={{ text: 'Motif' }} />);
    expect(words).toContain('Vous pouvez saisir jusqu’à 50 mots');
  });

  it('password input: « Afficher » / « Masquer »', () => {
    const out = html(<PasswordInput name="password" label={{ text: 'Mot de passe' }} />);
    expect(out).toContain('aria-label="Afficher le mot de passe"');
    expect(out).toMatch(/>\s*Afficher\s*<\/button>/);
    expect(out).toContain('data-i18n.hide-password="Masquer"');
    expect(out).toContain('autocomplete="current-password"');
  });

  it('date input: « Jour », « Mois », « Année »', () => {
    const out = html(<DateInput id="naissance" namePrefix="naissance" />);
    for (const label of ['Jour', 'Mois', 'Année']) expect(out).toContain(`>${label}</label>`);
    expect(out).toContain('name="naissance-day"');
  });

  it('escapes text options and keeps html options as markup', () => {
    const out = html(<Input name="q" label={{ text: '<script>' }} hint={{ html: '<strong>gras</strong>' }} />);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<strong>gras</strong>');
  });
});
