import { Table } from '../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import { Address } from './address.tsx';
import { capitalised, departements } from './departement.ts';

export function PersonalDataPage({ ctx }: { ctx: PageContext }) {
  const d = departements[ctx.theme.departementCode];
  const s = ctx.theme.serviceName;
  return (
    <Layout ctx={ctx} title="Données personnelles">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Données personnelles</h1>
          <p class="govuk-body-l">
            Cette page explique quelles informations sur vous {s} utilise, pourquoi, qui peut les voir, combien de temps elles
            sont gardées et comment exercer vos droits.
          </p>

          <h2 class="govuk-heading-l">Qui est responsable de vos données</h2>
          <p class="govuk-body">
            {capitalised(d.name)} est responsable du traitement de vos données dans {s}, au sens du règlement général sur la
            protection des données (RGPD).
          </p>

          <h2 class="govuk-heading-l">Pourquoi nous utilisons vos données</h2>
          <ul class="govuk-list govuk-list--bullet">
            <li>créer et protéger votre compte, et vous permettre de vous connecter ;</li>
            <li>vous aider dans vos démarches et suivre vos demandes auprès du département ;</li>
            <li>organiser vos rendez-vous avec un travailleur social ou un agent d’accueil ;</li>
            <li>vous orienter vers un lieu d’aide près de chez vous ;</li>
            <li>garder la trace de qui a consulté ou modifié votre dossier, pour vous protéger ;</li>
            <li>produire des statistiques anonymes pour améliorer le service.</li>
          </ul>

          <h2 class="govuk-heading-l">Sur quelle base légale</h2>
          <p class="govuk-body">
            Le traitement est nécessaire à l’exécution des missions d’intérêt public du département, notamment l’action sociale
            (article 6, paragraphe 1, point e du RGPD). Le journal des accès répond aussi à l’obligation de sécurité des données
            (article 32 du RGPD). Quand une démarche repose sur votre accord, par exemple pour partager votre dossier avec une
            structure partenaire, nous vous le demandons et vous pouvez le retirer à tout moment.
          </p>

          <h2 class="govuk-heading-l">Quelles données</h2>
          <ul class="govuk-list govuk-list--bullet">
            <li>votre identité et vos coordonnées : nom, prénom, adresse e-mail, téléphone, commune ;</li>
            <li>les informations et documents que vous donnez pour une démarche ;</li>
            <li>vos rendez-vous et les échanges avec les agents ;</li>
            <li>les données de connexion : date, heure et adresse IP.</li>
          </ul>

          <h2 class="govuk-heading-l">Qui peut les voir</h2>
          <p class="govuk-body">
            Seuls les agents du département chargés de votre demande, dans la limite de ce dont ils ont besoin. Une structure
            partenaire (association, administration) ne voit votre dossier que si c’est nécessaire à votre démarche et avec votre
            accord. Vos données ne sont jamais vendues ni utilisées pour de la publicité.
          </p>

          <h2 class="govuk-heading-l">Combien de temps</h2>
          <Table
            caption="Durées de conservation"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Données' }, { text: 'Durée de conservation' }]}
            rows={[
              [{ text: 'Compte' }, { text: 'Jusqu’à sa suppression, ou 3 ans après votre dernière connexion' }],
              [{ text: 'Dossiers et démarches' }, { text: 'Selon les règles d’archivage des archives départementales' }],
              [{ text: 'Rendez-vous' }, { text: '2 ans après le rendez-vous' }],
              [{ text: 'Journal des connexions et des accès' }, { text: '1 an' }],
            ]}
          />

          <h2 class="govuk-heading-l">Cookies</h2>
          <p class="govuk-body">
            {s} utilise un seul cookie, nécessaire au fonctionnement du service : il garde votre session ouverte et protège vos
            formulaires. Il n’y a aucun cookie de mesure d’audience ni de publicité, c’est pourquoi nous ne vous demandons pas
            votre accord.
          </p>

          <h2 class="govuk-heading-l">Vos droits</h2>
          <p class="govuk-body">
            Vous pouvez accéder à vos données, les faire corriger, demander leur effacement ou la limitation de leur utilisation,
            vous opposer à leur traitement et, quand c’est possible, les recevoir dans un format réutilisable.
          </p>
          <p class="govuk-body">Pour exercer vos droits, écrivez au délégué à la protection des données du département :</p>
          <Address prefix="Délégué à la protection des données" lines={d.address} />
          <p class="govuk-body">
            Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale
            de l’informatique et des libertés (CNIL) :{' '}
            <a class="govuk-link" href="https://www.cnil.fr/fr/plaintes">
              www.cnil.fr
            </a>{' '}
            ou 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
          </p>
        </div>
      </div>
    </Layout>
  );
}
