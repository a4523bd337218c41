// The open-data exports as streams of text chunks: places as schema v1.0.2 CSV, JSON and GeoJSON, structures
// and services as data·inclusion v1 JSON. Only published listings. Memory stays flat: rows come from the
// database in batches and leave as chunks of about 64 KB.
import type { Queryable } from '../../../platform/db/client.ts';
import { normalisePhone } from '../../../platform/domain/phone.ts';
import { csvLine, splitMulti } from '../domain/csv.ts';
import { strictPlaceSchema } from '../domain/place.ts';
import { placeHeader, placeToRecord } from '../domain/place-to-row.ts';
import { validateCell, type SchemaField } from '../domain/validate-row.ts';
import { placeFromDbRow } from '../db/place-mapping.ts';
import { publishedPlaces, publishedServices, publishedStructures, type ExportedPlace } from '../db/open-data-queries.ts';
import { lieuxMediationNumeriqueSchema as schema } from '../standards/lieux-mediation-numerique.ts';

const CHUNK = 64 * 1024;
const strict = strictPlaceSchema(schema);

/** Groups small strings into chunks of about 64 KB. */
async function* chunked(parts: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    buffer += part;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/**
 * The cells of a published place, each checked against the schema: a value that would make the file invalid
 * (a phone typed by hand in an old listing, a malformed address) is left out rather than published, and a place
 * whose required cells are faulty is not exported. The export therefore always validates.
 */
export function exportRecord({ place, structureSiret }: ExportedPlace): Record<string, string> | null {
  const record = placeToRecord(placeFromDbRow(place, { fallbackPivot: /^\d{14}$/.test(structureSiret ?? '') ? structureSiret : null }));
  if (record.telephone) record.telephone = normalisePhone(record.telephone) ?? '';
  for (const field of strict.fields) {
    if (validateCell(field, record[field.name]).length === 0) continue;
    if (field.constraints?.required) return null;
    record[field.name] = multiValid(field, record[field.name] ?? '');
  }
  return record;
}

// In a list, keep the values that are valid on their own (one bad e-mail among two).
function multiValid(field: SchemaField, cell: string): string {
  if (!field.separator) return '';
  const kept = cell.split(field.separator).filter((v) => v !== '' && validateCell({ ...field, separator: undefined } as SchemaField, v).length === 0);
  const joined = kept.join(field.separator);
  return validateCell(field, joined).length === 0 ? joined : '';
}

async function* placeRecords(q: Queryable, geolocatedOnly = false): AsyncGenerator<Record<string, string>> {
  for await (const row of publishedPlaces(q, { geolocatedOnly })) {
    const record = exportRecord(row);
    if (record) yield record;
  }
}

export function placesCsv(q: Queryable): AsyncGenerator<string> {
  const header = placeHeader(schema);
  return chunked(
    (async function* () {
      yield csvLine(header);
      for await (const record of placeRecords(q)) yield csvLine(header.map((name) => record[name] ?? ''));
    })(),
  );
}

const MULTI = new Set(strict.fields.filter((f) => f.separator).map((f) => f.name));

/** A place as a JSON object with the schema's names: lists as arrays, coordinates as numbers, empty as null. */
export function placeJson(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of placeHeader(schema)) {
    const v = record[name] ?? '';
    if (MULTI.has(name)) out[name] = splitMulti(v);
    else if (name === 'latitude' || name === 'longitude') out[name] = v === '' ? null : Number(v);
    else out[name] = v === '' ? null : v;
  }
  return out;
}

