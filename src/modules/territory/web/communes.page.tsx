import { BackLink, Button, Input, SummaryList } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { communeLabel } from '../domain/search-name.ts';
import type { SocialCentre } from '../domain/social-centre.ts';
import type { CommuneDetails, CommuneSummary } from '../use-cases/search-communes.ts';
import { CentreCard } from './centre-card.tsx';

export function CommuneSearchPage(props: { ctx: PageContext; q: string; results: CommuneSummary[] | null }) {
  const { q, results } = props;
  const n = results?.length ?? 0;
  return (
    <Layout ctx={props.ctx} title={q ? `Communes : ${q}` : 'Rechercher une commune'}>
      <h1 class="govuk-heading-l">Rechercher une commune</h1>
      <form method="get" action="/communes" role="search" novalidate>
        <Input
          id="q"
          name="q"
          type="search"
          label={{ text: 'Nom ou code postal de la commune' }}
          hint={{ text: 'Par exemple « Saint-Malo » ou « 35400 »' }}
          value={q}
          classes="govuk-!-width-two-thirds"
          spellcheck={false}
        />
        <Button text="Rechercher" />
      </form>
      {results === null ? null : n === 0 ? (
        <p class="govuk-body" id="resultats">
          Aucune commune ne correspond à « {q} ». Vérifiez l’orthographe ou essayez avec le code postal.
        </p>
      ) : (
        <>
          <h2 class="govuk-heading-m" id="resultats">
            {n === 1 ? '1 commune trouvée' : `${n} communes trouvées`}
          </h2>
          <ul class="govuk-list">
            {results.map((c) => (
              <li>
                <a class="govuk-link" href={`/communes/${c.insee}`}>
                  {communeLabel(c)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function CommunePage(props: { ctx: PageContext; commune: CommuneDetails; centre: SocialCentre | null; centreNoun: string }) {
  const { commune, centre } = props;
  const rows: Array<[string, string]> = [
    [commune.postcodes.length > 1 ? 'Codes postaux' : 'Code postal', commune.postcodes.join(', ')],
    ['Code commune (INSEE)', commune.insee],
    ['Intercommunalité', commune.epciName ?? 'Aucune'],
    ['Département', commune.departementName ?? commune.departementCode],
  ];
  if (commune.population !== null) rows.push(['Population', `${commune.population.toLocaleString('fr-FR')} habitants`]);
  return (
    <Layout ctx={props.ctx} title={commune.name}>
      <BackLink href="/communes" text="Rechercher une autre commune" />
      <h1 class="govuk-heading-l">{commune.name}</h1>
      <SummaryList rows={rows.map(([k, v]) => ({ key: { text: k }, value: { text: v } }))} />
      {centre ? (
        <>
          <p class="govuk-body">Les habitants de {commune.name} sont accueillis par :</p>
          <CentreCard centre={centre} />
        </>
      ) : (
        <p class="govuk-body">
          Aucun {props.centreNoun} n’est encore rattaché à {commune.name} dans Relais. Contactez l’accueil du Département.
        </p>
      )}
    </Layout>
  );
}
