// A place of digital help (« lieu de médiation numérique ») as schema v1.0.2 describes it, with typed values.
// The enums come from @gouvfr-anct/lieux-de-mediation-numerique where they match the schema; the schema is the
// authority where they differ (the « Étapes numériques(La Poste) » label).
import {
  DispositifProgrammeNational,
  FormationLabel,
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { SchemaField, TableSchema } from './validate-row.ts';

export {
  DispositifProgrammeNational,
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
};

/** The label as schema v1.0.2 spells it; the npm library puts a space before the parenthesis. */
export const ETAPES_NUMERIQUES_SCHEMA = 'Étapes numériques(La Poste)';

export type PlaceLabel =
  | Exclude<`${FormationLabel}`, `${FormationLabel.EtapesNumeriques}`>
  | typeof ETAPES_NUMERIQUES_SCHEMA;

export const PLACE_LABELS: readonly PlaceLabel[] = Object.values(FormationLabel).map((l) =>
  l === FormationLabel.EtapesNumeriques ? ETAPES_NUMERIQUES_SCHEMA : l,
) as PlaceLabel[];

/** Accepts the library's spelling of a label too, and gives the schema's. */
export function schemaLabel(label: string): string {
  return label === (FormationLabel.EtapesNumeriques as string) ? ETAPES_NUMERIQUES_SCHEMA : label;
}

export interface PlaceAddress {
  /** Street part: number, repetition index, street type and name. */
  readonly street: string;
  readonly complement?: string;
  readonly postcode: string;
  readonly commune: string;
  /** The commune's official geographic code (« code INSEE »), when known. */
  readonly inseeCode?: string;
}

export interface PlaceCoordinates {
  readonly latitude: number;
  readonly longitude: number;
}

export interface PlaceContact {
  /** E.164, e.g. « +33299123456 ». */
  readonly phone?: string;
  readonly emails: readonly string[];
  readonly websites: readonly string[];
}

export interface MediationPlace {
  /** The producer's local identifier (`id`), unique within its source. */
  readonly id: string;
  /** SIRET, SIREN, RNA or RIDET (`pivot`). */
  readonly pivot: string;
  readonly name: string;
  readonly address: PlaceAddress;
  readonly coordinates?: PlaceCoordinates;
  /** data·inclusion structure typologies (free in v1.0.2: the schema sets no list). */
  readonly typologies: readonly string[];
  readonly contact: PlaceContact;
  /** OpenStreetMap `opening_hours` syntax. */
  readonly openingHours?: string;
  readonly presentation: { readonly summary?: string; readonly detail?: string };
  /** Who collected the data. */
  readonly source?: string;
  readonly itinerance: readonly Itinerance[];
  readonly parentStructure?: string;
  /** Date of the last update, YYYY-MM-DD. */
  readonly updatedOn: string;
  readonly services: readonly Service[];
  readonly publics: readonly PublicSpecifiquementAdresse[];
  readonly specificSupport: readonly PriseEnChargeSpecifique[];
  readonly fees: readonly Frais[];
  readonly nationalPrograms: readonly DispositifProgrammeNational[];
  readonly labels: readonly PlaceLabel[];
  readonly otherLabels?: string;
  readonly accessModes: readonly ModaliteAcces[];
  readonly supportModes: readonly ModaliteAccompagnement[];
  /** Link to the place's acceslibre page. */
  readonly accessibilityUrl?: string;
  /** Link to book an appointment online. */
  readonly appointmentUrl?: string;
}

const MULTI_VALUED = new Set([
  'typologie',
  'courriels',
  'site_web',
  'itinerance',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
]);

const STRICTER: Readonly<Record<string, Partial<SchemaField> & { minimum?: number; maximum?: number }>> = {
  pivot: { hint: 'SIRET, SIREN ou RNA : 9 à 14 lettres ou chiffres' },
  code_postal: { hint: '5 chiffres' },
  code_insee: { hint: 'code INSEE de commune, 5 caractères' },
  telephone: { hint: 'format international sans espace, par exemple +33299123456' },
  latitude: { minimum: -90, maximum: 90 },
  longitude: { minimum: -180, maximum: 180 },
  courriels: { format: 'email' },
  site_web: { format: 'uri' },
  fiche_acces_libre: { format: 'uri' },
  prise_rdv: { format: 'uri' },
};

/**
 * The schema with the checks the national file leaves out and Relais needs (the npm library lets them through):
 * e-mail and web addresses, coordinates within range, and `|`-separated values checked one by one.
 * Every row valid here is valid for schema v1.0.2.
 */
export function strictPlaceSchema(schema: TableSchema): TableSchema {
  return {
    ...schema,
    fields: schema.fields.map((field) => {
      const extra = STRICTER[field.name] ?? {};
      const { minimum, maximum, ...rest } = extra;
      return {
        ...field,
        ...rest,
        ...(MULTI_VALUED.has(field.name) ? { separator: '|' } : {}),
        constraints: {
          ...field.constraints,
          ...(minimum !== undefined ? { minimum } : {}),
          ...(maximum !== undefined ? { maximum } : {}),
        },
      };
    }),
  };
}
