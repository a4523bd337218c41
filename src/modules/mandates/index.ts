// Mandates (issue 6, second part): aidants habilités, mandates given in person, attestations with an integrity
// code checked publicly, revocation and renewal, and their use — every step journaled.
export * from './db/mandates.table.ts';
export { SCOPES, DURATIONS, mandateStatus, scopesOfThemes, isScope, type Scope } from './domain/mandate.ts';
export { habilitationsOf, setHabilitation, createMandate, revokeMandate, useMandate, verifyCode, remindExpiringMandates, type MandateOwner } from './use-cases/mandates.ts';
export { mandateRoutes } from './web/routes.tsx';
export { mandateJobHandlers, mandateDailyJobs, MANDATE_REMINDER_JOB } from './mandates.jobs.ts';
