// The embeddable search (/integrer): the same search and results as /lieux, in a page made to sit in an iframe
// on a commune's or an EPCI's website. The département's branding is reduced to one line; no header, no
// navigation, no footer; the place pages open in a new tab (the visitor keeps the host site).
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { assetUrl } from '../../../platform/views/assets.ts';
import { Button, Details, ErrorSummary, Input, Checkboxes, Pagination } from '../../../platform/views/components/index.ts';
import type { Theme } from '../../../platform/views/theme.ts';
import { NEEDS } from '../domain/needs.ts';
import { searchQueryString, type SearchCriteria, type SearchResults } from '../use-cases/search-places.ts';
import { PlaceResults } from './place-results.tsx';
import { criteriaSummary, whereText } from './search.page.tsx';

export const EMBED_FRAME_SCRIPT = '/integrer/cadre.js';

/** The embed's address for these criteria, keeping the territory the host site chose. */
export function embedHref(territory: string | null, criteria: SearchCriteria, page?: number): string {
  const qs = searchQueryString(criteria, page === undefined ? {} : { page });
  return `/integrer?${territory ? `territoire=${encodeURIComponent(territory)}&` : ''}${qs}`;
}

export function EmbedDocument(props: { theme: Theme; title: string; children?: Child; scripts?: string[] }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="fr" class="govuk-template relais-embed">
        <head>
          <meta charset="utf-8" />
          <title>{`${props.title} – ${props.theme.logoText}`}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrl(props.theme.stylesheet)} />
        </head>
        <body class="govuk-template__body">
          <main class="govuk-width-container govuk-!-padding-top-3 govuk-!-padding-bottom-3" id="main-content">
            {props.children}
          </main>
          {(props.scripts ?? []).map((src) => (
            <script src={src} defer></script>
          ))}
        </body>
      </html>
    </>
  );
}

export interface EmbedPageProps {
  theme: Theme;
  centreNoun: string;
  /** The territory chosen by the host site (INSEE code or EPCI SIREN), kept in every link and in the form. */
  territory: string | null;
  /** « Rennes Métropole », « Fougères »: the territory's name, when it is known. */
  territoryName: string | null;
  criteria: SearchCriteria;
  results: SearchResults | null;
  error?: string;
}

export function EmbedPage(props: EmbedPageProps) {
  const { theme, criteria, results } = props;
  const where = props.territoryName && (!results || results.origin.kind === 'none') ? `sur le territoire de ${props.territoryName}` : results ? whereText(results) : '';
  const title = `Lieux d’aide au numérique ${where}`.trim();
  const full = `/lieux?${searchQueryString(criteria)}`;
  return (
    <EmbedDocument theme={theme} title={props.error ? `Erreur : ${title}` : title} scripts={[EMBED_FRAME_SCRIPT]}>
      <p class="govuk-body-s govuk-!-margin-bottom-2">
        Annuaire du {theme.logoText.replace('Département', 'département')} ·{' '}
        <a class="govuk-link" href={full} target="_blank" rel="noopener">
          ouvrir la recherche complète (nouvel onglet)
        </a>
      </p>
      {props.error ? <ErrorSummary errorList={[{ text: props.error, href: '#commune' }]} /> : null}
      <h1 class="govuk-heading-m govuk-!-margin-bottom-3">{title}</h1>
      <form method="get" action="/integrer" novalidate>
        {props.territory ? <input type="hidden" name="territoire" value={props.territory} /> : null}
        {criteria.labels.map((l) => (
          <input type="hidden" name="label" value={l} />
        ))}
        <Details summaryText="Choisir vos besoins" open={criteria.needs.length === 0 ? undefined : true} classes="govuk-!-margin-bottom-3">
          <Checkboxes
            name="besoin"
            fieldset={{ legend: { text: 'De quoi avez-vous besoin ?', classes: 'govuk-fieldset__legend--s' } }}
            items={NEEDS.map((n) => ({ value: n.slug, text: n.label }))}
            values={criteria.needs}
            classes="govuk-checkboxes--small"
          />
        </Details>
        <Input
          id="commune"
          name="commune"
          label={{ text: 'Près de quelle commune ?', classes: 'govuk-label--s' }}
          hint={{ text: 'Nom ou code postal, par exemple 35000' }}
          value={criteria.commune.text}
          autocomplete="address-level2"
          errorMessage={props.error ? { text: props.error } : undefined}
          classes="govuk-!-width-two-thirds"
        />
        <Button text="Rechercher" classes="govuk-!-margin-bottom-4" />
      </form>
      {results ? <EmbedResults {...props} results={results} /> : null}
    </EmbedDocument>
  );
}

function EmbedResults(props: EmbedPageProps & { results: SearchResults }) {
  const { results, criteria } = props;
  const summary = criteriaSummary(criteria, results, props.centreNoun);
  const { page, pageCount } = results;
  return (
    <section aria-labelledby="resultats">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1" id="resultats">
        {results.total === 0 ? 'Aucun lieu trouvé' : results.total === 1 ? '1 lieu trouvé' : `${results.total} lieux trouvés`}
      </h2>
      {summary.length ? <p class="govuk-body-s">{summary.join(' · ')}</p> : null}
      {results.total === 0 ? (
        <p class="govuk-body">Essayez sans critère de besoin, ou avec une autre commune.</p>
      ) : (
        <>
          <p class="govuk-body-s">La fiche de chaque lieu s’ouvre dans un nouvel onglet.</p>
          <PlaceResults results={results} centreNoun={props.centreNoun} linkTarget="_blank" headingLevel={3} />
        </>
      )}
      {pageCount > 1 ? (
        <Pagination
          previous={page > 1 ? { href: embedHref(props.territory, criteria, page - 1) } : undefined}
          next={page < pageCount ? { href: embedHref(props.territory, criteria, page + 1) } : undefined}
          items={[{ number: page, href: embedHref(props.territory, criteria, page), current: true }]}
          landmarkLabel="Pages de résultats"
        />
      ) : null}
    </section>
  );
}
