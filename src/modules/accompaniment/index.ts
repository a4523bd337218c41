// Accompaniment (issue 6, first part): recording the digital help given, graded from a nudge to doing it for the
// person, collective actions, pseudonymous people, and the statistics.
export * from './db/accompaniment.table.ts';
export { LEVELS, THEMES, PLACES, OUTCOMES, EQUIPMENT } from './domain/accompaniment.ts';
export { recordAccompaniment, recordCollectiveAction, ownersOf } from './use-cases/record.ts';
export { accompanimentStatistics } from './use-cases/statistics.ts';
export { accompanimentRoutes } from './web/routes.tsx';
