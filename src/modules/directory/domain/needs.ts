// The words a resident uses for what they need (« besoins »), mapped to the `services` values of schema
// « lieux de médiation numérique » v1.0.2, and the other search criteria in plain French. The slugs appear in
// search addresses (/lieux?besoin=demarches), so they are stable: renaming one breaks links people have kept.
import { PublicSpecifiquementAdresse, Service } from './place.ts';

export interface Need {
  slug: string;
  /** What the person reads, from their point of view. */
  label: string;
  /** The schema v1.0.2 `services` value it stands for. */
  service: `${Service}`;
}

export const NEEDS = [
  { slug: 'demarches', label: 'Faire une démarche en ligne', service: 'Aide aux démarches administratives' },
  { slug: 'outils', label: 'Apprendre à utiliser un ordinateur, un téléphone', service: 'Maîtrise des outils numériques du quotidien' },
  { slug: 'acces', label: 'Accéder à un ordinateur et à internet', service: 'Accès internet et matériel informatique' },
  { slug: 'emploi', label: 'Chercher un emploi ou une formation sur internet', service: 'Insertion professionnelle via le numérique' },
  { slug: 'securite', label: 'Se protéger des arnaques et protéger ses données', service: 'Utilisation sécurisée du numérique' },
  { slug: 'parents', label: 'Accompagner ses enfants sur internet et les écrans', service: 'Parentalité et éducation avec le numérique' },
  { slug: 'loisirs', label: 'Créer et se divertir : photos, vidéos, jeux', service: 'Loisirs et créations numériques' },
  { slug: 'comprendre', label: 'Comprendre le numérique et ses enjeux', service: 'Compréhension du monde numérique' },
  { slug: 'materiel', label: 'Acheter un ordinateur ou un téléphone à petit prix', service: 'Acquisition de matériel informatique à prix solidaire' },
] as const satisfies readonly Need[];

export type NeedSlug = (typeof NEEDS)[number]['slug'];

const bySlug = new Map<string, Need>(NEEDS.map((n) => [n.slug, n]));
const byService = new Map<string, Need>(NEEDS.map((n) => [n.service, n]));

export const needBySlug = (slug: string): Need | undefined => bySlug.get(slug);
/** The plain-French need for a schema `services` value (to show what a place offers). */
export const needForService = (service: string): Need | undefined => byService.get(service);

/** Publics a place may specifically welcome (schema `publics_specifiquement_adresses`). */
export const PUBLICS = [
  { slug: 'jeunes', label: 'Jeunes', value: 'Jeunes' },
  { slug: 'etudiants', label: 'Étudiants', value: 'Étudiants' },
  { slug: 'familles', label: 'Familles et enfants', value: 'Familles et/ou enfants' },
  { slug: 'seniors', label: 'Personnes âgées', value: 'Seniors' },
  { slug: 'femmes', label: 'Femmes', value: 'Femmes' },
] as const satisfies readonly { slug: string; label: string; value: `${PublicSpecifiquementAdresse}` }[];

export type PublicSlug = (typeof PUBLICS)[number]['slug'];

/**
 * Labels that matter to residents. Three are national programmes of the schema; the Pass numérique and the
 * département's own social centres (MDS or CDAS, named by `centreNoun`) are Relais columns.
 */
export const LABELS = [
  { slug: 'france-services', label: 'France Services', program: 'France Services' },
  { slug: 'aidants-connect', label: 'Aidants Connect', program: 'Aidants Connect' },
  { slug: 'conseillers-numeriques', label: 'Conseillers numériques', program: 'Conseillers numériques' },
  { slug: 'pass-numerique', label: 'Accepte le Pass numérique', program: null },
  { slug: 'centre-social-departement', label: 'centre du département', program: null },
] as const;

export type LabelSlug = (typeof LABELS)[number]['slug'];

/** The département's centre label reads « MDS » or « CDAS » depending on the département. */
export function labelText(slug: LabelSlug, centreNoun: string): string {
  if (slug === 'centre-social-departement') return `${centreNoun} du Département`;
  return LABELS.find((l) => l.slug === slug)!.label;
}

export const RADII_KM = [5, 10, 20, 50] as const;
export type RadiusKm = (typeof RADII_KM)[number];
export const DEFAULT_RADIUS_KM: RadiusKm = 20;

/** « à 350 m », « à 1,2 km », « à 14 km »: what a person reads next to a result. */
export function formatDistance(metres: number): string {
  if (metres < 995) return `à ${Math.max(10, Math.round(metres / 10) * 10)} m`;
  const km = metres / 1000;
  if (km < 10) return `à ${km.toFixed(1).replace('.', ',').replace(/,0$/, '')} km`;
  return `à ${Math.round(km)} km`;
}
