// The territory module's public face: what other modules and the seeds may use.
export { importTerritory, hasTerritory, type ImportTerritoryResult } from './use-cases/import-territory.ts';
export { searchCommunes, getCommune, getCommunes, type CommuneSummary, type SearchCommunesOptions } from './use-cases/search-communes.ts';
export { communesInScope, isCommuneInScope } from './use-cases/communes-in-scope.ts';
export { grantCoversCommune, communesCoveredBy, coversWholeDepartement, type TerritoryGrant, type CommuneRef } from './domain/scope.ts';
export { toSearchName, communeLabel } from './domain/search-name.ts';
export { describeOpeningHours } from '../../platform/time/opening-hours.ts';
export type { SocialCentre, Actor as TerritoryActor } from './domain/social-centre.ts';
export { centreKindOf } from './domain/social-centre.ts';
export { findCentreForCommune, getSocialCentre, listSocialCentres, communesServedBy } from './db/social-centre-queries.ts';
export { seedSocialCentres, type SocialCentreSeed } from './use-cases/seed-social-centres.ts';
export { CommuneField, communeFieldScript, communeInseeName, readCommuneField, communeFieldErrorHref, type CommuneFieldProps } from './web/commune-field.tsx';
export { resolveCommuneField, type CommuneFieldInput, type CommuneFieldResolution } from './use-cases/resolve-commune-field.ts';
export { territoryRoutes } from './web/territory.routes.ts';
export { listEpcisOfDepartement } from './db/epci-queries.ts';
export { importCommuneCentres, type ImportCommuneCentresResult, type ImportCommuneCentresInput } from './use-cases/import-commune-centres.ts';
