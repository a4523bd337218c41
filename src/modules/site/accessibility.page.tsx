import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import { Address } from './address.tsx';
import { capitalised, departements } from './departement.ts';

/** Date the declaration was written; update it with each new evaluation. */
export const accessibilityDeclarationDate = '23 novembre 2026';

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const d = departements[ctx.theme.departementCode];
  return (
    <Layout ctx={ctx} title="Déclaration d’accessibilité">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Déclaration d’accessibilité</h1>
          <p class="govuk-body">
            {capitalised(d.name)} s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi
            n° 2005-102 du 11 février 2005.
          </p>
          <p class="govuk-body">Cette déclaration d’accessibilité s’applique au service en ligne {ctx.theme.serviceName}.</p>

          <h2 class="govuk-heading-l">État de conformité</h2>
          <p class="govuk-body">
            {ctx.theme.serviceName} est <strong>non conforme</strong> avec le référentiel général d’amélioration de
            l’accessibilité (RGAA), version 4.1 : c’est la mention que le RGAA impose tant qu’aucun audit n’a mesuré le taux de
            conformité. Les non-conformités connues sont énumérées ci-dessous.
          </p>

          <h2 class="govuk-heading-l">Résultats des tests</h2>
          <p class="govuk-body">
            Aucun audit complet par un organisme indépendant n’a encore été réalisé : le taux de conformité sera publié ici dès
            qu’il le sera. En attendant, l’équipe contrôle chaque version du service :
          </p>
          <ul class="govuk-list govuk-list--bullet">
            <li>chaque page est vérifiée automatiquement avec l’outil axe-core, sans aucune erreur acceptée ;</li>
            <li>les parcours principaux sont testés dans un vrai navigateur, sur un écran de téléphone de 360 pixels de large, et chaque page publique avec JavaScript désactivé ;</li>
            <li>les composants d’interface reprennent ceux du système de design du gouvernement britannique (GOV.UK Frontend), testés avec des personnes handicapées et des technologies d’assistance, et nous vérifions qu’ils produisent exactement le même code ;</li>
            <li>le contraste des couleurs du département avec le texte est vérifié (au moins 4,5 pour 1).</li>
          </ul>

          <h2 class="govuk-heading-l">Contenus non accessibles</h2>
          <h3 class="govuk-heading-m">Non-conformités connues</h3>
          <ul class="govuk-list govuk-list--bullet">
            <li>la compatibilité avec les lecteurs d’écran (NVDA, JAWS, VoiceOver, TalkBack) n’a pas encore été vérifiée par des utilisateurs ;</li>
            <li>certains documents téléchargeables (courriers, notices) peuvent ne pas être accessibles ; une version accessible peut vous être envoyée sur demande.</li>
          </ul>
          <h3 class="govuk-heading-m">Dérogations pour charge disproportionnée</h3>
          <p class="govuk-body">Aucune.</p>
          <h3 class="govuk-heading-m">Contenus non soumis à l’obligation d’accessibilité</h3>
          <ul class="govuk-list govuk-list--bullet">
            <li>les documents que les usagers et les partenaires déposent eux-mêmes (pièces justificatives) ;</li>
            <li>les services d’autres organismes vers lesquels le service renvoie, comme FranceConnect.</li>
          </ul>

          <h2 class="govuk-heading-l">Établissement de cette déclaration</h2>
          <p class="govuk-body">Cette déclaration a été établie le {accessibilityDeclarationDate}.</p>
          <h3 class="govuk-heading-m">Technologies utilisées</h3>
          <p class="govuk-body">HTML, CSS et JavaScript. Toutes les pages fonctionnent sans JavaScript, qui sert seulement à améliorer certains éléments.</p>
          <h3 class="govuk-heading-m">Environnement de test</h3>
          <p class="govuk-body">Navigateur Chromium, sur ordinateur et en affichage de téléphone, avec l’outil de test automatique axe-core.</p>

          <h2 class="govuk-heading-l">Signaler un problème d’accessibilité</h2>
          <p class="govuk-body">
            Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez {d.name} : nous vous aiderons à obtenir
            l’information ou à faire votre démarche autrement, et nous corrigerons le problème. Écrivez à :
          </p>
          <Address prefix="Accessibilité du service Relais" lines={d.address} />
          <p class="govuk-body">
            Vous pouvez aussi vous rendre dans une maison départementale des solidarités ou un lieu d’aide au numérique près de chez vous.
          </p>

          <h2 class="govuk-heading-l">Voies de recours</h2>
          <p class="govuk-body">
            Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que
            vous n’avez pas obtenu de réponse satisfaisante, vous pouvez :
          </p>
          <ul class="govuk-list govuk-list--bullet">
            <li>
              écrire un message au Défenseur des droits avec le{' '}
              <a class="govuk-link" href="https://formulaire.defenseurdesdroits.fr/">
                formulaire en ligne
              </a>
              ;
            </li>
            <li>
              contacter le délégué du Défenseur des droits dans votre région (
              <a class="govuk-link" href="https://www.defenseurdesdroits.fr/carte-des-delegues">
                carte des délégués
              </a>
              ) ;
            </li>
            <li>appeler le Défenseur des droits au 09 69 39 00 00 (appel non surtaxé) ;</li>
            <li>envoyer un courrier, gratuitement, sans mettre de timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}
