// The « v0 » format of the national cartography of places of digital help (schema 0.x, before v1.0.1 of June
// 2024), still published by many local tools as CSV or JSON: lists joined by « ; », a single `courriel`,
// `publics_accueillis`, `conditions_acces`, `labels_nationaux`/`labels_autres`, `accessibilite`, `cle_ban`, and
// long French values (« Gratuit : Je peux accéder gratuitement au lieu et à ses services »). A v0 row is turned
// into a v1.0.2 row, then checked like any other; every value it cannot map is a fault of the row.
// Field names and values from @gouvfr-anct/lieux-de-mediation-numerique before its v1.0.1 changes.
import type { CsvRecord, FieldError } from './validate-row.ts';

/** Columns only v0 has; a file with some of them and none of v1's own is read as v0. */
const V0_ONLY = ['courriel', 'publics_accueillis', 'conditions_acces', 'labels_nationaux', 'labels_autres', 'accessibilite', 'cle_ban'];
const V1_ONLY = ['courriels', 'dispositif_programmes_nationaux', 'frais_a_charge', 'formations_labels', 'fiche_acces_libre', 'modalites_acces', 'itinerance'];

export type PlaceFileVersion = 'v0' | 'v1';

export function detectVersion(columns: readonly string[]): PlaceFileVersion {
  const has = (names: string[]) => names.some((n) => columns.includes(n));
  return has(V0_ONLY) && !has(V1_ONLY) ? 'v0' : 'v1';
}

/** Columns a v0 file must have (its required fields). */
export const V0_REQUIRED = ['id', 'nom', 'commune', 'code_postal', 'adresse', 'services', 'date_maj'];

// v0 values are matched on their short form (before « : »), case and accents as written, so that both
// « Gratuit » and « Gratuit : Je peux accéder gratuitement au lieu et à ses services » are understood.
const short = (v: string) => v.split(' : ')[0]!.trim().toLowerCase();

const SERVICES: Record<string, string> = {
  'accéder à du matériel': 'Accès internet et matériel informatique',
  'accéder à une connexion internet': 'Accès internet et matériel informatique',
  'accompagner les démarches de santé': 'Aide aux démarches administratives',
  'approfondir ma culture numérique': 'Compréhension du monde numérique',
  'créer avec le numérique': 'Loisirs et créations numériques',
  'créer et développer mon entreprise': 'Insertion professionnelle via le numérique',
  'devenir autonome dans les démarches administratives': 'Aide aux démarches administratives',
  'favoriser mon insertion professionnelle': 'Insertion professionnelle via le numérique',
  'prendre en main un ordinateur': 'Maîtrise des outils numériques du quotidien',
  'prendre en main un smartphone ou une tablette': 'Maîtrise des outils numériques du quotidien',
  'promouvoir la citoyenneté numérique': 'Compréhension du monde numérique',
  'réaliser des démarches administratives avec un accompagnement': 'Aide aux démarches administratives',
  'utiliser le numérique au quotidien': 'Maîtrise des outils numériques du quotidien',
};

// v0 mixed who is welcome (publics) and which support is offered (prise en charge); « Adultes » is everyone.
const PUBLICS: Record<string, { publics?: string; support?: string } | null> = {
  adultes: null,
  'déficience visuelle': { support: 'Déficience visuelle' },
  'familles/enfants': { publics: 'Familles et/ou enfants' },
  'handicaps psychiques': { support: 'Handicaps mentaux' },
  'jeunes (16-26 ans)': { publics: 'Jeunes' },
  'public langues étrangères': { support: 'Langues étrangères (autres)' },
  'seniors (+ 65 ans)': { publics: 'Seniors' },
  surdité: { support: 'Surdité' },
  'uniquement femmes': { publics: 'Femmes' },
};

// An « adhésion » is a fee; accepting the Pass numérique is a Relais column, not a v1.0.2 value.
const CONDITIONS: Record<string, { fee?: string; pass?: true }> = {
  gratuit: { fee: 'Gratuit' },
  'gratuit sous condition': { fee: 'Gratuit sous condition' },
  payant: { fee: 'Payant' },
  adhésion: { fee: 'Payant' },
  'accepte le pass numérique': { pass: true },
};

// National labels of v0: the programmes v1.0.2 knows, the Pass numérique (APTIC issues it), others kept as text.
const LABELS: Record<string, { program?: string; label?: string; pass?: true; other?: string }> = {
  'aidants connect': { program: 'Aidants Connect' },
  aptic: { pass: true },
  'campus connecté': { other: 'Campus connecté' },
  cnfs: { program: 'Conseillers numériques' },
  'fabriques de territoire': { label: 'Fabriques de Territoire' },
  'france services': { program: 'France Services' },
  'french tech': { other: 'French Tech' },
  'grandes écoles du numérique': { program: 'Grande école du numérique' },
  'point numérique caf': { program: "Point d'accès numérique CAF" },
  'point relais caf': { other: 'Point relais CAF' },
  'relais pôle emploi': { other: 'Relais pôle emploi' },
};

