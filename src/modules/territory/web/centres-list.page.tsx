import { Button } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { SocialCentreListItem } from '../db/social-centre-queries.ts';

export function CentresListPage(props: { ctx: PageContext; centres: SocialCentreListItem[]; noun: string }) {
  return (
    <Layout ctx={props.ctx} title="Centres sociaux">
      <h1 class="govuk-heading-l">Centres sociaux ({props.noun})</h1>
      <p class="govuk-body">Chaque commune est desservie par un seul centre. Ouvrez un centre pour modifier ses coordonnées ou ses communes.</p>
      <Button text="Ajouter un centre" href="/admin/centres/nouveau" />
      {props.centres.length === 0 ? (
        <p class="govuk-body">Aucun centre pour l’instant.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Centres sociaux du département</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Centre
              </th>
              <th scope="col" class="govuk-table__header">
                Commune
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Communes desservies
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.centres.map((c) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/admin/centres/${c.id}`}>
                    {c.name}
                  </a>
                </td>
                <td class="govuk-table__cell">{c.communeName}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  <a class="govuk-link" href={`/admin/centres/${c.id}/communes`}>
                    {c.communeCount}
                    <span class="govuk-visually-hidden"> communes desservies par {c.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
