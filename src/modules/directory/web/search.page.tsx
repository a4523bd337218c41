// « Trouver un lieu pour être aidé au numérique »: the form alone, or the results followed by the form to change
// the search (on a phone the results come first). Works without JavaScript; the map, the commune autocomplete
// and « Utiliser ma position » are enhancements.
import { Button, Checkboxes, Details, ErrorSummary, InsetText, Radios } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript, type CommuneSummary } from '../../territory/index.ts';
import { LABELS, NEEDS, PUBLICS, RADII_KM, labelText, needBySlug } from '../domain/needs.ts';
import { searchQueryString, type SearchCriteria, type SearchResults } from '../use-cases/search-places.ts';
import { PlaceMap, placeMapScript } from './place-map.tsx';
import { PlaceResults, resultMarkers, SearchPagination } from './place-results.tsx';

export const SEARCH_TITLE = 'Trouver un lieu pour être aidé au numérique';
export const positionScript = 'search-position.js';

export interface SearchPageProps {
  ctx: PageContext;
  criteria: SearchCriteria;
  results: SearchResults | null;
  error?: { message: string; candidates?: CommuneSummary[] | undefined } | undefined;
  centreNoun: string;
  mapStyleUrl: string;
}

/** « près de Rennes », « près de votre position », « dans le département ». */
export function whereText(results: SearchResults): string {
  const o = results.origin;
  if (o.kind === 'commune' || o.kind === 'commune-without-distance') return `près de ${o.name}`;
  if (o.kind === 'position') return 'près de votre position';
  return 'dans tout le département';
}

/** The criteria in one French sentence, for the results and the printed list. */
export function criteriaSummary(c: SearchCriteria, results: SearchResults, centreNoun: string): string[] {
  const parts: string[] = [];
  if (c.needs.length) parts.push(`Pour : ${c.needs.map((n) => needBySlug(n)!.label.toLowerCase()).join(' ou ')}`);
  if (results.origin.kind === 'commune' || results.origin.kind === 'position') parts.push(`À moins de ${c.radiusKm} km`);
  if (c.openNow) parts.push('Ouvert maintenant');
  if (c.openSaturday) parts.push('Ouvert le samedi');
  if (c.free) parts.push('Gratuit');
  if (c.accessible) parts.push('Accessible aux personnes handicapées');
  if (c.publics.length) parts.push(`Public : ${c.publics.map((s) => PUBLICS.find((p) => p.slug === s)!.label.toLowerCase()).join(' ou ')}`);
  if (c.labels.length) parts.push(`Label : ${c.labels.map((l) => labelText(l, centreNoun)).join(' ou ')}`);
  return parts;
}

export function SearchPage(props: SearchPageProps) {
  const { criteria, results, error } = props;
  const title = results ? `Lieux d’aide au numérique ${whereText(results)}` : SEARCH_TITLE;
  const scripts = [communeFieldScript, positionScript, ...(results && results.hits.length ? [placeMapScript] : [])];
  return (
    <Layout ctx={props.ctx} title={results && results.page > 1 ? `${title} (page ${results.page})` : title} hasErrors={!!error} scripts={scripts}>
      {error ? <ErrorSummary errorList={[{ text: error.message, href: communeFieldErrorHref('commune', error.candidates) }]} /> : null}
      {results ? <Results {...props} results={results} /> : <h1 class="govuk-heading-l">{SEARCH_TITLE}</h1>}
      {results ? (
        <h2 class="govuk-heading-m" id="recherche">
          Modifier votre recherche
        </h2>
      ) : (
        <p class="govuk-body">
          Des lieux près de chez vous où une personne vous aide à utiliser un ordinateur, un téléphone et internet, et à faire vos démarches en
          ligne. C’est souvent gratuit.
        </p>
      )}
      <SearchForm criteria={criteria} error={error} departement={props.ctx.theme.departementCode} centreNoun={props.centreNoun} />
    </Layout>
  );
}

