// data·inclusion v1 vocabularies for services (schema by the GIP de l'inclusion, Licence Ouverte): the slugs
// are what the open-data export publishes, the labels what people read. Themes are grouped by their category
// (the part before « -- »).

export interface Term {
  readonly value: string;
  readonly label: string;
}

const t = (value: string, label: string): Term => ({ value, label });

export const THEME_CATEGORIES: ReadonlyArray<{ readonly slug: string; readonly label: string; readonly themes: readonly Term[] }> = [
  {
    slug: 'numerique',
    label: 'Numérique',
    themes: [
      t('numerique--acceder-a-des-services-en-ligne', 'Accéder à des services en ligne'),
      t('numerique--acceder-a-une-connexion-internet', 'Accéder à une connexion Internet'),
      t('numerique--acquerir-un-equipement', 'Acquérir un équipement'),
      t('numerique--maitriser-les-fondamentaux-du-numerique', 'Maîtriser les fondamentaux du numérique'),
    ],
  },
  {
    slug: 'difficultes-administratives-ou-juridiques',
    label: 'Difficultés administratives ou juridiques',
    themes: [
      t('difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives', 'Accompagnement aux démarches administratives'),
      t('difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete', 'Accompagnement pour l’accès à la citoyenneté'),
      t('difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'Accompagnement pour l’accès aux droits'),
      t('difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte', 'Bénéficier d’une mesure d’accompagnement adapté'),
      t('difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination', 'Connaître ses droits face à une discrimination'),
      t('difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire', 'Prendre en compte une problématique judiciaire'),
    ],
  },
  {
    slug: 'difficultes-financieres',
    label: 'Difficultés financières',
    themes: [
      t('difficultes-financieres--acquerir-une-autonomie-budgetaire', 'Acquérir une autonomie budgétaire'),
      t('difficultes-financieres--ameliorer-sa-gestion-budgetaire', 'Améliorer sa gestion budgétaire'),
      t('difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere', 'Mettre en place une mesure de protection financière'),
      t('difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere', 'Prévenir une dégradation de la situation financière'),
      t('difficultes-financieres--situation-dendettement-surendettement', 'Situation d’endettement ou de surendettement'),
    ],
  },
  {
    slug: 'equipement-et-alimentation',
    label: 'Équipement et alimentation',
    themes: [
      t('equipement-et-alimentation--aide-menagere', 'Aide ménagère'),
      t('equipement-et-alimentation--alimentation', 'Alimentation'),
      t('equipement-et-alimentation--electromenager', 'Électroménager'),
      t('equipement-et-alimentation--habillement', 'Habillement'),
    ],
  },
  {
    slug: 'famille',
    label: 'Famille',
    themes: [
      t('famille--garde-denfants', 'Garde d’enfants'),
      t('famille--prise-en-charge-personne-dependante', 'Prise en charge d’une personne dépendante'),
      t('famille--soutien-a-la-parentalite-et-a-leducation', 'Soutien à la parentalité et à l’éducation'),
      t('famille--soutien-aidants', 'Soutien aux aidants'),
      t('famille--surmonter-conflits-separation-violence', 'Surmonter les conflits liés à la séparation ou à la violence'),
    ],
  },
  {
    slug: 'lecture-ecriture-calcul',
    label: 'Lecture, écriture, calcul',
    themes: [
      t('lecture-ecriture-calcul--maitriser-le-calcul', 'Maîtriser le calcul'),
      t('lecture-ecriture-calcul--maitriser-le-francais', 'Maîtriser le français'),
    ],
  },
  {
    slug: 'logement-hebergement',
    label: 'Logement et hébergement',
    themes: [
      t('logement-hebergement--acheter-un-logement', 'Acheter un logement'),
      t('logement-hebergement--changer-de-logement', 'Changer de logement'),
      t('logement-hebergement--louer-un-logement', 'Louer un logement'),
      t('logement-hebergement--rechercher-une-solution-dhebergement-temporaire', 'Rechercher une solution d’hébergement temporaire'),
      t('logement-hebergement--reduire-les-impayes-de-loyer', 'Réduire les impayés de loyer'),
      t('logement-hebergement--se-maintenir-dans-le-logement', 'Se maintenir dans le logement'),
      t('logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement', 'S’informer sur les démarches liées à l’accès au logement'),
    ],
  },
  {
    slug: 'mobilite',
    label: 'Mobilité',
    themes: [
      t('mobilite--acceder-a-un-vehicule', 'Accéder à un véhicule'),
      t('mobilite--entretenir-reparer-son-vehicule', 'Entretenir et réparer son véhicule'),
      t('mobilite--etre-accompagne-dans-son-parcours-mobilite', 'Être accompagné dans son parcours mobilité'),
      t('mobilite--financer-ma-mobilite', 'Financer ma mobilité'),
      t('mobilite--preparer-un-permis', 'Préparer un permis'),
      t('mobilite--mobilite-douce-partagee-collective', 'Utiliser des services de mobilité douce, partagée ou collective'),
    ],
  },
  {
    slug: 'sante',
    label: 'Santé',
    themes: [
      t('sante--acces-aux-soins', 'Accès aux soins'),
      t('sante--addictions', 'Addictions'),
      t('sante--constituer-un-dossier-mdph-invalidite', 'Constituer un dossier MDPH pour invalidité'),
      t('sante--sante-mentale', 'Santé mentale'),
      t('sante--sante-sexuelle', 'Santé sexuelle'),
    ],
  },
  {
    slug: 'remobilisation',
    label: 'Remobilisation',
    themes: [
      t('remobilisation--activites-sportives-et-culturelles', 'Activités sportives et culturelles'),
      t('remobilisation--benevolat-action-citoyenne', 'Bénévolat et action citoyenne'),
      t('remobilisation--bien-etre-confiance-en-soi', 'Bien-être et confiance en soi'),
      t('remobilisation--lien-social', 'Lien social'),
    ],
  },
  {
    slug: 'emploi',
    label: 'Emploi et formation',
    themes: [
      t('choisir-un-metier--confirmer-son-choix-de-metier', 'Confirmer son choix de métier'),
      t('choisir-un-metier--connaitre-les-opportunites-demploi', 'Connaître les opportunités d’emploi'),
      t('choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite', 'Découvrir un métier ou un secteur d’activité'),
      t('choisir-un-metier--identifier-ses-points-forts-et-ses-competences', 'Identifier ses points forts et ses compétences'),
      t('preparer-sa-candidature--developper-son-reseau', 'Développer son réseau'),
      t('preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi', 'Organiser ses démarches de recherche d’emploi'),
      t('preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation', 'Réaliser un CV et/ou une lettre de motivation'),
      t('preparer-sa-candidature--valoriser-ses-competences', 'Valoriser ses compétences'),
      t('trouver-un-emploi--convaincre-un-recruteur-en-entretien', 'Convaincre un recruteur en entretien'),
      t('trouver-un-emploi--faire-des-candidatures-spontanees', 'Faire des candidatures spontanées'),
      t('trouver-un-emploi--maintien-dans-lemploi', 'Maintien dans l’emploi'),
      t('trouver-un-emploi--repondre-a-des-offres-demploi', 'Répondre à des offres d’emploi'),
      t('trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs', 'Suivre ses candidatures et relancer les employeurs'),
      t('se-former--monter-son-dossier-de-formation', 'Monter son dossier de formation'),
      t('se-former--trouver-sa-formation', 'Trouver sa formation'),
      t('creer-une-entreprise--definir-son-projet-de-creation-dentreprise', 'Définir son projet de création d’entreprise'),
      t('creer-une-entreprise--developper-son-entreprise', 'Développer son entreprise'),
      t('creer-une-entreprise--structurer-son-projet-de-creation-dentreprise', 'Structurer son projet de création d’entreprise'),
      t('souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger', 'Connaître les opportunités d’emploi à l’étranger'),
      t('souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger', 'S’informer sur les aides pour travailler à l’étranger'),
      t('souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france', 'S’organiser suite à son retour en France'),
    ],
  },
];

export const THEMES: readonly Term[] = THEME_CATEGORIES.flatMap((c) => c.themes);

export const SERVICE_PUBLICS: readonly Term[] = [
  t('actifs', 'Actifs'),
  t('beneficiaires-des-minimas-sociaux', 'Bénéficiaires des minimas sociaux'),
  t('demandeurs-emploi', 'Demandeurs d’emploi'),
  t('etudiants', 'Étudiants'),
  t('familles', 'Familles'),
  t('femmes', 'Femmes'),
  t('jeunes', 'Jeunes'),
  t('personnes-en-situation-de-handicap', 'Personnes en situation de handicap'),
  t('personnes-en-situation-durgence', 'Personnes en situation d’urgence'),
  t('personnes-en-situation-juridique-specifique', 'Personnes en situation juridique spécifique'),
  t('personnes-exilees', 'Personnes exilées'),
  t('residents-qpv-frr', 'Résidents en QPV ou FRR'),
  t('seniors', 'Séniors'),
];

export const SERVICE_FEES: readonly Term[] = [t('gratuit', 'Gratuit'), t('payant', 'Payant')];

export const RECEPTION_MODES: readonly Term[] = [t('en-presentiel', 'En présentiel'), t('a-distance', 'À distance (téléphone ou internet)')];

export const MOBILISATION_MODES: readonly Term[] = [
  t('se-presenter', 'Se présenter'),
  t('telephoner', 'Téléphoner'),
  t('envoyer-un-courriel', 'Envoyer un courriel'),
  t('utiliser-lien-mobilisation', 'Utiliser le lien de mobilisation'),
];

export const MOBILISABLE_BY: readonly Term[] = [t('usagers', 'Les personnes elles-mêmes'), t('professionnels', 'Les professionnels')];

/** Eligibility zone kinds; codes are INSEE codes of communes, SIREN of EPCI, or département codes. */
export const ZONE_KINDS: readonly Term[] = [
  t('commune', 'Une commune'),
  t('epci', 'Une ou plusieurs intercommunalités (EPCI)'),
  t('departement', 'Tout le département'),
  t('pays', 'Toute la France'),
];

/** A slug no label covers (an imported or older value), made readable: « famille--garde-d-enfants » → « Garde d enfants ». */
function fromSlug(slug: string): string {
  const words = (slug.split('--').at(-1) ?? slug).replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function termLabel(terms: readonly Term[], value: string): string {
  return terms.find((x) => x.value === value)?.label ?? fromSlug(value);
}

const labeller = (terms: readonly Term[]) => (value: string) => termLabel(terms, value);
export const themeLabel = labeller(THEMES);
export const publicLabel = labeller(SERVICE_PUBLICS);
export const feeLabel = labeller(SERVICE_FEES);
export const receptionModeLabel = labeller(RECEPTION_MODES);
export const mobilisationModeLabel = labeller(MOBILISATION_MODES);
export const mobilisableByLabel = labeller(MOBILISABLE_BY);
