import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { SummaryList } from '../../../platform/views/components/index.ts';

export interface OpenDataset {
  path: string;
  title: string;
  format: string;
  description: string;
  rows: number;
  lastModified: Date | null;
}

const number = new Intl.NumberFormat('fr-FR');
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export function OpenDataPage({ ctx, datasets, publicUrl }: { ctx: PageContext; datasets: OpenDataset[]; publicUrl: string }) {
  return (
    <Layout ctx={ctx} title="Données ouvertes">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Données ouvertes</h1>
          <p class="govuk-body">
            Les lieux, structures et services publiés dans l’annuaire sont librement réutilisables sous la{' '}
            <a class="govuk-link" href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">
              Licence Ouverte 2.0
            </a>{' '}
            (Etalab), à condition de citer la source : {ctx.theme.departementName}, {ctx.theme.serviceName}.
          </p>
          <p class="govuk-body">
            Chaque fichier a une adresse stable et est produit à la demande à partir des données du jour. Les
            fichiers des lieux suivent le schéma national des lieux de médiation numérique (version 1.0.2) ;
            ceux des structures et des services suivent le schéma data·inclusion (version 1).
          </p>
          {datasets.map((d) => (
            <>
              <h2 class="govuk-heading-m">{d.title}</h2>
              <p class="govuk-body">{d.description}</p>
              <SummaryList
                classes="govuk-!-margin-bottom-9"
                rows={[
                  {
                    key: { text: 'Adresse' },
                    value: {
                      html: (
                        <a class="govuk-link" href={d.path}>
                          {publicUrl}
                          {d.path}
                        </a>
                      ),
                    },
                  },
                  { key: { text: 'Format' }, value: { text: d.format } },
                  { key: { text: 'Licence' }, value: { text: 'Licence Ouverte 2.0' } },
                  { key: { text: 'Nombre de lignes' }, value: { text: number.format(d.rows) } },
                  { key: { text: 'Dernière mise à jour' }, value: { text: d.lastModified ? date.format(d.lastModified) : 'aucune donnée publiée' } },
                ]}
              />
            </>
          ))}
        </div>
      </div>
    </Layout>
  );
}
