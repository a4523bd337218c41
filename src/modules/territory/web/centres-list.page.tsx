import { AdminNav } from '../../../platform/views/admin-nav.tsx';
import { Button, Table } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { SocialCentreListItem } from '../db/social-centre-queries.ts';

export function CentresListPage(props: { ctx: PageContext; centres: SocialCentreListItem[]; noun: string }) {
  return (
    <Layout ctx={props.ctx} title="Centres sociaux">
      <AdminNav current="/admin/centres" />
      <h1 class="govuk-heading-l">Centres sociaux ({props.noun})</h1>
      <p class="govuk-body">Chaque commune est desservie par un seul centre. Ouvrez un centre pour modifier ses coordonnées ou ses communes.</p>
      <Button text="Ajouter un centre" href="/admin/centres/nouveau" />
      {props.centres.length === 0 ? (
        <p class="govuk-body">Aucun centre pour l’instant.</p>
      ) : (
        <Table
          caption="Centres sociaux du département"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Centre' }, { text: 'Commune' }, { text: 'Communes desservies', format: 'numeric' }]}
          rows={props.centres.map((c) => [
            {
              html: (
                <a class="govuk-link" href={`/admin/centres/${c.id}`}>
                  {c.name}
                </a>
              ),
            },
            { text: c.communeName },
            {
              format: 'numeric',
              html: (
                <a class="govuk-link" href={`/admin/centres/${c.id}/communes`}>
                  {c.communeCount}
                  <span class="govuk-visually-hidden"> communes desservies par {c.name}</span>
                </a>
              ),
            },
          ])}
        />
      )}
    </Layout>
  );
}