async function* jsonArray(items: AsyncIterable<unknown>, open = '[', close = ']'): AsyncGenerator<string> {
  yield `${open}\n`;
  let first = true;
  for await (const item of items) {
    yield `${first ? '' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield `\n${close}\n`;
}

export function placesJson(q: Queryable): AsyncGenerator<string> {
  return chunked(
    jsonArray(
      (async function* () {
        for await (const record of placeRecords(q)) yield placeJson(record);
      })(),
    ),
  );
}

export function placesGeoJson(q: Queryable): AsyncGenerator<string> {
  return chunked(
    jsonArray(
      (async function* () {
        for await (const record of placeRecords(q, true)) {
          const { latitude, longitude, ...properties } = placeJson(record);
          yield { type: 'Feature', id: record.id, geometry: { type: 'Point', coordinates: [longitude, latitude] }, properties };
        }
      })(),
      '{"type":"FeatureCollection","features":[',
      ']}',
    ),
  );
}

const orNull = <T>(v: T | null | undefined, ok = true): T | null => (v === undefined || v === null || v === '' || !ok ? null : v);
const listOrNull = (v: readonly string[]) => (v.length === 0 ? null : v);
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * data·inclusion v1 structures (schema data-inclusion v1.0: source, id, nom, date_maj, description, lien_source,
 * siret, commune, code_postal, code_insee, adresse, complement_adresse, longitude, latitude, telephone, courriel,
 * site_web, horaires_accueil, accessibilite_lieu, reseaux_porteurs).
 */
export function dataInclusionStructures(q: Queryable, producer: string): AsyncGenerator<string> {
  return chunked(
    jsonArray(
      (async function* () {
        for await (const { structure: s, communeName } of publishedStructures(q)) {
          yield {
            source: s.source ?? producer,
            id: s.id,
            nom: s.name,
            date_maj: s.updatedOn ?? day(s.updatedAt),
            description: orNull(s.description, (s.description ?? '').length >= 5),
            lien_source: null,
            siret: orNull(s.siret, /^\d{14}$/.test(s.siret ?? '')),
            commune: orNull(communeName),
            code_postal: orNull(s.postcode, /^\d{5}$/.test(s.postcode ?? '')),
            code_insee: orNull(s.communeInsee),
            adresse: orNull(s.street),
            complement_adresse: null,
            longitude: null,
            latitude: null,
            telephone: orNull(s.phone && (normalisePhone(s.phone) ?? s.phone)),
            courriel: orNull(s.email),
            site_web: orNull(s.website),
            horaires_accueil: null,
            accessibilite_lieu: null,
            reseaux_porteurs: listOrNull(s.networks),
          };
        }
      })(),
    ),
  );
}

/** data·inclusion v1 services; the address, coordinates and hours are those of the service's place. */
export function dataInclusionServices(q: Queryable, producer: string): AsyncGenerator<string> {
  return chunked(
    jsonArray(
      (async function* () {
        for await (const { service: s, place: p } of publishedServices(q)) {
          yield {
            source: s.source ?? producer,
            structure_id: s.structureId,
            id: s.id,
            nom: s.name,
            // Required by data·inclusion (5 characters or more): the summary, or the name, when there is none.
            description: s.description ?? s.summary ?? s.name,
            lien_source: null,
            date_maj: s.updatedOn,
            type: null,
            thematiques: listOrNull(s.themes),
            frais: orNull(s.fees),
            frais_precisions: orNull(s.feesDetail),
            publics: listOrNull(s.publics),
            publics_precisions: orNull(s.publicsDetail),
            conditions_acces: orNull(s.accessConditions),
            commune: orNull(p?.communeName),
            code_postal: orNull(p?.postcode),
            code_insee: orNull(p?.communeInsee),
            adresse: orNull(p?.street),
            complement_adresse: orNull(p?.complement),
            longitude: p?.longitude ?? null,
            latitude: p?.latitude ?? null,
            telephone: orNull(s.phone && (normalisePhone(s.phone) ?? s.phone)),
            courriel: orNull(s.email),
            contact_nom_prenom: null,
            modes_accueil: listOrNull(s.receptionModes),
            zone_eligibilite: s.zoneCodes.length > 0 ? s.zoneCodes : s.zoneKind === 'pays' ? ['france'] : null,
            lien_mobilisation: orNull(s.mobilisationUrl),
            modes_mobilisation: listOrNull(s.mobilisationModes),
            mobilisable_par: listOrNull(s.mobilisableBy),
            mobilisation_precisions: orNull(s.mobilisationDetail),
            volume_horaire_hebdomadaire: null,
            nombre_semaines: null,
            horaires_accueil: orNull(p?.openingHours),
          };
        }
      })(),
    ),
  );
}