function Results(props: SearchPageProps & { results: SearchResults }) {
  const { criteria, results } = props;
  const summary = criteriaSummary(criteria, results, props.centreNoun);
  const qs = searchQueryString(criteria);
  const origin = results.origin;
  const found = results.total === 0 ? 'Aucun lieu trouvé' : results.total === 1 ? '1 lieu trouvé' : `${results.total} lieux trouvés`;
  return (
    <>
      <h1 class="govuk-heading-l">Lieux d’aide au numérique {whereText(results)}</h1>
      {summary.length ? <p class="govuk-body">{summary.join(' · ')}</p> : null}
      <p class="govuk-body">
        <a class="govuk-link" href="#recherche">
          Modifier la recherche
        </a>
        {results.total ? (
          <>
            {' · '}
            <a class="govuk-link" href={`/lieux/imprimer?${qs}`}>
              Imprimer la liste
            </a>
          </>
        ) : null}
      </p>
      {origin.kind === 'commune' && origin.from === 'places' ? (
        <InsetText text={`Les distances sont mesurées depuis le milieu des lieux de ${origin.name}, le centre de la commune n’étant pas connu.`} />
      ) : null}
      {origin.kind === 'commune-without-distance' ? (
        <InsetText
          text={`Nous ne connaissons pas encore la position de ${origin.name} : voici les lieux de la commune, sans leur distance. Essayez aussi une commune voisine.`}
        />
      ) : null}
      {origin.kind === 'none' ? (
        <InsetText text="Indiquez votre commune ou utilisez votre position pour voir les lieux les plus proches en premier." />
      ) : null}
      <h2 class="govuk-heading-m" id="resultats">
        {found}
        {results.pageCount > 1 ? <span class="govuk-caption-m">Page {results.page} sur {results.pageCount}</span> : null}
      </h2>
      {results.total === 0 ? (
        <EmptyState criteria={criteria} results={results} />
      ) : results.hits.length === 0 ? (
        <p class="govuk-body">
          Cette page n’existe plus.{' '}
          <a class="govuk-link" href={`/lieux?${searchQueryString(criteria, { page: 1 })}#resultats`}>
            Revenir à la première page des résultats
          </a>
          .
        </p>
      ) : (
        <>
          <PlaceMap
            markers={resultMarkers(results)}
            label={`Carte des lieux de cette page, numérotés comme dans la liste`}
            styleUrl={props.mapStyleUrl}
          />
          <PlaceResults results={results} centreNoun={props.centreNoun} />
          <SearchPagination results={results} criteria={criteria} path="/lieux" />
        </>
      )}
    </>
  );
}

function EmptyState(props: { criteria: SearchCriteria; results: SearchResults }) {
  const c = props.criteria;
  const hasFilters = c.openNow || c.openSaturday || c.free || c.accessible || c.publics.length > 0 || c.labels.length > 0;
  const distance = props.results.origin.kind === 'commune' || props.results.origin.kind === 'position';
  return (
    <>
      <p class="govuk-body">Aucun lieu ne correspond à tous vos critères.</p>
      <p class="govuk-body">Vous pouvez :</p>
      <ul class="govuk-list govuk-list--bullet">
        {distance && c.radiusKm < 50 ? (
          <li>
            <a class="govuk-link" href={`/lieux?${searchQueryString({ ...c, radiusKm: 50, page: 1 })}#resultats`}>
              chercher jusqu’à 50 km
            </a>
          </li>
        ) : null}
        {hasFilters ? (
          <li>
            <a
              class="govuk-link"
              href={`/lieux?${searchQueryString({ ...c, openNow: false, openSaturday: false, free: false, accessible: false, publics: [], labels: [], page: 1 })}#resultats`}
            >
              retirer les autres critères (horaires, gratuité, public, label, accessibilité)
            </a>
          </li>
        ) : null}
        {c.needs.length ? <li>cocher d’autres besoins</li> : null}
        <li>
          appeler l’accueil du Département, ou vous rendre à la mairie : on vous indiquera un lieu proche
        </li>
      </ul>
    </>
  );
}

