// Import of places from a file: schema v1.0.x CSV, the older v0 CSV of the national cartography, or the JSON of
// either (an array of objects with the same names). Rows are read as the chunks arrive (a file of 100,000 places
// never sits whole in memory). Every fault of every row is reported with its line; a row with a fault is not
// imported at all; each valid row is written in its own transaction with its history rows. Idempotent on
// (source, id): a row equal to what is stored writes nothing; a changed row updates only the changed fields.
import { and, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../../platform/clock.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { places } from '../db/directory.table.ts';
import { createPlace, updatePlace, type PlaceFields, type PlaceRow } from '../db/listing-store.ts';
import { placeFieldsFromDomain } from '../db/place-mapping.ts';
import { CsvSyntaxError, readCsv, toRecord } from '../domain/csv.ts';
import { JsonStreamError, jsonToRecord, readJsonArray } from '../domain/json-stream.ts';
import { placeFromRow } from '../domain/place-from-row.ts';
import { convertV0Row, detectVersion, V0_REQUIRED, type PlaceFileVersion } from '../domain/place-v0.ts';
import type { LineReport } from '../domain/validate-file.ts';
import { uniquenessChecker, type FieldError } from '../domain/validate-row.ts';
import { lieuxMediationNumeriqueSchema as schema } from '../standards/lieux-mediation-numerique.ts';

export interface ImportDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}

export interface ImportActor {
  userId: string | null;
  /** Readable, for the journal: the user's e-mail or « ligne de commande ». */
  label: string;
  ip?: string | null;
  requestId?: string | null;
}

export interface ImportPlacesInput {
  /** The file's text, in chunks (a decoded stream, or one string in an array). */
  chunks: Iterable<string> | AsyncIterable<string>;
  /** The name the places are known by for the next imports: (source, id) identifies a place. */
  source: string;
  fileName?: string;
  actor: ImportActor;
  /** Checks everything and counts what would change, writing nothing (the preview of the upload page). */
  dryRun?: boolean;
  /** Called after each row, valid or not. */
  onRow?: (rowsDone: number) => void;
  /** Called for each rejected row as soon as it is read (the command line prints them all). */
  onRejected?: (report: LineReport) => void;
}

export interface GeolocationNeeded {
  readonly line: number;
  readonly id: string;
  readonly name: string;
}

export interface ImportPlacesResult {
  readonly format: 'csv' | 'json';
  readonly version: PlaceFileVersion | null;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejectedCount: number;
  /** The first rejected rows with every fault (all of them up to REPORT_LIMIT). */
  readonly rejected: readonly LineReport[];
  readonly toGeolocateCount: number;
  readonly toGeolocate: readonly GeolocationNeeded[];
  /** Faults of the whole file (unreadable, columns missing): when set, no row or only the rows before were read. */
  readonly fileErrors: readonly LineReport[];
  readonly warnings: readonly string[];
}

/** Rows listed in a result; the command line prints every one as it comes through `onRejected`. */
export const REPORT_LIMIT = 5000;

type Row = { line: number; record: Record<string, string>; errors: FieldError[] };

/** Peeks at the first characters to tell JSON from CSV, then gives the chunks back whole. */
async function sniff(chunks: Iterable<string> | AsyncIterable<string>): Promise<{ format: 'csv' | 'json'; chunks: AsyncIterable<string> }> {
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<string>)[Symbol.iterator]()) as
    | AsyncIterator<string>
    | Iterator<string>;
  const seen: string[] = [];
  let format: 'csv' | 'json' = 'csv';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const text = next.value.replace(/^[\s\ufeff]+/u, '');
    if (text !== '') {
      format = text[0] === '[' || text[0] === '{' ? 'json' : 'csv';
      break;
    }
  }
  async function* all() {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, chunks: all() };
}

