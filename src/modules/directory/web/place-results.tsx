// The list of places found: reused by the search page and the embed. Numbered like the map's markers.
import { Pagination, Tag } from '../../../platform/views/components/index.ts';
import { formatDistance, labelText, needForService } from '../domain/needs.ts';
import { searchQueryString, type PlaceHit, type SearchCriteria, type SearchResults } from '../use-cases/search-places.ts';
import type { MapMarker } from './place-map.tsx';

export interface PlaceResultsProps {
  results: SearchResults;
  /** « CDAS » or « MDS »: the département's own social centres. */
  centreNoun: string;
  /** The place's page; /lieux/<id> by default. */
  placeHref?: (id: string) => string;
  /** e.g. « _top » in an iframe, so the place page opens in the whole window. */
  linkTarget?: string;
  headingLevel?: 2 | 3;
}

export const placePageHref = (id: string) => `/lieux/${id}`;

/** The address as one line: « 12 rue de la Paix, 35000 Rennes ». */
export function addressLine(p: Pick<PlaceHit, 'street' | 'complement' | 'postcode' | 'communeName'>): string {
  return `${p.street}${p.complement ? `, ${p.complement}` : ''}, ${p.postcode} ${p.communeName}`;
}

/** Numbers of the results on this page, as shown in the list and on the map. */
export const resultNumber = (results: SearchResults, index: number) => (results.page - 1) * results.pageSize + index + 1;

export function PlaceResults(props: PlaceResultsProps) {
  const { results } = props;
  const href = props.placeHref ?? placePageHref;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ol class="govuk-list relais-results" start={resultNumber(results, 0)}>
      {results.hits.map((p, i) => (
        <li class="relais-result">
          <H class="govuk-heading-s govuk-!-margin-bottom-1">
            <span class="relais-result__number" aria-hidden="true">
              {resultNumber(results, i)}
            </span>{' '}
            <a class="govuk-link" href={href(p.id)} target={props.linkTarget}>
              {p.name}
            </a>
          </H>
          <p class="govuk-body govuk-!-margin-bottom-1">
            {p.distanceMetres !== null ? <strong>{formatDistance(p.distanceMetres)}</strong> : null}
            {p.distanceMetres !== null ? ' – ' : null}
            {addressLine(p)}
          </p>
          {p.openNow || p.labels.length || p.free ? (
            <ul class="relais-tags" aria-label="Informations">
              {p.openNow ? (
                <li>
                  <Tag text="Ouvert maintenant" classes="govuk-tag--green" />
                </li>
              ) : null}
              {p.free ? (
                <li>
                  <Tag text="Gratuit" classes="govuk-tag--blue" />
                </li>
              ) : null}
              {p.labels.map((l) => (
                <li>
                  <Tag text={labelText(l, props.centreNoun)} classes="govuk-tag--grey" />
                </li>
              ))}
            </ul>
          ) : null}
          {p.services.length ? (
            <p class="govuk-body-s govuk-!-margin-bottom-0">
              {p.services
                .map((s) => needForService(s)?.label)
                .filter(Boolean)
                .join(' · ')}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The markers of the results that have coordinates, numbered like the list. */
export function resultMarkers(results: SearchResults, placeHref: (id: string) => string = placePageHref): MapMarker[] {
  return results.hits.flatMap((p, i) =>
    p.latitude !== null && p.longitude !== null
      ? [
          {
            lat: p.latitude,
            lon: p.longitude,
            name: p.name,
            url: placeHref(p.id),
            label: String(resultNumber(results, i)),
            ...(p.distanceMetres !== null ? { detail: formatDistance(p.distanceMetres) } : {}),
          },
        ]
      : [],
  );
}

/** GOV.UK pagination of a search: numbered pages around the current one, first and last always shown. */
export function SearchPagination(props: { results: SearchResults; criteria: SearchCriteria; path: string }) {
  const { page, pageCount } = props.results;
  if (pageCount <= 1) return null;
  const link = (n: number) => `${props.path}?${searchQueryString(props.criteria, { page: n })}#resultats`;
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }> = [];
  let last = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - last > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: link(n), current: n === page });
    last = n;
  }
  return (
    <Pagination
      items={items}
      previous={page > 1 ? { href: link(page - 1) } : undefined}
      next={page < pageCount ? { href: link(page + 1) } : undefined}
      landmarkLabel="Pages de résultats"
    />
  );
}
