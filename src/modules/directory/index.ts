// The directory module's public face. The directory issue builds places, services and their pages on it.
export { listStructures, getStructure, type StructureSummary } from './db/structure-queries.ts';

// Places of digital help, schema « lieux de médiation numérique » v1.0.2 (pure domain; no database yet).
export { lieuxMediationNumeriqueSchema } from './standards/lieux-mediation-numerique.ts';
export {
  CsvSyntaxError,
  csvLine,
  escapeCell,
  joinMulti,
  parseCsv,
  readCsv,
  splitMulti,
  toCsv,
  toRecord,
  writeCsv,
  type CsvRow,
} from './domain/csv.ts';
export { normalisePhone } from './domain/phone.ts';
export { validateCsvFile, type LineReport } from './domain/validate-file.ts';
export {
  ETAPES_NUMERIQUES_SCHEMA,
  PLACE_LABELS,
  schemaLabel,
  strictPlaceSchema,
  type MediationPlace,
  type PlaceAddress,
  type PlaceContact,
  type PlaceCoordinates,
  type PlaceLabel,
} from './domain/place.ts';
export { placeFromRow, type PlaceResult } from './domain/place-from-row.ts';
export { placeHeader, placeToRecord, placeToRow } from './domain/place-to-row.ts';
export {
  isValidDate,
  isValidEmail,
  isValidWebAddress,
  uniquenessChecker,
  validateCell,
  validateHeader,
  validateRow,
  type CsvRecord,
  type FieldError,
  type SchemaField,
  type TableSchema,
} from './domain/validate-row.ts';

// Import and open data (schema v1.0.x and v0 files; exports at /donnees).
export { placeFieldsFromDomain, placeFromDbRow, UNKNOWN_PIVOT, type SchemaPlaceFields } from './db/place-mapping.ts';
export { importPlaces, REPORT_LIMIT, type ImportActor, type ImportPlacesInput, type ImportPlacesResult } from './use-cases/import-places.ts';
export { placesCsv, placesJson, placesGeoJson, dataInclusionStructures, dataInclusionServices } from './use-cases/export-open-data.ts';
export { openDataRoutes } from './web/open-data.routes.tsx';
export { importUploadRoutes, IMPORT_UPLOAD_PATH, IMPORT_FORM_OVERHEAD } from './web/import-upload.routes.tsx';
