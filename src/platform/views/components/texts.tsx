// The texts the components show when a page does not give its own. They default to French.
//
// `ComponentTexts` is a hono/jsx context so the fixtures test can render with the library's English texts
// (`englishTexts`, in the test) and compare with GOV.UK Frontend's reference HTML byte for byte in meaning;
// pages never set it. Entries for the JavaScript components (`*I18n`) are passed to the browser through
// `data-i18n.*` attributes, as GOV.UK Frontend supports; left undefined, the library's own English applies.
import { createContext, useContext, type Child } from 'hono/jsx';

/** Plural forms by CLDR rule; French uses `one` for 0 and 1, `many` for round millions, `other` otherwise. */
export type PluralTexts = Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>>;

export interface Texts {
  errorMessageVisuallyHidden: string;
  errorSummaryTitle: string | undefined;
  backLink: string;
  skipLink: string;
  breadcrumbsLabel: string;
  dateInputLabel: (name: string) => string;
  characterCount: {
    textareaDescription: (countType: 'words' | 'characters') => string;
    i18n?: {
      charactersUnderLimit: PluralTexts;
      charactersAtLimit: string;
      charactersOverLimit: PluralTexts;
      wordsUnderLimit: PluralTexts;
      wordsAtLimit: string;
      wordsOverLimit: PluralTexts;
      /** Only used when the limit is set in JavaScript (no maxlength/maxwords). */
      textareaDescription?: PluralTexts;
    };
  };
  passwordInput: {
    show: string;
    showAriaLabel: string;
    i18n?: {
      showPassword: string;
      hidePassword: string;
      showPasswordAriaLabel: string;
      hidePasswordAriaLabel: string;
      passwordShownAnnouncement: string;
      passwordHiddenAnnouncement: string;
    };
  };
  exitThisPage: {
    html: Child;
    redirectUrl: string;
    i18n?: { activated: string; timedOut: string; pressTwoMoreTimes: string; pressOneMoreTime: string };
  };
  notificationBanner: { important: string; success: string };
  pagination: { label: string; previous: Child; next: Child; page: (n: string | number) => string };
  warningTextIconFallback: string;
  footer: {
    metaTitle: string;
    /** UK only: the crown logo, the Open Government Licence (logo and text) and the Crown copyright link. */
    crown?: Child;
    licenceLogo?: Child;
    licence?: Child;
    copyright?: Child;
    copyrightHref?: string;
  };
  serviceNavigation: { menu: string; ariaLabel: string };
}

const plural = (one: string, other: string): PluralTexts => ({ one, other, many: other });

export const frenchTexts: Texts = {
  // « Erreur : » with a no-break space, as French typography puts one before the colon the template adds.
  errorMessageVisuallyHidden: 'Erreur\u00a0',
  errorSummaryTitle: 'Il y a un problème',
  backLink: 'Retour',
  skipLink: 'Aller au contenu principal',
  breadcrumbsLabel: 'Fil d’Ariane',
  dateInputLabel: (name) => ({ day: 'Jour', month: 'Mois', year: 'Année' })[name] ?? capitalize(name),
  characterCount: {
    textareaDescription: (t) => `Vous pouvez saisir jusqu’à %{count} ${t === 'words' ? 'mots' : 'caractères'}`,
    i18n: {
      charactersUnderLimit: plural('Il vous reste %{count} caractère', 'Il vous reste %{count} caractères'),
      charactersAtLimit: 'Vous avez atteint la limite de caractères',
      charactersOverLimit: plural('Vous avez %{count} caractère en trop', 'Vous avez %{count} caractères en trop'),
      wordsUnderLimit: plural('Il vous reste %{count} mot', 'Il vous reste %{count} mots'),
      wordsAtLimit: 'Vous avez atteint la limite de mots',
      wordsOverLimit: plural('Vous avez %{count} mot en trop', 'Vous avez %{count} mots en trop'),
    },
  },
  passwordInput: {
    show: 'Afficher',
    showAriaLabel: 'Afficher le mot de passe',
    i18n: {
      showPassword: 'Afficher',
      hidePassword: 'Masquer',
      showPasswordAriaLabel: 'Afficher le mot de passe',
      hidePasswordAriaLabel: 'Masquer le mot de passe',
      passwordShownAnnouncement: 'Votre mot de passe est visible',
      passwordHiddenAnnouncement: 'Votre mot de passe est masqué',
    },
  },
  exitThisPage: {
    html: (
      <>
        <span class="govuk-visually-hidden">Urgence :</span> Quitter cette page
      </>
    ),
    // A neutral page, as the library's BBC weather page is for the UK.
    redirectUrl: 'https://meteofrance.com/',
    i18n: {
      activated: 'Chargement d’une autre page',
      timedOut: 'Vous êtes toujours sur cette page',
      pressTwoMoreTimes: 'Appuyez encore deux fois sur Maj pour quitter',
      pressOneMoreTime: 'Appuyez encore une fois sur Maj pour quitter',
    },
  },
  notificationBanner: { important: 'Important', success: 'Succès' },
  pagination: {
    label: 'Pagination',
    previous: (
      <>
        Précédent<span class="govuk-visually-hidden"> : page précédente</span>
      </>
    ),
    next: (
      <>
        Suivant<span class="govuk-visually-hidden"> : page suivante</span>
      </>
    ),
    page: (n) => `Page ${n}`,
  },
  warningTextIconFallback: 'Attention',
  footer: { metaTitle: 'Liens utiles' },
  serviceNavigation: { menu: 'Menu', ariaLabel: 'Informations sur le service' },
};

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : s;
}

export const ComponentTexts = createContext<Texts>(frenchTexts);

export function useTexts(): Texts {
  return useContext(ComponentTexts);
}
