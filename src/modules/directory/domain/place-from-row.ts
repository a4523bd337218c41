// A row of a schema v1.0.2 CSV (or of a form with the same names) into a MediationPlace, or every fault of it.
// Lenient where people are: cells are trimmed, phones in the usual French written forms are normalised to
// E.164, and the npm library's spelling of a label is accepted; strict on everything else.
import { splitMulti } from './csv.ts';
import { normalisePhone } from '../../../platform/domain/phone.ts';
import {
  schemaLabel,
  strictPlaceSchema,
  type DispositifProgrammeNational,
  type Frais,
  type Itinerance,
  type MediationPlace,
  type ModaliteAcces,
  type ModaliteAccompagnement,
  type PlaceLabel,
  type PriseEnChargeSpecifique,
  type PublicSpecifiquementAdresse,
  type Service,
} from './place.ts';
import { validateRow, type CsvRecord, type FieldError, type TableSchema } from './validate-row.ts';

export type PlaceResult =
  | { readonly ok: true; readonly place: MediationPlace }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const strictSchemas = new WeakMap<TableSchema, TableSchema>();

function strict(schema: TableSchema): TableSchema {
  let s = strictSchemas.get(schema);
  if (!s) {
    s = strictPlaceSchema(schema);
    strictSchemas.set(schema, s);
  }
  return s;
}

/** Trims every cell and the items of multi-valued cells, normalises the phone and the labels. */
function prepare(
  schema: TableSchema,
  record: CsvRecord,
): { row: Record<string, string>; phoneError: FieldError | null } {
  const row: Record<string, string> = {};
  const separators = new Map(schema.fields.map((f) => [f.name, f.separator]));
  for (const [k, v] of Object.entries(record)) {
    // Only lists are split: a « | » in free text (a presentation) is kept as written.
    const sep = separators.get(k);
    row[k] = sep ? v.split(sep).map((i) => i.trim()).join(sep) : v.trim();
  }
  let phoneError: FieldError | null = null;
  const phone = row['telephone'] ?? '';
  if (phone !== '') {
    const e164 = normalisePhone(phone);
    if (e164) row['telephone'] = e164;
    else {
      const message = `telephone : "${phone}" n’est pas un numéro de téléphone valide`;
      phoneError = { field: 'telephone', message };
      row['telephone'] = '';
    }
  }
  const labels = row['formations_labels'];
  if (labels) row['formations_labels'] = labels.split('|').map(schemaLabel).join('|');
  return { row, phoneError };
}

/** Builds a place from one row, or returns all the faults of the row (the phone's among them). */
export function placeFromRow(schema: TableSchema, record: CsvRecord): PlaceResult {
  const strictSchema = strict(schema);
  const { row, phoneError } = prepare(strictSchema, record);
  const errors = validateRow(strictSchema, row);
  if (phoneError) {
    // Keep the errors in column order: the phone's goes before those of the columns after it.
    const position = (name: string) => schema.fields.findIndex((f) => f.name === name);
    const at = errors.findIndex((e) => position(e.field) > position('telephone'));
    errors.splice(at < 0 ? errors.length : at, 0, phoneError);
  }
  if (errors.length > 0) return { ok: false, errors };
  const cell = (name: string) => row[name] ?? '';
  // Optional values are absent from the place rather than empty strings.
  const some = <K extends string>(key: K, name: string) =>
    cell(name) === '' ? {} : ({ [key]: cell(name) } as Record<K, string>);
  const list = <T>(name: string) => splitMulti(cell(name)) as T[];
  const place: MediationPlace = {
    id: cell('id'),
    pivot: cell('pivot'),
    name: cell('nom'),
    address: {
      street: cell('adresse'),
      ...some('complement', 'complement_adresse'),
      postcode: cell('code_postal'),
      commune: cell('commune'),
      ...some('inseeCode', 'code_insee'),
    },
    ...(cell('latitude') !== '' && cell('longitude') !== ''
      ? { coordinates: { latitude: Number(cell('latitude')), longitude: Number(cell('longitude')) } }
      : {}),
    typologies: list<string>('typologie'),
    contact: {
      ...some('phone', 'telephone'),
      emails: list<string>('courriels'),
      websites: list<string>('site_web'),
    },
    ...some('openingHours', 'horaires'),
    presentation: { ...some('summary', 'presentation_resume'), ...some('detail', 'presentation_detail') },
    ...some('source', 'source'),
    itinerance: list<Itinerance>('itinerance'),
    ...some('parentStructure', 'structure_parente'),
    updatedOn: cell('date_maj'),
    services: list<Service>('services'),
    publics: list<PublicSpecifiquementAdresse>('publics_specifiquement_adresses'),
    specificSupport: list<PriseEnChargeSpecifique>('prise_en_charge_specifique'),
    fees: list<Frais>('frais_a_charge'),
    nationalPrograms: list<DispositifProgrammeNational>('dispositif_programmes_nationaux'),
    labels: list<PlaceLabel>('formations_labels'),
    ...some('otherLabels', 'autres_formations_labels'),
    accessModes: list<ModaliteAcces>('modalites_acces'),
    supportModes: list<ModaliteAccompagnement>('modalites_accompagnement'),
    ...some('accessibilityUrl', 'fiche_acces_libre'),
    ...some('appointmentUrl', 'prise_rdv'),
  };
  return { ok: true, place };
}
