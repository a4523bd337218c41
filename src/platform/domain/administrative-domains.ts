// The administrative domains of online procedures (the ten of Aidants Connect): the scopes of a mandate, the
// domain a procedure belongs to, and the first themes of an accompaniment record.
export const ADMINISTRATIVE_DOMAINS = {
  papiers: 'Papiers : citoyenneté, identité, étrangers en France',
  famille: 'Famille : allocations familiales, naissance, scolarité',
  social: 'Social : aides sociales, santé, handicap, retraite',
  travail: 'Travail : emploi, chômage, formation',
  logement: 'Logement : aides au logement, location, achat',
  transports: 'Transports : permis, carte grise, transports en commun',
  argent: 'Argent : impôts, consommation, banque',
  justice: 'Justice : casier, victimes, litiges',
  etranger: 'Étranger : séjour, nationalité, travail des étrangers',
  loisirs: 'Loisirs : sports, culture, associations',
} as const;
export type AdministrativeDomain = keyof typeof ADMINISTRATIVE_DOMAINS;
export const ADMINISTRATIVE_DOMAIN_KEYS = Object.keys(ADMINISTRATIVE_DOMAINS) as [AdministrativeDomain, ...AdministrativeDomain[]];
export const isAdministrativeDomain = (v: string): v is AdministrativeDomain => Object.hasOwn(ADMINISTRATIVE_DOMAINS, v);
