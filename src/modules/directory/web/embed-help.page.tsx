// /integrer/aide: how a commune or an EPCI shows the département's search of places on its own website, with
// the snippet to copy (the custom element, or a plain iframe) and a live example.
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { Table } from '../../../platform/views/components/index.ts';
import { LABELS, NEEDS } from '../domain/needs.ts';

export function EmbedHelpPage(props: { ctx: PageContext; publicUrl: string; exampleEpci: { siren: string; name: string } | null }) {
  const base = props.publicUrl;
  const territory = props.exampleEpci?.siren ?? '';
  const element = `<script src="${base}/integrer/relais-annuaire.js" defer></script>
<relais-annuaire besoins="demarches outils"${territory ? ` territoire="${territory}"` : ''}
                 titre="Où se faire aider pour le numérique près de chez vous"></relais-annuaire>`;
  const iframe = `<iframe src="${base}/integrer?${territory ? `territoire=${territory}&` : ''}besoin=demarches&besoin=outils"
        title="Où se faire aider pour le numérique près de chez vous"
        style="width: 100%; height: 700px; border: 0" loading="lazy"></iframe>`;
  return (
    <Layout ctx={props.ctx} title="Intégrer l’annuaire sur votre site" scripts={['/integrer/relais-annuaire.js']}>
      <h1 class="govuk-heading-l">Intégrer l’annuaire sur votre site</h1>
      <p class="govuk-body">
        Votre commune ou votre intercommunalité peut afficher sur son site la recherche des lieux d’aide au numérique du département, déjà
        filtrée sur votre territoire et sur les besoins de votre choix. Les habitants y cherchent un lieu sans quitter votre site ; la fiche
        d’un lieu s’ouvre dans un nouvel onglet. Les informations sont tenues à jour par les structures et par le Département.
      </p>
      <h2 class="govuk-heading-m">Avec l’élément prêt à l’emploi</h2>
      <p class="govuk-body">Copiez ces deux lignes dans votre page. Le cadre prend la hauteur de son contenu.</p>
      <pre class="relais-code" tabindex={0} aria-label="Code à copier : élément relais-annuaire">
        <code>{element}</code>
      </pre>
      <h2 class="govuk-heading-m">Avec une simple iframe</h2>
      <p class="govuk-body">Si votre outil de publication n’accepte pas les scripts, une iframe suffit (sa hauteur est alors fixe).</p>
      <pre class="relais-code" tabindex={0} aria-label="Code à copier : iframe">
        <code>{iframe}</code>
      </pre>
      <h2 class="govuk-heading-m">Réglages</h2>
      <div class="relais-wrap-anywhere">
      <Table
        caption="Attributs de l’élément et paramètres de l’adresse"
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: 'Attribut (élément)' }, { text: 'Paramètre (iframe)' }, { text: 'Valeur' }]}
        rows={[
          [{ text: 'territoire' }, { text: 'territoire' }, { text: 'code INSEE d’une commune du département, ou SIREN d’une intercommunalité' }],
          [{ text: 'besoins' }, { text: 'besoin (répété)' }, { text: NEEDS.map((n) => `${n.slug} (${n.label.toLowerCase()})`).join(', ') }],
          [{ text: 'labels' }, { text: 'label (répété)' }, { text: LABELS.map((l) => l.slug).join(', ') }],
          [{ text: 'commune' }, { text: 'communeInsee' }, { text: 'code INSEE de la commune d’où mesurer les distances' }],
          [{ text: 'titre' }, { text: '(attribut title de l’iframe)' }, { text: 'ce que les lecteurs d’écran annoncent en entrant dans le cadre' }],
        ]}
      />
      </div>
      <p class="govuk-body">
        Dans l’élément, séparez plusieurs valeurs par des espaces. Une valeur inconnue est ignorée : le cadre montre alors tous les lieux.
      </p>
      <h2 class="govuk-heading-m">Exemple</h2>
      <p class="govuk-body">{props.exampleEpci ? `La recherche pour ${props.exampleEpci.name}, telle qu’elle apparaîtra sur votre site :` : 'La recherche telle qu’elle apparaîtra sur votre site :'}</p>
      <relais-annuaire besoins="demarches outils" territoire={territory || undefined} titre="Exemple : lieux d’aide au numérique">
        <p class="govuk-body">
          <a class="govuk-link" href={`/integrer?${territory ? `territoire=${territory}&` : ''}besoin=demarches&besoin=outils`}>
            Voir l’exemple de recherche intégrée
          </a>
        </p>
      </relais-annuaire>
    </Layout>
  );
}