/** The rows of a CSV file with their version, or the faults of its header. */
async function* csvRows(chunks: AsyncIterable<string>, state: { version: PlaceFileVersion | null; fileErrors: LineReport[]; warnings: string[] }): AsyncGenerator<Row> {
  let header: string[] | null = null;
  try {
    for await (const { line, cells } of readCsv(chunks)) {
      if (!header) {
        header = cells.map((c) => c.trim());
        const version = detectVersion(header);
        state.version = version;
        const errors = headerErrors(header, version);
        if (errors.length > 0) {
          state.fileErrors.push({ line, errors });
          return;
        }
        const known = new Set(version === 'v1' ? schema.fields.map((f) => f.name) : [...V0_COLUMNS]);
        for (const name of header) if (!known.has(name)) state.warnings.push(`La colonne « ${name} » n’est pas reconnue : elle est ignorée.`);
        continue;
      }
      const errors: FieldError[] = [];
      if (cells.length !== header.length) errors.push({ field: '', message: `La ligne a ${cells.length} cellules, l’en-tête en a ${header.length}` });
      yield { line, record: toRecord(header, cells), errors };
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    state.fileErrors.push({ line: e.line, errors: [{ field: '', message: `${e.message}. La lecture du fichier s’est arrêtée là.` }] });
    return;
  }
  if (!header) state.fileErrors.push({ line: 1, errors: [{ field: '', message: 'Le fichier est vide' }] });
}

const V0_COLUMNS = [
  'id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse', 'complement_adresse', 'cle_ban', 'latitude', 'longitude',
  'typologie', 'telephone', 'courriel', 'site_web', 'horaires', 'presentation_resume', 'presentation_detail', 'source',
  'structure_parente', 'date_maj', 'services', 'publics_accueillis', 'conditions_acces', 'labels_nationaux', 'labels_autres',
  'modalites_accompagnement', 'accessibilite', 'prise_rdv',
];

function headerErrors(header: readonly string[], version: PlaceFileVersion): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) errors.push({ field: name, message: `La colonne ${name} apparaît plusieurs fois` });
    seen.add(name);
  }
  const required = version === 'v1' ? schema.fields.filter((f) => f.constraints?.required).map((f) => f.name) : V0_REQUIRED;
  for (const name of required) if (!seen.has(name)) errors.push({ field: name, message: `La colonne obligatoire ${name} est manquante` });
  if (errors.length > 0 && header.length === 1 && header[0]!.includes(';')) {
    errors.unshift({ field: '', message: 'Les colonnes doivent être séparées par des virgules (le fichier utilise des points-virgules)' });
  }
  return errors;
}

