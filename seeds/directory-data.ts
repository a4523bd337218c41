// Vocabularies and templates the demo directory is built from: what each kind of place offers, its hours, how
// it is named, and the social structures of the « annuaire social » (food aid, housing, employment, health…).
// Everything here is invented but shaped like the real thing; the values of the enumerations are those of
// schema « lieux de médiation numérique » v1.0.2 and of data·inclusion v1.
import type { STRUCTURE_KINDS } from '../src/modules/directory/db/directory.table.ts';

export type StructureKind = (typeof STRUCTURE_KINDS)[number];

// Schema v1.0.2 `services`.
export const S = {
  demarches: 'Aide aux démarches administratives',
  outils: 'Maîtrise des outils numériques du quotidien',
  acces: 'Accès internet et matériel informatique',
  emploi: 'Insertion professionnelle via le numérique',
  securite: 'Utilisation sécurisée du numérique',
  parents: 'Parentalité et éducation avec le numérique',
  loisirs: 'Loisirs et créations numériques',
  comprendre: 'Compréhension du monde numérique',
  materiel: 'Acquisition de matériel informatique à prix solidaire',
} as const;

// data·inclusion v1 themes of a place's digital-help service, from its schema v1.0.2 services.
export const THEMES_OF_SERVICE: Record<string, string[]> = {
  [S.demarches]: ['numerique--acceder-a-des-services-en-ligne', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
  [S.outils]: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  [S.acces]: ['numerique--acceder-a-une-connexion-internet'],
  [S.emploi]: ['numerique--maitriser-les-fondamentaux-du-numerique', 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'],
  [S.securite]: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  [S.parents]: ['numerique--maitriser-les-fondamentaux-du-numerique', 'famille--soutien-a-la-parentalite-et-a-leducation'],
  [S.loisirs]: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  [S.comprendre]: ['numerique--maitriser-les-fondamentaux-du-numerique'],
  [S.materiel]: ['numerique--acquerir-un-equipement'],
};

/** Opening hours in the OSM subset the parser reads; « PH off » is added to some at random. */
export const HOURS = {
  office: [
    'Mo-Fr 08:30-12:30,13:30-17:30',
    'Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00',
    'Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 09:00-12:00',
    'Mo-Fr 09:00-12:30,13:30-17:00',
    'Mo 13:30-17:30; Tu-Fr 08:30-12:00,13:30-17:30',
  ],
  officeSaturday: ['Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00', 'Tu-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00'],
  library: [
    'Tu 14:00-18:00; We 10:00-12:30,14:00-18:00; Fr 14:00-18:00; Sa 10:00-17:00',
    'Tu,Th 16:00-18:30; We 10:00-12:00,14:00-18:00; Sa 10:00-12:00,14:00-17:00',
    'We 10:00-12:00,14:00-18:00; Fr 16:00-19:00; Sa 10:00-12:30; Su 10:00-12:00',
    'Tu-Fr 13:00-19:00; Sa 10:00-18:00',
    'Tu 16:30-18:30; We 10:00-12:00,14:00-18:00; Sa 10:00-12:30',
  ],
  epn: ['Mo-Fr 09:00-12:00,14:00-18:00', 'Tu-Sa 10:00-12:00,14:00-18:00', 'Mo 14:00-17:00; We 09:00-12:00,14:00-17:00; Fr 09:00-12:00', 'Tu,Th 14:00-18:00; We 09:30-12:00; Sa 09:30-12:30'],
  social: ['Mo-Fr 09:00-12:00,13:30-18:30', 'Mo-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00', 'Mo 14:00-18:00; Tu-Fr 09:00-12:00,14:00-18:00'],
  association: ['Tu,Th 14:00-17:00', 'We 09:30-12:00', 'Mo,We,Fr 14:00-17:30', 'Sa 09:00-12:00', 'Th 09:00-12:00,14:00-16:00', 'Tu 09:00-12:00; Sa 10:00-12:00'],
  thirdPlace: ['Mo-Fr 09:00-18:00', 'Tu-Sa 10:00-19:00', 'We-Sa 10:00-18:00', 'Mo-Fr 09:00-19:00; Sa 10:00-13:00'],
} as const;
export type HoursPool = keyof typeof HOURS;

export interface PlaceKindSpec {
  kind: StructureKind;
  /** data·inclusion structure typologies. */
  typologies: string[];
  /** How many places of this kind, per département (about 450 in all with the social centres). */
  count: number;
  names: Array<(commune: string) => string>;
  /** Names used in a city with districts. */
  quarterNames: Array<(quarter: string, commune: string) => string>;
  always: string[];
  sometimes: string[];
  programs: Array<[program: string, chance: number]>;
  passNumerique: number;
  hours: HoursPool[];
  support: string[][];
  summary: (commune: string) => string;
  networks: string[];
  /** Share of places of this kind whose own structure is an association (RNA instead of SIRET). */
  association?: boolean;
}

export const PLACE_KINDS: PlaceKindSpec[] = [
  {
    kind: 'france_services',
    typologies: ['RFS'],
    count: 24,
    names: [(c) => `France Services de ${c}`, (c) => `Espace France Services ${c}`],
    quarterNames: [(q, c) => `France Services ${c} ${q}`],
    always: [S.demarches],
    sometimes: [S.acces, S.outils, S.securite],
    programs: [
      ['France Services', 1],
      ['Aidants Connect', 0.6],
      ['Conseillers numériques', 0.5],
    ],
    passNumerique: 0.2,
    hours: ['office', 'officeSaturday'],
    support: [['Accompagnement individuel'], ['Accompagnement individuel', 'En autonomie']],
    summary: (c) => `Un guichet unique à ${c} pour vos démarches : CAF, impôts, retraite, santé, papiers d’identité, emploi. Des agents formés vous accompagnent, sur place ou par téléphone.`,
    networks: ['france-service'],
  },
  {
    kind: 'mediatheque',
    typologies: ['BIB'],
    count: 115,
    names: [(c) => `Médiathèque de ${c}`, (c) => `Bibliothèque municipale de ${c}`, (c) => `Médiathèque intercommunale de ${c}`],
    quarterNames: [(q) => `Bibliothèque ${q}`, (q) => `Médiathèque ${q}`],
    always: [S.acces],
    sometimes: [S.outils, S.loisirs, S.comprendre, S.parents, S.securite],
    programs: [
      ['Conseillers numériques', 0.3],
      ['Bibliothèques numérique de référence', 0.05],
    ],
    passNumerique: 0.25,
    hours: ['library'],
    support: [['En autonomie'], ['En autonomie', 'Dans un atelier collectif'], ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif']],
    summary: (c) => `Ordinateurs et wifi en libre accès à la médiathèque de ${c}, ateliers numériques pour débuter ou se perfectionner, aide ponctuelle des bibliothécaires.`,
    networks: ['communes'],
  },
  {
    kind: 'ccas',
    typologies: ['CCAS'],
    count: 70,
    names: [(c) => `CCAS de ${c}`],
    quarterNames: [(q, c) => `CCAS de ${c} – antenne ${q}`],
    always: [S.demarches],
    sometimes: [S.acces, S.outils],
    programs: [['Aidants Connect', 0.4]],
    passNumerique: 0.35,
    hours: ['office'],
    support: [['Accompagnement individuel']],
    summary: (c) => `Le centre communal d’action sociale de ${c} vous aide pour vos démarches en ligne (RSA, prime d’activité, logement, santé) et vous oriente vers les bons interlocuteurs.`,
    networks: ['ccas-cias'],
  },
  {
    kind: 'centre_social',
    typologies: ['CS'],
    count: 50,
    names: [(c) => `Centre social de ${c}`, (c) => `Centre socioculturel de ${c}`, (c) => `Maison des habitants de ${c}`],
    quarterNames: [(q) => `Centre social ${q}`, (q) => `Maison de quartier ${q}`],
    always: [S.outils],
    sometimes: [S.demarches, S.parents, S.acces, S.securite],
    programs: [
      ['Conseillers numériques', 0.4],
      ['Aidants Connect', 0.2],
      ['Promeneurs du net', 0.1],
    ],
    passNumerique: 0.45,
    hours: ['social'],
    support: [['Accompagnement individuel', 'Dans un atelier collectif'], ['Dans un atelier collectif']],
    summary: (c) => `Ateliers numériques en petit groupe, permanences d’aide aux démarches et accompagnement des familles au centre social de ${c}.`,
    networks: ['fcsf'],
  },
  {
    kind: 'epn',
    typologies: ['EPN'],
    count: 55,
    names: [(c) => `Espace public numérique de ${c}`, (c) => `Cyber-base de ${c}`, (c) => `Point numérique de ${c}`],
    quarterNames: [(q) => `Espace public numérique ${q}`, (q) => `Cyber-espace ${q}`],
    always: [S.outils, S.acces],
    sometimes: [S.securite, S.emploi, S.loisirs, S.comprendre, S.demarches],
    programs: [
      ['Conseillers numériques', 0.6],
      ['Certification PIX', 0.2],
      ['Aidants Connect', 0.2],
    ],
    passNumerique: 0.5,
    hours: ['epn'],
    support: [['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif'], ['Dans un atelier collectif', 'En autonomie']],
    summary: (c) => `À ${c}, des ordinateurs en accès libre et des ateliers pour apprendre : utiliser sa messagerie, ranger ses photos, faire ses démarches, éviter les arnaques.`,
    networks: ['espaces-publics-numeriques'],
  },
  {
    kind: 'association',
    typologies: ['ASSO'],
    count: 74,
    names: [
      (c) => `Coup de pouce numérique ${c}`,
      (c) => `Emmaüs Connect – permanence de ${c}`,
      (c) => `Familles rurales de ${c}`,
      (c) => `Secours populaire – comité de ${c}`,
      (c) => `Les Clics solidaires de ${c}`,
      (c) => `Génération numérique ${c}`,
      (c) => `Entraide informatique de ${c}`,
    ],
    quarterNames: [(q, c) => `Association numérique ${q} (${c})`, (q) => `Les Clics solidaires ${q}`],
    always: [S.outils],
    sometimes: [S.demarches, S.materiel, S.securite, S.acces, S.emploi],
    programs: [
      ['Conseillers numériques', 0.3],
      ['Emmaüs Connect', 0.1],
    ],
    passNumerique: 0.5,
    hours: ['association'],
    support: [['Accompagnement individuel'], ['Dans un atelier collectif'], ['Accompagnement individuel', 'À distance']],
    summary: (c) => `Des bénévoles vous reçoivent à ${c} pour apprendre à utiliser un ordinateur, un téléphone ou une tablette, à votre rythme et sans jugement.`,
    networks: [],
    association: true,
  },
  {
    kind: 'tiers_lieu',
    typologies: ['TIERS_LIEUX'],
    count: 30,
    names: [(c) => `Tiers-lieu La Fabrique de ${c}`, (c) => `La Ruche numérique de ${c}`, (c) => `Fablab de ${c}`, (c) => `Le Repaire – ${c}`],
    quarterNames: [(q) => `Tiers-lieu ${q}`, (q) => `Fablab ${q}`],
    always: [S.loisirs],
    sometimes: [S.comprendre, S.emploi, S.outils, S.acces, S.materiel],
    programs: [['Conseillers numériques', 0.3]],
    passNumerique: 0.2,
    hours: ['thirdPlace'],
    support: [['En autonomie', 'Dans un atelier collectif'], ['Dans un atelier collectif']],
    summary: (c) => `Un lieu ouvert à ${c} pour créer, réparer et apprendre ensemble : impression 3D, montage vidéo, ateliers de découverte et espace de travail partagé.`,
    networks: ['fabrique-de-territoire'],
    association: true,
  },
  {
    kind: 'commune',
    typologies: ['MUNI'],
    count: 14,
    names: [(c) => `Mairie de ${c}`],
    quarterNames: [(q, c) => `Mairie de quartier ${q} (${c})`],
    always: [S.demarches, S.acces],
    sometimes: [S.outils],
    programs: [],
    passNumerique: 0,
    hours: ['office', 'officeSaturday'],
    support: [['En autonomie'], ['En autonomie', 'Accompagnement individuel']],
    summary: (c) => `Un ordinateur en libre accès à l’accueil de la mairie de ${c} pour vos démarches en ligne, avec l’aide d’un agent si besoin.`,
    networks: ['communes'],
  },
];

/** Buses and vans that visit several villages: « itinérant » places. */
export const ITINERANT_NAMES = [(c: string) => `Bus numérique du pays de ${c}`, (c: string) => `Camion France Services du pays de ${c}`];

export const QUARTERS: Record<string, string[]> = {
  // Rennes's twelve official districts, some split as people name them.
  '35238': [
    'Centre',
    'Thabor',
    'Bourg-l’Évêque',
    'Saint-Martin',
    'Maurepas',
    'Jeanne-d’Arc',
    'Longs-Champs',
    'Beaulieu',
    'Francisco-Ferrer',
    'Sud-Gare',
    'Cleunay',
    'Arsenal-Redon',
    'La Courrouze',
    'Villejean',
    'Beauregard',
    'Le Blosne',
    'Bréquigny',
  ],
  '13055': [
    'Belsunce',
    'Noailles',
    'La Joliette',
    'Le Panier',
    'Saint-Lazare',
    'La Belle de Mai',
    'Saint-Mauront',
    'Les Chartreux',
    'La Blancarde',
    'Castellane',
    'Vauban',
    'Sainte-Marguerite',
    'Mazargues',
    'La Timone',
    'Saint-Barnabé',
    'Saint-Just',
    'Le Merlan',
    'Sainte-Marthe',
    'La Viste',
    'Saint-Antoine',
    'L’Estaque',
    'Saint-Henri',
    'Les Aygalades',
    'Frais-Vallon',
    'La Rose',
    'Château-Gombert',
  ],
  '13001': ['Centre', 'Jas de Bouffan', 'Encagnane', 'Les Milles', 'Luynes', 'Puyricard', 'La Duranne', 'Pont de l’Arc', 'Val Saint-André', 'Corsy'],
};

/** Where the town centre is by the sea: listings are spread inland (a unit direction: [north, east]). */
export const INLAND: Record<string, [number, number]> = {
  '13055': [0.3, 1],
  '35288': [-1, 0.6],
  '35093': [-1, 0.2],
  '35049': [-0.4, -1],
  '13028': [1, 0.3],
  '13039': [0.6, 0.4],
  '13077': [1, 0.1],
};

/** Spread of listings around a town centre, in km. */
export const SPREAD_KM: Record<string, number> = { '35238': 3.5, '13055': 6, '13001': 3, '35288': 2 };

export const STREETS = [
  'rue de la Mairie',
  'place de l’Église',
  'rue du Général-de-Gaulle',
  'avenue Jean-Jaurès',
  'rue Victor-Hugo',
  'place de la République',
  'rue de la Gare',
  'boulevard Gambetta',
  'rue Pasteur',
  'rue des Écoles',
  'rue Jules-Ferry',
  'allée des Tilleuls',
  'rue du Stade',
  'place du Marché',
  'rue Nationale',
  'rue Anatole-France',
  'rue Jean-Moulin',
  'avenue de la Libération',
  'rue des Lilas',
  'rue du Moulin',
  'impasse des Acacias',
  'rue Louise-Michel',
  'rue Simone-Veil',
  'chemin des Vignes',
];

export interface ServiceSpec {
  name: string;
  summary: string;
  themes: string[];
  publics?: string[];
  fees?: 'gratuit' | 'payant';
  feesDetail?: string;
  reception?: string[];
  mobilisation?: string[];
  by?: string[];
  conditions?: string;
}

export interface SocialTemplate {
  kind: StructureKind;
  name: (commune: string) => string;
  networks: string[];
  /** Only in communes of at least this many inhabitants. */
  minPopulation?: number;
  /** Zone of the services: the commune, its EPCI, or the whole département. */
  zone: 'commune' | 'epci' | 'departement';
  services: ServiceSpec[];
}

const food: ServiceSpec = {
  name: 'Aide alimentaire',
  summary: 'Distribution de colis alimentaires et de produits d’hygiène, sur orientation d’un travailleur social ou après un premier entretien.',
  themes: ['equipement-et-alimentation--alimentation'],
  publics: ['beneficiaires-des-minimas-sociaux', 'familles', 'personnes-en-situation-durgence'],
  conditions: 'Sur justificatif de ressources.',
};
const clothes: ServiceSpec = {
  name: 'Vestiaire solidaire',
  summary: 'Vêtements pour enfants et adultes à petit prix, ouverts à tous.',
  themes: ['equipement-et-alimentation--habillement'],
  fees: 'payant',
  feesDetail: 'Participation symbolique de 1 à 5 €.',
};
const rights: ServiceSpec = {
  name: 'Accès aux droits',
  summary: 'Un conseiller fait le point sur vos droits (RSA, prime d’activité, aides au logement, complémentaire santé) et vous aide à constituer les dossiers.',
  themes: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
  by: ['usagers', 'professionnels'],
};
const budget: ServiceSpec = {
  name: 'Conseil budgétaire',
  summary: 'Un accompagnement confidentiel et gratuit pour faire le point sur votre budget, prévenir les impayés ou préparer un dossier de surendettement.',
  themes: ['difficultes-financieres--ameliorer-sa-gestion-budgetaire', 'difficultes-financieres--situation-dendettement-surendettement'],
};
const jobs: ServiceSpec = {
  name: 'Accompagnement vers l’emploi',
  summary: 'Rendez-vous individuels pour construire un projet, préparer un CV et des entretiens, trouver une formation.',
  themes: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation', 'trouver-un-emploi--repondre-a-des-offres-demploi', 'se-former--trouver-sa-formation'],
  publics: ['demandeurs-emploi'],
  by: ['usagers', 'professionnels'],
};
const youthJobs: ServiceSpec = { ...jobs, name: 'Accompagnement des 16-25 ans', publics: ['jeunes'], summary: 'Emploi, formation, logement, santé, mobilité : un conseiller suit les jeunes de 16 à 25 ans sortis de l’école.' };
const social: ServiceSpec = {
  name: 'Lien social et activités',
  summary: 'Rencontres, sorties, ateliers cuisine et jeux pour rompre l’isolement, ouverts à tous les habitants.',
  themes: ['remobilisation--lien-social', 'remobilisation--activites-sportives-et-culturelles'],
  fees: 'payant',
  feesDetail: 'Adhésion annuelle de 5 à 15 € selon les ressources.',
};

export const SOCIAL_TEMPLATES: SocialTemplate[] = [
  { kind: 'association', name: (c) => `Restos du Cœur – centre de ${c}`, networks: ['restos-du-coeur'], minPopulation: 3000, zone: 'commune', services: [food] },
  { kind: 'association', name: (c) => `Secours populaire – comité de ${c}`, networks: ['secours-populaire'], minPopulation: 2000, zone: 'commune', services: [food, clothes] },
  { kind: 'association', name: (c) => `Secours catholique – équipe de ${c}`, networks: [], minPopulation: 1500, zone: 'commune', services: [social, food] },
  { kind: 'association', name: (c) => `Croix-Rouge – unité locale de ${c}`, networks: ['croix-rouge'], minPopulation: 4000, zone: 'epci', services: [clothes, food] },
  { kind: 'association', name: (c) => `Épicerie solidaire de ${c}`, networks: [], minPopulation: 1500, zone: 'commune', services: [{ ...food, name: 'Épicerie solidaire', fees: 'payant', feesDetail: '10 à 30 % du prix en magasin.' }] },
  {
    kind: 'association',
    name: (c) => `ADMR de ${c}`,
    networks: [],
    zone: 'epci',
    services: [
      {
        name: 'Aide à domicile',
        summary: 'Ménage, courses, aide à la toilette et portage de repas pour les personnes âgées ou en situation de handicap.',
        themes: ['equipement-et-alimentation--aide-menagere', 'famille--prise-en-charge-personne-dependante'],
        publics: ['seniors', 'personnes-en-situation-de-handicap'],
        fees: 'payant',
        feesDetail: 'Selon vos ressources ; prise en charge possible par l’APA ou la caisse de retraite.',
      },
    ],
  },
  {
    kind: 'association',
    name: (c) => `Familles rurales de ${c}`,
    networks: [],
    zone: 'commune',
    services: [
      {
        name: 'Accueil de loisirs et soutien aux parents',
        summary: 'Accueil des enfants le mercredi et pendant les vacances, cafés des parents et ateliers en famille.',
        themes: ['famille--garde-denfants', 'famille--soutien-a-la-parentalite-et-a-leducation'],
        publics: ['familles'],
        fees: 'payant',
        feesDetail: 'Tarifs selon le quotient familial.',
      },
    ],
  },
  { kind: 'association', name: (c) => `Club de l’amitié de ${c}`, networks: [], zone: 'commune', services: [{ ...social, name: 'Rencontres des aînés', publics: ['seniors'] }] },
  {
    kind: 'association',
    name: (c) => `Atelier vélo solidaire de ${c}`,
    networks: [],
    minPopulation: 5000,
    zone: 'commune',
    services: [
      {
        name: 'Réparer son vélo',
        summary: 'Outils et conseils pour réparer soi-même son vélo ; vélos d’occasion remis en état à petit prix.',
        themes: ['mobilite--entretenir-reparer-son-vehicule', 'mobilite--mobilite-douce-partagee-collective'],
        fees: 'payant',
        feesDetail: 'Adhésion de 10 €.',
      },
    ],
  },
  {
    kind: 'association',
    name: (c) => `Garage solidaire de ${c}`,
    networks: [],
    minPopulation: 8000,
    zone: 'epci',
    services: [
      {
        name: 'Réparation et location de véhicules',
        summary: 'Réparations à prix coûtant et location de voitures ou de scooters pour se rendre au travail ou en formation.',
        themes: ['mobilite--entretenir-reparer-son-vehicule', 'mobilite--acceder-a-un-vehicule'],
        publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'],
        fees: 'payant',
        by: ['professionnels'],
        conditions: 'Sur orientation d’un conseiller emploi ou d’un travailleur social.',
      },
    ],
  },
  {
    kind: 'association',
    name: (c) => `Auto-école sociale de ${c}`,
    networks: [],
    minPopulation: 10000,
    zone: 'epci',
    services: [{ name: 'Permis de conduire accompagné', summary: 'Code et conduite avec un accompagnement renforcé, pour les personnes en insertion.', themes: ['mobilite--preparer-un-permis'], fees: 'payant', by: ['professionnels'] }],
  },
  {
    kind: 'association',
    name: (c) => `Ressourcerie de ${c}`,
    networks: ['ressourceries'],
    minPopulation: 6000,
    zone: 'epci',
    services: [{ name: 'Boutique solidaire', summary: 'Meubles, électroménager et vaisselle d’occasion à petit prix.', themes: ['equipement-et-alimentation--electromenager'], fees: 'payant' }],
  },
  {
    kind: 'association',
    name: (c) => `Lire et écrire à ${c}`,
    networks: [],
    minPopulation: 2500,
    zone: 'commune',
    services: [
      {
        name: 'Ateliers de français',
        summary: 'Apprendre ou réapprendre à lire, écrire et compter, en petits groupes animés par des bénévoles formés.',
        themes: ['lecture-ecriture-calcul--maitriser-le-francais', 'lecture-ecriture-calcul--maitriser-le-calcul'],
        publics: ['personnes-exilees'],
      },
    ],
  },
  { kind: 'autre', name: (c) => `Point conseil budget de ${c}`, networks: ['points-conseil-budget'], minPopulation: 10000, zone: 'epci', services: [budget] },
  {
    kind: 'autre',
    name: (c) => `Point justice de ${c}`,
    networks: ['points-justice'],
    minPopulation: 10000,
    zone: 'epci',
    services: [
      {
        name: 'Permanences juridiques gratuites',
        summary: 'Avocats, conciliateurs et juristes répondent à vos questions : famille, logement, travail, dettes.',
        themes: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire'],
        mobilisation: ['telephoner'],
      },
    ],
  },
  {
    kind: 'association',
    name: (c) => `CIDFF – permanence de ${c}`,
    networks: ['cidff'],
    minPopulation: 8000,
    zone: 'epci',
    services: [
      {
        name: 'Information juridique et violences',
        summary: 'Informations sur vos droits (séparation, pension alimentaire, violences conjugales) et accompagnement des victimes.',
        themes: ['famille--surmonter-conflits-separation-violence'],
        publics: ['femmes', 'familles'],
      },
    ],
  },
  { kind: 'association', name: (c) => `Maison des jeunes et de la culture de ${c}`, networks: ['mjc'], minPopulation: 4000, zone: 'commune', services: [{ ...social, name: 'Activités jeunesse', publics: ['jeunes'] }] },
  {
    kind: 'autre',
    name: (c) => `Point information jeunesse de ${c}`,
    networks: ['reseau-information-jeunesse'],
    minPopulation: 5000,
    zone: 'commune',
    services: [{ ...youthJobs, name: 'Information des jeunes', summary: 'Job d’été, logement, études, santé, mobilité en Europe : un lieu d’information anonyme et gratuit pour les jeunes.' }],
  },
  { kind: 'autre', name: (c) => `Mission locale – antenne de ${c}`, networks: ['mission-locale'], minPopulation: 6000, zone: 'epci', services: [youthJobs] },
  { kind: 'administration', name: (c) => `France Travail – agence de ${c}`, networks: ['france-travail'], minPopulation: 15000, zone: 'epci', services: [jobs] },
  {
    kind: 'association',
    name: (c) => `Chantier d’insertion de ${c}`,
    networks: ['siae'],
    minPopulation: 5000,
    zone: 'epci',
    services: [{ ...jobs, name: 'Contrats d’insertion', summary: 'Un emploi en espaces verts, bâtiment ou recyclage, avec un accompagnement vers un emploi durable.', by: ['professionnels'] }],
  },
  {
    kind: 'association',
    name: (c) => `Foyer de jeunes travailleurs de ${c}`,
    networks: ['residences-fjt'],
    minPopulation: 12000,
    zone: 'departement',
    services: [{ name: 'Logement des jeunes', summary: 'Chambres et studios meublés pour les 16-30 ans en formation ou en emploi.', themes: ['logement-hebergement--louer-un-logement'], publics: ['jeunes', 'etudiants'], fees: 'payant' }],
  },
  {
    kind: 'association',
    name: (c) => `Centre d’hébergement et de réinsertion sociale de ${c}`,
    networks: ['chrs'],
    minPopulation: 20000,
    zone: 'departement',
    services: [
      {
        name: 'Hébergement et accompagnement',
        summary: 'Hébergement temporaire et accompagnement social pour les personnes sans logement.',
        themes: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
        publics: ['personnes-en-situation-durgence'],
        by: ['professionnels'],
        conditions: 'Sur orientation du SIAO (appeler le 115).',
      },
    ],
  },
  {
    kind: 'association',
    name: (c) => `Accueil de jour de ${c}`,
    networks: ['federation-des-acteurs-de-la-solidarite'],
    minPopulation: 15000,
    zone: 'commune',
    services: [
      {
        name: 'Accueil de jour',
        summary: 'Café, douches, laverie, domiciliation et écoute pour les personnes à la rue ou mal logées.',
        themes: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire', 'equipement-et-alimentation--alimentation'],
        publics: ['personnes-en-situation-durgence'],
      },
    ],
  },
  {
    kind: 'autre',
    name: (c) => `Centre médico-psychologique de ${c}`,
    networks: ['cmp'],
    minPopulation: 8000,
    zone: 'epci',
    services: [{ name: 'Consultations en santé mentale', summary: 'Psychiatres, psychologues et infirmiers reçoivent adultes et enfants, sans avance de frais.', themes: ['sante--sante-mentale'], mobilisation: ['telephoner'] }],
  },
  {
    kind: 'autre',
    name: (c) => `Centre de santé de ${c}`,
    networks: [],
    minPopulation: 6000,
    zone: 'commune',
    services: [{ name: 'Consultations médicales', summary: 'Médecins généralistes et infirmiers, tiers payant, aide pour ouvrir ses droits à l’assurance maladie.', themes: ['sante--acces-aux-soins'], fees: 'payant', feesDetail: 'Tiers payant intégral.' }],
  },
  {
    kind: 'commune',
    name: (c) => `Relais petite enfance de ${c}`,
    networks: ['communes'],
    minPopulation: 2000,
    zone: 'epci',
    services: [{ name: 'Trouver un mode de garde', summary: 'Information des parents sur les assistantes maternelles et les crèches, aide aux démarches d’employeur.', themes: ['famille--garde-denfants'], publics: ['familles'] }],
  },
  { kind: 'centre_social', name: (c) => `Espace de vie sociale de ${c}`, networks: ['fcsf'], minPopulation: 1200, zone: 'commune', services: [social] },
  {
    kind: 'association',
    name: (c) => `Aidants de ${c}`,
    networks: [],
    minPopulation: 3000,
    zone: 'epci',
    services: [{ name: 'Soutien aux proches aidants', summary: 'Groupes de parole, formation et solutions de répit pour les proches d’une personne âgée ou malade.', themes: ['famille--soutien-aidants'], publics: ['seniors'] }],
  },
  {
    kind: 'autre',
    name: (c) => `Agence départementale d’information sur le logement – ${c}`,
    networks: [],
    minPopulation: 20000,
    zone: 'departement',
    services: [
      {
        name: 'Conseil logement',
        summary: 'Juristes et conseillers répondent à vos questions sur la location, les impayés, l’achat et les travaux.',
        themes: ['logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement', 'logement-hebergement--reduire-les-impayes-de-loyer'],
        reception: ['en-presentiel', 'a-distance'],
      },
    ],
  },
];

/** Every commune has its town hall and, above 1,500 inhabitants, its CCAS in the annuaire social. */
export const TOWN_HALL: SocialTemplate = {
  kind: 'commune',
  name: (c) => `Mairie de ${c}`,
  networks: ['communes'],
  zone: 'commune',
  services: [
    {
      name: 'Accueil et état civil',
      summary: 'Accueil des habitants, état civil, inscription sur les listes électorales, aide pour les premières démarches.',
      themes: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
    },
  ],
};
export const CCAS: SocialTemplate = {
  kind: 'ccas',
  name: (c) => `CCAS de ${c}`,
  networks: ['ccas-cias'],
  minPopulation: 1500,
  zone: 'commune',
  services: [rights, { ...food, name: 'Aides d’urgence', summary: 'Bons alimentaires, aide aux factures d’énergie et secours financiers après une évaluation avec un travailleur social.' }],
};