const SUPPORT_MODES: Record<string, string> = {
  'a ma place': 'Accompagnement individuel',
  'à ma place': 'Accompagnement individuel',
  "avec de l'aide": 'Accompagnement individuel',
  'avec de l’aide': 'Accompagnement individuel',
  'dans un atelier': 'Dans un atelier collectif',
  seul: 'En autonomie',
};

export interface V0Conversion {
  /** The row with schema v1.0.2 column names and values. */
  readonly record: Record<string, string>;
  /** Set when the v0 row says so (conditions or labels); undefined: the row says nothing about it. */
  readonly acceptsPassNumerique: boolean | undefined;
  readonly errors: readonly FieldError[];
}

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
const unique = (values: string[]) => [...new Set(values)];

/** One v0 row into a v1.0.2 row; values with no v1.0.2 meaning are faults of the row, in French. */
export function convertV0Row(v0: CsvRecord): V0Conversion {
  const errors: FieldError[] = [];
  const unknown = (field: string, value: string) =>
    errors.push({ field, message: `${field} : "${value}" n’est pas une valeur connue du format v0` });

  const services: string[] = [];
  for (const v of list(v0['services'])) {
    const mapped = SERVICES[short(v)];
    if (mapped) services.push(mapped);
    else unknown('services', v);
  }
  const publics: string[] = [];
  const support: string[] = [];
  for (const v of list(v0['publics_accueillis'])) {
    const key = short(v);
    if (!(key in PUBLICS)) {
      unknown('publics_accueillis', v);
      continue;
    }
    const mapped = PUBLICS[key];
    if (mapped?.publics) publics.push(mapped.publics);
    if (mapped?.support) support.push(mapped.support);
  }
  const fees: string[] = [];
  let pass: boolean | undefined;
  for (const v of list(v0['conditions_acces'])) {
    const mapped = CONDITIONS[short(v)];
    if (!mapped) unknown('conditions_acces', v);
    else if (mapped.pass) pass = true;
    else if (mapped.fee) fees.push(mapped.fee);
  }
  const programs: string[] = [];
  const labels: string[] = [];
  const others: string[] = [];
  for (const v of list(v0['labels_nationaux'])) {
    const mapped = LABELS[short(v)];
    if (!mapped) unknown('labels_nationaux', v);
    else if (mapped.pass) pass = true;
    else if (mapped.program) programs.push(mapped.program);
    else if (mapped.label) labels.push(mapped.label);
    else if (mapped.other) others.push(mapped.other);
  }
  others.push(...list(v0['labels_autres']));
  const modes: string[] = [];
  for (const v of list(v0['modalites_accompagnement'])) {
    const mapped = SUPPORT_MODES[short(v)];
    if (mapped) modes.push(mapped);
    else unknown('modalites_accompagnement', v);
  }
  const cell = (name: string) => v0[name] ?? '';
  const record: Record<string, string> = {
    id: cell('id'),
    pivot: cell('pivot'),
    nom: cell('nom'),
    commune: cell('commune'),
    code_postal: cell('code_postal'),
    code_insee: cell('code_insee'),
    adresse: cell('adresse'),
    complement_adresse: cell('complement_adresse'),
    latitude: cell('latitude'),
    longitude: cell('longitude'),
    typologie: list(v0['typologie']).join('|'),
    telephone: cell('telephone'),
    courriels: list(v0['courriel']).join('|'),
    site_web: list(v0['site_web']).join('|'),
    horaires: cell('horaires'),
    presentation_resume: cell('presentation_resume'),
    presentation_detail: cell('presentation_detail'),
    source: cell('source'),
    itinerance: '',
    structure_parente: cell('structure_parente'),
    date_maj: cell('date_maj'),
    services: unique(services).join('|'),
    publics_specifiquement_adresses: unique(publics).join('|'),
    prise_en_charge_specifique: unique(support).join('|'),
    frais_a_charge: unique(fees).join('|'),
    dispositif_programmes_nationaux: unique(programs).join('|'),
    formations_labels: unique(labels).join('|'),
    autres_formations_labels: unique(others).join(', '),
    modalites_acces: '',
    modalites_accompagnement: unique(modes).join('|'),
    fiche_acces_libre: cell('accessibilite'),
    prise_rdv: cell('prise_rdv'),
  };
  return { record, acceptsPassNumerique: pass, errors };
}