function SearchForm(props: {
  criteria: SearchCriteria;
  error?: SearchPageProps['error'];
  departement: string;
  centreNoun: string;
}) {
  const c = props.criteria;
  const filtersChosen = c.openNow || c.openSaturday || c.free || c.accessible || c.publics.length > 0 || c.labels.length > 0;
  const usingPosition = !!c.position && !c.commune.text;
  return (
    <form method="get" action="/lieux" novalidate data-relais-search-form>
      <Checkboxes
        name="besoin"
        fieldset={{ legend: { text: 'De quoi avez-vous besoin ?', classes: 'govuk-fieldset__legend--s' } }}
        hint={{ text: 'Cochez une ou plusieurs réponses. Vous verrez les lieux qui proposent au moins l’une d’elles.' }}
        items={NEEDS.map((n) => ({ value: n.slug, text: n.label }))}
        values={c.needs}
        classes="govuk-checkboxes--small"
      />
      <CommuneField
        name="commune"
        label={{ text: 'Près de quelle commune ?', classes: 'govuk-label--s' }}
        value={c.commune}
        errorMessage={props.error ? { text: props.error.message } : undefined}
        candidates={props.error?.candidates}
        departement={props.departement}
      />
      {/* Filled by search-position.js from the browser's geolocation; the button exists only for that script. */}
      <div class="govuk-form-group" data-relais-position>
        <input type="hidden" name="lat" value={usingPosition ? String(c.position!.lat) : ''} />
        <input type="hidden" name="lon" value={usingPosition ? String(c.position!.lon) : ''} />
        {usingPosition ? (
          <p class="govuk-body" data-relais-position-status>
            Recherche autour de votre position. Saisissez une commune pour chercher ailleurs.
          </p>
        ) : null}
        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="relais-use-position" hidden>
          Utiliser ma position
        </button>
      </div>
      <Radios
        name="rayon"
        fieldset={{ legend: { text: 'Jusqu’à quelle distance ?', classes: 'govuk-fieldset__legend--s' } }}
        classes="govuk-radios--inline govuk-radios--small"
        items={RADII_KM.map((km) => ({ value: km, text: `${km} km` }))}
        value={c.radiusKm}
      />
      <Details summaryText="Plus de critères : horaires, gratuité, public, label, accessibilité" open={filtersChosen || undefined}>
        <Checkboxes
          name="ouvert"
          fieldset={{ legend: { text: 'Horaires', classes: 'govuk-fieldset__legend--s' } }}
          items={[
            { value: 'maintenant', text: 'Ouvert maintenant' },
            { value: 'samedi', text: 'Ouvert le samedi' },
          ]}
          values={[...(c.openNow ? ['maintenant'] : []), ...(c.openSaturday ? ['samedi'] : [])]}
          classes="govuk-checkboxes--small"
        />
        <Checkboxes
          name="gratuit"
          idPrefix="conditions"
          fieldset={{ legend: { text: 'Conditions', classes: 'govuk-fieldset__legend--s' } }}
          items={[
            { value: 'oui', text: 'Gratuit', checked: c.free },
            {
              name: 'accessible',
              value: 'oui',
              text: 'Accessible aux personnes handicapées',
              hint: { text: 'Lieux avec une fiche acceslibre ou un accueil adapté (surdité, handicap, illettrisme, langues)' },
              checked: c.accessible,
            },
          ]}
          classes="govuk-checkboxes--small"
        />
        <Checkboxes
          name="public"
          fieldset={{ legend: { text: 'Lieux qui accueillent en particulier', classes: 'govuk-fieldset__legend--s' } }}
          items={PUBLICS.map((p) => ({ value: p.slug, text: p.label }))}
          values={c.publics}
          classes="govuk-checkboxes--small"
        />
        <Checkboxes
          name="label"
          fieldset={{ legend: { text: 'Labels et réseaux', classes: 'govuk-fieldset__legend--s' } }}
          items={LABELS.map((l) => ({ value: l.slug, text: labelText(l.slug, props.centreNoun) }))}
          values={c.labels}
          classes="govuk-checkboxes--small"
        />
      </Details>
      <Button text="Rechercher" />
    </form>
  );
}
