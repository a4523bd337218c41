import { Layout, type PageContext } from '../../platform/views/layout.tsx';

export function HomePage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Accueil">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Trouver de l’aide pour vos démarches en ligne {ctx.theme.inDepartement}</h1>
          <p class="govuk-body-l">
            Relais est le service du département pour vous aider à faire vos démarches administratives sur internet, seul ou
            accompagné. C’est gratuit.
          </p>
        </div>
      </div>
      <h2 class="govuk-heading-l">Ce que vous pouvez faire</h2>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h3 class="govuk-heading-m">Trouver un lieu d’aide</h3>
          <p class="govuk-body">
            Des lieux près de chez vous où une personne vous aide à utiliser internet et à faire vos démarches : maisons
            départementales des solidarités, France services, associations, médiathèques.
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/lieux">
              Trouver un lieu pour être aidé au numérique
            </a>
          </p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h3 class="govuk-heading-m">Faire une démarche</h3>
          <p class="govuk-body">
            Demander une aide du département, contacter votre maison départementale des solidarités, envoyer un document et
            suivre votre demande.
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/demarches">
              Faire une démarche en ligne
            </a>
          </p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h3 class="govuk-heading-m">Prendre rendez-vous</h3>
          <p class="govuk-body">Rencontrer un travailleur social ou un agent d’accueil près de chez vous, au moment qui vous convient.</p>
          <p class="govuk-body">
            <a class="govuk-link" href="/rendez-vous">
              Prendre rendez-vous dans un centre social
            </a>
          </p>
        </div>
      </div>

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-l">Comment ça marche</h2>
          <ol class="govuk-list govuk-list--number">
            <li>Créez votre compte avec votre adresse e-mail, ou connectez-vous avec FranceConnect.</li>
            <li>Choisissez ce que vous voulez faire : une démarche, un rendez-vous, un lieu d’aide.</li>
            <li>Suivez votre demande dans votre espace. Le département vous prévient par e-mail quand elle avance.</li>
          </ol>
          <p class="govuk-body">
            Vous n’êtes pas à l’aise avec internet ? Une personne de confiance ou un médiateur numérique peut faire la démarche
            avec vous. Vous pouvez aussi toujours vous rendre dans une maison départementale des solidarités.
          </p>

          <h2 class="govuk-heading-l">Vos informations sont protégées</h2>
          <p class="govuk-body">
            Seuls les agents qui traitent votre demande peuvent voir votre dossier, et chaque consultation est enregistrée.{' '}
            <a class="govuk-link" href="/donnees-personnelles">
              En savoir plus sur vos données
            </a>
            .
          </p>

          <h2 class="govuk-heading-l">Vous êtes un professionnel</h2>
          <p class="govuk-body">
            Agents du département, médiateurs numériques, structures partenaires et administrations :{' '}
            <a class="govuk-link" href="/connexion">
              connectez-vous à votre espace
            </a>
            .
          </p>
        </div>
      </div>
    </Layout>
  );
}
