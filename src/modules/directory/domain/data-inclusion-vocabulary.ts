// French labels of the data·inclusion v1 vocabularies the service pages show (the slugs are stored as the
// standard spells them). Thematiques not listed here are shown from their slug, which stays readable.

import { THEMES as V1_THEMES } from './data-inclusion.ts';

const THEMES: Readonly<Record<string, string>> = {
  'acces-aux-droits-et-citoyennete': 'Accès aux droits et citoyenneté',
  'acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives': 'Accompagnement dans les démarches administratives',
  'acces-aux-droits-et-citoyennete--accompagnement-juridique': 'Accompagnement juridique',
  'acces-aux-droits-et-citoyennete--aide-aux-victimes': 'Aide aux victimes',
  'acces-aux-droits-et-citoyennete--connaitre-ses-droits': 'Connaître ses droits',
  'acces-aux-droits-et-citoyennete--demandeurs-dasile-et-naturalisation': 'Demandeurs d’asile et naturalisation',
  'accompagnement-social-et-professionnel-personnalise': 'Accompagnement social et professionnel personnalisé',
  'apprendre-francais': 'Apprendre le français',
  'apprendre-francais--communiquer-vie-tous-les-jours': 'Communiquer dans la vie de tous les jours',
  'choisir-un-metier': 'Choisir un métier',
  'creation-activite': 'Création d’activité',
  'equipement-et-alimentation': 'Équipement et alimentation',
  'equipement-et-alimentation--acces-a-du-materiel-informatique': 'Accès à du matériel informatique',
  'equipement-et-alimentation--acces-a-un-telephone-et-un-abonnement': 'Accès à un téléphone et un abonnement',
  'equipement-et-alimentation--alimentation': 'Alimentation',
  famille: 'Famille',
  'famille--garde-denfants': 'Garde d’enfants',
  'famille--information-et-accompagnement-des-parents': 'Information et accompagnement des parents',
  'famille--soutien-a-la-parentalite': 'Soutien à la parentalité',
  'famille--soutien-aux-familles': 'Soutien aux familles',
  'famille--violences-intrafamiliales': 'Violences intrafamiliales',
  'gestion-financiere': 'Gestion financière',
  'gestion-financiere--apprendre-a-gerer-son-budget': 'Apprendre à gérer son budget',
  'gestion-financiere--beneficier-daides-financieres': 'Bénéficier d’aides financières',
  'gestion-financiere--obtenir-une-aide-alimentaire': 'Obtenir une aide alimentaire',
  'gestion-financiere--prevention-et-gestion-du-surendettement': 'Prévention et gestion du surendettement',
  handicap: 'Handicap',
  'handicap--faire-reconnaitre-un-handicap': 'Faire reconnaître un handicap',
  illettrisme: 'Illettrisme',
  'logement-hebergement': 'Logement et hébergement',
  'logement-hebergement--etre-accompagne-pour-se-loger': 'Être accompagné(e) pour se loger',
  'logement-hebergement--mal-loges-sans-logis': 'Mal logé ou sans logis',
  'logement-hebergement--probleme-avec-son-logement': 'Problème avec son logement',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  'numerique--acceder-a-du-materiel': 'Accéder à du matériel',
  'numerique--acceder-a-une-connexion-internet': 'Accéder à une connexion internet',
  'numerique--accompagner-les-demarches-de-sante': 'Accompagner les démarches de santé',
  'numerique--approfondir-ma-culture-numerique': 'Approfondir ma culture numérique',
  'numerique--creer-avec-le-numerique': 'Créer avec le numérique',
  'numerique--creer-et-developper-mon-entreprise': 'Créer et développer mon entreprise',
  'numerique--devenir-autonome-dans-les-demarches-administratives': 'Devenir autonome dans les démarches administratives',
  'numerique--favoriser-mon-insertion-professionnelle': 'Favoriser mon insertion professionnelle',
  'numerique--prendre-en-main-un-ordinateur': 'Prendre en main un ordinateur',
  'numerique--prendre-en-main-un-smartphone-ou-une-tablette': 'Prendre en main un smartphone ou une tablette',
  'numerique--promouvoir-la-citoyennete-numerique': 'Promouvoir la citoyenneté numérique',
  'numerique--realiser-des-demarches-administratives-avec-un-accompagnement': 'Réaliser des démarches administratives avec un accompagnement',
  'numerique--s-equiper-en-materiel-informatique': 'S’équiper en matériel informatique',
  'numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique': 'Soutenir la parentalité et l’éducation avec le numérique',
  'numerique--utiliser-le-numerique-au-quotidien': 'Utiliser le numérique au quotidien',
  'preparer-sa-candidature': 'Préparer sa candidature',
  remobilisation: 'Remobilisation',
  sante: 'Santé',
  'sante--acces-aux-soins': 'Accès aux soins',
  'sante--obtenir-la-prise-en-charge-de-frais-medicaux': 'Obtenir la prise en charge de frais médicaux',
  'se-former': 'Se former',
  'trouver-un-emploi': 'Trouver un emploi',
};

