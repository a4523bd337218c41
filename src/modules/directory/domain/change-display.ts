// How the département team reads a change of a listing: the types of listing and the French names of their
// fields (the values are written out by web/change-values.ts).

export type ListingType = 'place' | 'service' | 'structure';

export const LISTING_TYPE_LABELS: Record<ListingType, { one: string; many: string }> = {
  place: { one: 'Lieu', many: 'Lieux' },
  service: { one: 'Service', many: 'Services' },
  structure: { one: 'Structure', many: 'Structures' },
};

/** French names of the fields of structures, places and services. */
export const CHANGE_FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  kind: 'Type de structure',
  siret: 'SIRET',
  rna: 'RNA',
  parentId: 'Structure parente',
  description: 'Présentation',
  street: 'Adresse',
  complement: 'Complément d’adresse',
  postcode: 'Code postal',
  communeName: 'Commune',
  communeInsee: 'Code INSEE de la commune',
  latitude: 'Latitude',
  longitude: 'Longitude',
  phone: 'Téléphone',
  email: 'Adresse e-mail',
  emails: 'Adresses e-mail',
  website: 'Site web',
  websites: 'Sites web',
  openingHours: 'Horaires',
  summary: 'Résumé',
  detail: 'Présentation détaillée',
  services: 'Services proposés',
  publics: 'Publics',
  specificSupport: 'Prise en charge spécifique',
  fees: 'Frais',
  feesDetail: 'Précision sur les frais',
  nationalPrograms: 'Dispositifs nationaux',
  labels: 'Formations et labels',
  otherLabels: 'Autres formations et labels',
  accessModes: 'Modalités d’accès',
  supportModes: 'Modalités d’accompagnement',
  itinerance: 'Itinérance',
  parentStructureName: 'Structure porteuse',
  accessibilityUrl: 'Fiche acceslibre',
  appointmentUrl: 'Prise de rendez-vous en ligne',
  acceptsPassNumerique: 'Accepte le Pass numérique',
  socialCentreId: 'Centre social du département',
  updateFrequencyDays: 'Fréquence de mise à jour',
  themes: 'Thématiques',
  publicsDetail: 'Précision sur les publics',
  receptionModes: 'Modes d’accueil',
  mobilisationModes: 'Modes de mobilisation',
  mobilisableBy: 'Qui peut orienter',
  mobilisationDetail: 'Précision sur la mobilisation',
  mobilisationUrl: 'Lien de mobilisation',
  zoneKind: 'Type de zone d’éligibilité',
  zoneCodes: 'Territoires éligibles',
  accessConditions: 'Conditions d’accès',
  placeId: 'Lieu',
  structureId: 'Structure',
  source: 'Source',
  sourceId: 'Identifiant dans la source',
  pivot: 'Identifiant SIRET/RNA',
  status: 'Publication',
  networks: 'Réseaux',
};

export function fieldLabel(field: string): string {
  return CHANGE_FIELD_LABELS[field] ?? field;
}

/** Same value, as the store compares them (JSON of the value, null for nothing). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