async function* jsonRows(chunks: AsyncIterable<string>, state: { version: PlaceFileVersion | null; fileErrors: LineReport[] }): AsyncGenerator<Row> {
  try {
    for await (const { index, value } of readJsonArray(chunks)) {
      // The version is the first object's; a file mixing both would be reported row by row.
      if (state.version === null) state.version = detectVersion(value && typeof value === 'object' ? Object.keys(value) : []);
      const { record, errors } = jsonToRecord(value, state.version === 'v0' ? ';' : '|');
      yield { line: index, record, errors };
    }
  } catch (e) {
    if (!(e instanceof JsonStreamError)) throw e;
    state.fileErrors.push({ line: 0, errors: [{ field: '', message: e.message }] });
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields of `patch` that differ from the stored row (what updatePlace would write). */
function changedFields(before: PlaceRow, patch: Partial<PlaceFields>): string[] {
  return Object.keys(patch).filter((k) => k !== 'updatedOn' && !same((before as Record<string, unknown>)[k], (patch as Record<string, unknown>)[k]));
}

export async function importPlaces(deps: ImportDeps, input: ImportPlacesInput): Promise<ImportPlacesResult> {
  const source = input.source.trim();
  const state = { version: null as PlaceFileVersion | null, fileErrors: [] as LineReport[], warnings: [] as string[] };
  const sniffed = await sniff(input.chunks);
  const rows = sniffed.format === 'json' ? jsonRows(sniffed.chunks, state) : csvRows(sniffed.chunks, state);
  const unique = uniquenessChecker(schema);
  const actor = { userId: input.actor.userId, kind: 'import' as const };
  let count = 0;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let rejectedCount = 0;
  let toGeolocateCount = 0;
  const rejected: LineReport[] = [];
  const toGeolocate: GeolocationNeeded[] = [];

  for await (const row of rows) {
    count++;
    const errors = [...row.errors];
    let record = row.record;
    let pass: boolean | undefined;
    if (state.version === 'v0') {
      const converted = convertV0Row(record);
      errors.push(...converted.errors);
      record = converted.record;
      pass = converted.acceptsPassNumerique ?? false;
    }
    errors.push(...unique(record, row.line));
    const parsed = placeFromRow(schema, record);
    if (!parsed.ok) errors.push(...parsed.errors);
    if (errors.length > 0 || !parsed.ok) {
      rejectedCount++;
      const report = { line: row.line, errors };
      if (rejected.length < REPORT_LIMIT) rejected.push(report);
      input.onRejected?.(report);
      input.onRow?.(count);
      continue;
    }
    const place = parsed.place;
    const fields: Partial<PlaceFields> = { ...placeFieldsFromDomain(place), ...(pass === undefined ? {} : { acceptsPassNumerique: pass }) };
    if (!place.coordinates) {
      toGeolocateCount++;
      if (toGeolocate.length < REPORT_LIMIT) toGeolocate.push({ line: row.line, id: place.id, name: place.name });
    }
    const outcome = input.dryRun ? await preview(deps.db, source, place.id, fields) : await write(deps, source, place.id, fields, actor);
    if (outcome === 'created') created++;
    else if (outcome === 'updated') updated++;
    else unchanged++;
    input.onRow?.(count);
  }

  const result: ImportPlacesResult = {
    format: sniffed.format,
    version: state.version,
    rows: count,
    created,
    updated,
    unchanged,
    rejectedCount,
    rejected,
    toGeolocateCount,
    toGeolocate,
    fileErrors: state.fileErrors,
    warnings: state.warnings,
  };
  if (!input.dryRun) {
    await inTransaction(deps.db, (tx) =>
      recordAudit(tx, {
        at: deps.clock.now(),
        actorId: input.actor.userId,
        actorLabel: input.actor.label,
        action: 'directory.import_run',
        subjectType: 'import',
        subjectId: source,
        ip: input.actor.ip ?? null,
        requestId: input.actor.requestId ?? null,
        details: {
          source,
          fileName: input.fileName ?? null,
          format: `${sniffed.format}-${state.version ?? 'inconnu'}`,
          rows: count,
          created,
          updated,
          unchanged,
          rejected: rejectedCount,
          toGeolocate: toGeolocateCount,
          fileErrors: state.fileErrors.length,
        },
      }),
    );
  }
  return result;
}

async function findPlace(q: Queryable, source: string, sourceId: string): Promise<PlaceRow | undefined> {
  const [row] = await q.select().from(places).where(and(eq(places.source, source), eq(places.sourceId, sourceId)));
  return row;
}

async function preview(db: Db, source: string, sourceId: string, fields: Partial<PlaceFields>): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await findPlace(db, source, sourceId);
  if (!existing) return 'created';
  return changedFields(existing, fields).length > 0 || (fields.updatedOn ?? '') > existing.updatedOn ? 'updated' : 'unchanged';
}

async function write(
  deps: ImportDeps,
  source: string,
  sourceId: string,
  fields: Partial<PlaceFields>,
  actor: { userId: string | null; kind: 'import' },
): Promise<'created' | 'updated' | 'unchanged'> {
  return inTransaction(deps.db, async (tx) => {
    const existing = await findPlace(tx, source, sourceId);
    if (!existing) {
      await createPlace(tx, deps, { ...(fields as PlaceFields), source, sourceId }, actor);
      return 'created';
    }
    if (changedFields(existing, fields).length > 0) {
      await updatePlace(tx, deps, existing.id, fields, actor);
      return 'updated';
    }
    // The same information, confirmed by the source at a later date: only the date moves (no history row).
    if ((fields.updatedOn ?? '') > existing.updatedOn) {
      await updatePlace(tx, deps, existing.id, { updatedOn: fields.updatedOn! }, actor, { confirmOnly: true });
      return 'updated';
    }
    return 'unchanged';
  });
}