const PUBLICS: Readonly<Record<string, string>> = {
  'tous-publics': 'Tous publics',
  actifs: 'Personnes qui travaillent',
  'beneficiaires-des-minimas-sociaux': 'Bénéficiaires des minima sociaux',
  'demandeurs-emploi': 'Demandeurs d’emploi',
  etudiants: 'Étudiants',
  familles: 'Familles',
  femmes: 'Femmes',
  jeunes: 'Jeunes',
  'personnes-en-situation-de-handicap': 'Personnes en situation de handicap',
  'personnes-en-situation-durgence': 'Personnes en situation d’urgence',
  'personnes-en-situation-juridique-specifique': 'Personnes en situation juridique spécifique',
  'personnes-exilees': 'Personnes exilées',
  'residents-qpv-frr': 'Habitants des quartiers prioritaires ou des zones rurales revitalisées',
  seniors: 'Seniors',
};

const FEES: Readonly<Record<string, string>> = {
  gratuit: 'Gratuit',
  'gratuit-sous-conditions': 'Gratuit sous conditions',
  payant: 'Payant',
  adhesion: 'Adhésion demandée',
  'pass-numerique': 'Accepte le Pass numérique',
};

const RECEPTION_MODES: Readonly<Record<string, string>> = {
  'en-presentiel': 'Sur place',
  'a-distance': 'À distance (téléphone ou internet)',
};

const MOBILISATION_MODES: Readonly<Record<string, string>> = {
  'envoyer-un-courriel': 'Envoyer un courriel',
  'se-presenter': 'Se présenter sur place',
  telephoner: 'Téléphoner',
  'utiliser-lien-mobilisation': 'Faire la demande en ligne',
};

const MOBILISABLE_BY: Readonly<Record<string, string>> = {
  usagers: 'la personne elle-même',
  professionnels: 'un professionnel qui l’accompagne',
};

/** A slug that no label covers, made readable: « famille--garde-d-enfants » → « Garde d enfants ». */
function fromSlug(slug: string): string {
  const last = slug.split('--').at(-1) ?? slug;
  const words = last.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const labeller = (table: Readonly<Record<string, string>>) => (slug: string) => table[slug] ?? fromSlug(slug);

// The data·inclusion v1 thematiques the edit forms offer (data-inclusion.ts), then the older ones above.
export const themeLabel = labeller({ ...Object.fromEntries(V1_THEMES.map((t) => [t.value, t.label])), ...THEMES });
export const publicLabel = labeller(PUBLICS);
export const feeLabel = labeller(FEES);
export const receptionModeLabel = labeller(RECEPTION_MODES);
export const mobilisationModeLabel = labeller(MOBILISATION_MODES);
export const mobilisableByLabel = labeller(MOBILISABLE_BY);
