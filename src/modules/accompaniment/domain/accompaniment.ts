// The words of the « accueil numérique » record: where the help happened, how much the helper did (from a pointer
// to doing it for the person), what it was about, with what equipment, and how it ended. Pure data and checks.

export const PLACES = {
  reception_desk: 'À l’accueil',
  interview_room: 'En bureau d’entretien',
  drop_in: 'En permanence',
  outside: 'Hors les murs, visite',
  remote: 'À distance (téléphone, visio)',
} as const;

/** From the least to the most done for the person; « faire avec » is preferred to build autonomy. */
export const LEVELS = {
  autonome: 'Autonome : la personne a fait seule, avec une indication',
  coup_de_pouce: 'Coup de pouce : une aide ponctuelle qui rassure',
  faire_avec: 'Faire avec : la personne fait, accompagnée pas à pas',
  faire_a_la_place: 'Faire à la place : l’aidant fait pour la personne (mandat nécessaire)',
} as const;

/** Administrative domains (the mandate scopes) then digital skills. */
export const THEMES = {
  papiers: 'Papiers (identité, titre de séjour, permis)',
  famille: 'Famille (CAF, scolarité, garde)',
  social: 'Aides sociales (RSA, APL, prime d’activité)',
  travail: 'Travail (France Travail, contrats)',
  logement: 'Logement',
  transports: 'Transports',
  argent: 'Argent (impôts, banque, budget)',
  justice: 'Justice',
  etranger: 'Droits des étrangers',
  loisirs: 'Loisirs',
  appareil: 'Se servir d’un ordinateur, d’une tablette, d’un téléphone',
  courriel: 'Messagerie électronique',
  securite: 'Sécurité en ligne (arnaques, mots de passe)',
  sante: 'Santé en ligne (Ameli, Doctolib)',
  ecole: 'École en ligne (ENT, Pronote)',
  emploi: 'Chercher un emploi en ligne',
} as const;

export const EQUIPMENT = {
  poste_lieu: 'Ordinateur du lieu',
  tablette: 'Tablette du lieu',
  telephone_personne: 'Téléphone de la personne',
  ordinateur_personne: 'Ordinateur de la personne',
  imprimante: 'Imprimante ou scanner',
} as const;

export const OUTCOMES = {
  done: 'Démarche aboutie',
  finish_alone: 'La personne terminera seule',
  come_back: 'La personne doit revenir',
  referred: 'Orientée ailleurs',
} as const;

export const DURATION_PRESETS = [5, 10, 15, 30, 45, 60] as const;

export type Place = keyof typeof PLACES;
export type Level = keyof typeof LEVELS;
export type Theme = keyof typeof THEMES;
export type Equipment = keyof typeof EQUIPMENT;
export type Outcome = keyof typeof OUTCOMES;

/** Duration bands of the statistics. */
export const DURATION_BANDS = [
  { max: 10, label: '10 minutes ou moins' },
  { max: 30, label: '11 à 30 minutes' },
  { max: 60, label: '31 à 60 minutes' },
  { max: Infinity, label: 'Plus d’une heure' },
] as const;

export function durationBand(minutes: number): string {
  return DURATION_BANDS.find((b) => minutes <= b.max)!.label;
}

/** Age bands counted (anonymously) at a collective session. */
export const AGE_BANDS = {
  under18: 'Moins de 18 ans',
  from18to25: '18 à 25 ans',
  from26to59: '26 à 59 ans',
  over60: '60 ans et plus',
} as const;

const inList = <T extends string>(list: Record<T, string>, v: string): v is T => Object.hasOwn(list, v);
export const isPlace = (v: string): v is Place => inList(PLACES, v);
export const isLevel = (v: string): v is Level => inList(LEVELS, v);
export const isTheme = (v: string): v is Theme => inList(THEMES, v);
export const isEquipment = (v: string): v is Equipment => inList(EQUIPMENT, v);
export const isOutcome = (v: string): v is Outcome => inList(OUTCOMES, v);
