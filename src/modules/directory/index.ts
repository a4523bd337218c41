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
export { normalisePhone } from '../../platform/domain/phone.ts';
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

// Orientation (src/modules/orientation) reaches services, structures and its own two tables through here.
export { getService, listingNames, type ServiceWithStructure } from './db/service-queries.ts';
export { orientations, orientationAttachments } from './db/directory.table.ts';
export { createService, createStructure } from './db/listing-store.ts';

// Import and open data (schema v1.0.x and v0 files; exports at /donnees).
export { placeFieldsFromDomain, placeFromDbRow, UNKNOWN_PIVOT, type SchemaPlaceFields } from './db/place-mapping.ts';
export { importPlaces, REPORT_LIMIT, type ImportActor, type ImportPlacesInput, type ImportPlacesResult } from './use-cases/import-places.ts';
export { placesCsv, placesJson, placesGeoJson, dataInclusionStructures, dataInclusionServices } from './use-cases/export-open-data.ts';
export { openDataRoutes } from './web/open-data.routes.tsx';
export { importUploadRoutes, IMPORT_UPLOAD_PATH, IMPORT_FORM_OVERHEAD } from './web/import-upload.routes.tsx';
// Public pages of a place and of a structure, « Signaler une erreur ».
export { placeRoutes, errorReportLimit } from './web/place.routes.tsx';
export { getPublicPlace, getPublicStructure, isUuid, type PublicPlace, type PublicStructure } from './db/public-listing-queries.ts';
export { reportError, type ReportErrorInput } from './use-cases/report-error.ts';
export { canEditListing, canOrient } from './web/listing-permissions.ts';
export { readablePhone, telHref } from './domain/phone-display.ts';
export { frenchDate, isStale, durationText } from './domain/freshness.ts';

// Public search of places (/lieux), its results list and the map; reused by the embed.
export { searchRoutes } from './web/search.routes.tsx';
export {
  EMPTY_CRITERIA,
  SEARCH_PAGE_SIZE,
  parseSearchCriteria,
  resolveSearchCommune,
  searchPlaces,
  searchQueryString,
  type ParsedSearch,
  type PlaceHit,
  type ResolvedSearch,
  type SearchCriteria,
  type SearchOrigin,
  type SearchResults,
} from './use-cases/search-places.ts';
export { DEFAULT_RADIUS_KM, LABELS, NEEDS, PUBLICS, RADII_KM, formatDistance, labelText, needBySlug, needForService } from './domain/needs.ts';
export type { LabelSlug, Need, NeedSlug, PublicSlug, RadiusKm } from './domain/needs.ts';
export { PlaceResults, SearchPagination, addressLine, placePageHref, resultMarkers, type PlaceResultsProps } from './web/place-results.tsx';
export { PlaceMap, mapContentSecurityPolicy, placeMapScript, type MapMarker, type PlaceMapProps } from './web/place-map.tsx';

// The embeddable search (/integrer) and its custom element.
export { embedRoutes } from './web/embed.routes.tsx';

// Self-editing by structure members (« Ma structure »): routes, claims, SIRET and freshness rules.
export { editingRoutes } from './web/editing.routes.tsx';
export { approveStructureClaim, approveClaimInTransaction, claimStructure, type ClaimResult } from './use-cases/claim-structure.ts';
export { checkSiret, compactSiret, isValidRna } from '../../platform/domain/siret.ts';
export { emailMatchesWebsite, WEBMAIL_DOMAINS } from './domain/email-domain.ts';
export { freshnessOf, UPDATE_FREQUENCIES, type Freshness } from './domain/freshness.ts';
export {
  MOBILISABLE_BY,
  MOBILISATION_MODES,
  RECEPTION_MODES,
  SERVICE_FEES,
  SERVICE_PUBLICS,
  THEME_CATEGORIES,
  THEMES,
  ZONE_KINDS,
  termLabel,
  themeLabel,
  publicLabel,
  feeLabel,
  receptionModeLabel,
  mobilisationModeLabel,
  mobilisableByLabel,
  type Term,
} from './domain/data-inclusion.ts';
export { FIELD_LABELS } from './web/listing-history.tsx';

// Moderation, quality dashboard and freshness digest (the département team's side of the directory).
export { moderationRoutes } from './web/moderation.routes.tsx';
export { freshnessDigestHandlers, freshnessDigestJob } from './use-cases/send-freshness-digest.ts';
