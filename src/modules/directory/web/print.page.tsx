// A printable A4 list of the places found, for a social worker to hand to someone: no navigation, each place
// with its address, phone, hours in French and distance; the département and the date at the top.
import { raw } from 'hono/html';
import { describeOpeningHours } from '../../../platform/time/opening-hours.ts';
import { assetUrl } from '../../../platform/views/assets.ts';
import type { Theme } from '../../../platform/views/theme.ts';
import { formatDistance, labelText, needForService } from '../domain/needs.ts';
import { searchQueryString, type SearchCriteria, type SearchResults } from '../use-cases/search-places.ts';
import { addressLine, resultNumber } from './place-results.tsx';
import { criteriaSummary, whereText } from './search.page.tsx';

/** « +33299123456 » → « 02 99 12 34 56 »: how a French phone number is read aloud and dialled. */
export function frenchPhone(e164: string): string {
  const m = /^\+33(\d{9})$/.exec(e164);
  if (!m) return e164;
  return `0${m[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

const longDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

export function PrintPage(props: { theme: Theme; criteria: SearchCriteria; results: SearchResults; now: Date; centreNoun: string }) {
  const { theme, criteria, results } = props;
  const title = `Lieux d’aide au numérique ${whereText(results)}`;
  const summary = criteriaSummary(criteria, results, props.centreNoun);
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="fr" class="govuk-template">
        <head>
          <meta charset="utf-8" />
          <title>{`${title} – liste à imprimer – ${theme.serviceName} – ${theme.departementName}`}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrl(theme.stylesheet)} />
        </head>
        <body class="govuk-template__body relais-print">
          <main class="govuk-width-container relais-print__page" id="main-content">
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              {theme.logoText} · {theme.serviceName} · liste établie le {longDate.format(props.now)}
            </p>
            <h1 class="govuk-heading-l govuk-!-margin-bottom-2">{title}</h1>
            {summary.length ? <p class="govuk-body-s">{summary.join(' · ')}</p> : null}
            <p class="govuk-body-s govuk-!-display-none-print">
              Utilisez la fonction « Imprimer » de votre navigateur (Ctrl + P) pour imprimer cette liste.{' '}
              <a class="govuk-link" href={`/lieux?${searchQueryString(criteria)}#resultats`}>
                Revenir aux résultats
              </a>
            </p>
            {results.hits.length === 0 ? (
              <p class="govuk-body">Aucun lieu ne correspond à ces critères.</p>
            ) : (
              <ol class="govuk-list relais-print__list" start={resultNumber(results, 0)}>
                {results.hits.map((p, i) => {
                  const hours = p.openingHours ? describeOpeningHours(p.openingHours) : null;
                  const needs = p.services.map((s) => needForService(s)?.label).filter(Boolean);
                  return (
                    <li class="relais-print__item">
                      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                        {resultNumber(results, i)}. {p.name}
                        {p.distanceMetres !== null ? <span class="govuk-!-font-weight-regular"> – {formatDistance(p.distanceMetres)}</span> : null}
                      </h2>
                      <p class="govuk-body-s govuk-!-margin-bottom-1">{addressLine(p)}</p>
                      {p.phone ? <p class="govuk-body-s govuk-!-margin-bottom-1">Téléphone : {frenchPhone(p.phone)}</p> : null}
                      {hours && hours.length ? (
                        <p class="govuk-body-s govuk-!-margin-bottom-1">
                          Horaires : {hours.join(' ; ')}
                        </p>
                      ) : (
                        <p class="govuk-body-s govuk-!-margin-bottom-1">Horaires : téléphonez avant de venir.</p>
                      )}
                      {needs.length || p.labels.length ? (
                        <p class="govuk-body-s govuk-!-margin-bottom-0">
                          {[...needs, ...p.labels.map((l) => labelText(l, props.centreNoun))].join(' · ')}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
            {results.total > results.hits.length ? (
              <p class="govuk-body-s">
                {results.hits.length} lieux sur {results.total} : les autres sont sur le site {theme.serviceName} du Département.
              </p>
            ) : null}
          </main>
        </body>
      </html>
    </>
  );
}
