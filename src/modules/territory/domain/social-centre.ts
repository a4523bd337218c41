// Social centres: the département's local offices (MDS in Bouches-du-Rhône, CDAS in Ille-et-Vilaine).

export const centreKinds = ['MDS', 'CDAS'] as const;
export type CentreKind = (typeof centreKinds)[number];

export interface SocialCentreInput {
  kind: CentreKind;
  name: string;
  /** The commune where the centre stands. */
  communeInsee: string;
  address: string;
  phone: string | null;
  email: string | null;
  /** OpenStreetMap opening_hours syntax (see opening-hours.ts). */
  openingHours: string | null;
}

export interface SocialCentre extends SocialCentreInput {
  id: string;
  departementCode: string;
  /** Name of the commune where the centre stands. */
  communeName: string;
}

/** Who makes a change, for the audit journal. */
export interface Actor {
  id: string | null;
  label: string;
  ip?: string | null;
  requestId?: string | null;
}

/** An expected refusal, with the field it concerns and the French message to show next to it. */
export interface FieldError {
  field: keyof SocialCentreInput;
  message: string;
}

export const centreKindLabels: Record<CentreKind, string> = {
  MDS: 'Maison départementale des solidarités (MDS)',
  CDAS: 'Centre départemental d’action sociale (CDAS)',
};

/** The kind of centre a département runs (Ille-et-Vilaine has CDAS, Bouches-du-Rhône MDS). */
export function centreKindOf(departementCode: string): CentreKind {
  return departementCode === '35' ? 'CDAS' : 'MDS';
}

/** « mon CDAS » / « ma MDS »: the possessive agrees with the noun (le centre, la maison). */
export function myCentre(kind: CentreKind): string {
  return kind === 'CDAS' ? 'mon CDAS' : 'ma MDS';
}
