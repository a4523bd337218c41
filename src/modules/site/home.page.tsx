import { Layout, type PageContext } from '../../platform/views/layout.tsx';

export function HomePage({ ctx }: { ctx: PageContext }) {
  const d = ctx.theme.departementName;
  return (
    <Layout ctx={ctx} title="Accueil">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Trouver de l’aide pour vos démarches en ligne en {d}</h1>
          <p class="govuk-body-l">
            Relais est le service du département pour vous aider à faire vos démarches administratives sur internet,
            seul ou accompagné.
          </p>
        </div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">Trouver un lieu d’aide</h2>
          <p class="govuk-body">Des lieux près de chez vous où l’on vous aide à utiliser internet et à faire vos démarches.</p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">Faire une démarche</h2>
          <p class="govuk-body">Demander une aide, contacter votre maison départementale des solidarités, suivre votre dossier.</p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">Prendre rendez-vous</h2>
          <p class="govuk-body">Rencontrer un travailleur social ou un agent d’accueil près de chez vous.</p>
        </div>
      </div>
      <h2 class="govuk-heading-m">Vous êtes un professionnel</h2>
      <p class="govuk-body">
        Agents du département, médiateurs numériques, structures partenaires et administrations :{' '}
        <a class="govuk-link" href="/connexion">
          connectez-vous à votre espace
        </a>
        .
      </p>
    </Layout>
  );
}
