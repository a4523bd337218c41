// Téléprocédures (issue 4): procedures defined as data, filing by residents, review by agents, opinions of
// partner administrations.
export {
  CASE_ACTORS,
  CASE_COMMANDS,
  CASE_STATES,
  CASE_STATE_LABELS,
  DECIDED_STATES,
  availableCommands,
  reasonRequired,
  transition,
  type CaseActor,
  type CaseCommand,
  type CaseState,
  type TransitionResult,
} from './domain/case-lifecycle.ts';
export {
  checkFieldDefinitions,
  fieldSchema,
  isShown,
  validateAnswers,
  type Answers,
  type Field,
  type FieldError,
  type RawAnswers,
} from './domain/fields.ts';
export { checkProcedureDefinition, validateCase, visiblePages, routeCase, type ProcedureDefinition, type ProcedurePage } from './domain/procedure.ts';
export { caseReference, parseCaseReference } from './domain/reference.ts';
export * from './db/procedures.table.ts';
export { getPublishedProcedure, listPublishedProcedures, getVersion, listTeams, exportProcedureVersion } from './db/procedure-queries.ts';
export { importProcedureVersion, publishProcedureVersion } from './use-cases/import-procedure.ts';
export { startDraft, saveDraftPage, submitCase, hashTrackingCode } from './use-cases/file-case.ts';
export { runCaseCommand } from './use-cases/run-case-command.ts';
export type { ProceduresDeps, CaseActorRef } from './use-cases/deps.ts';
export { displayAnswers, type AnswerRow, type AnswerSection, type DisplayLookups } from './domain/answer-display.ts';
export { storeCaseFile, openCaseFile, checkCaseFile, DEFAULT_MAX_FILE_BYTES, type NewCaseFile, type StoredCaseFile } from './use-cases/case-files.ts';
export { agentRoleOnCase, teamsOf, type TeamMembership } from './use-cases/case-access.ts';
export { sendCaseMessage, MESSAGE_MAX_LENGTH, MESSAGE_MAX_FILES } from './use-cases/case-messages.ts';
export { grantFilerAccess, filerMayAccess, sessionCaseIds } from './web/filer-access.ts';
export { filingRoutes, filingCsrfFailure, FILING_UPLOAD_PATH, FILING_BODY_LIMIT_BYTES } from './web/filing.routes.tsx';
export { FieldInputs } from './web/field-inputs.tsx';
export { reviewRoutes } from './web/review.routes.tsx';
export { searchInbox, type InboxCriteria } from './db/inbox-queries.ts';
export { exportCasesCsv } from './use-cases/export-cases.ts';
export { followUpRoutes } from './web/follow-up.routes.tsx';
export { partnerRoutes } from './web/partners.routes.tsx';
export { expirePartnerInvitations } from './use-cases/partner-opinions.ts';
export { procedureJobHandlers, procedureDailyJobs, PROCEDURE_JOB_KINDS } from './procedures.jobs.ts';
export { warnAndPurgeDrafts, anonymiseClosedCases } from './use-cases/retention.ts';
export { notifyTeam, sendDailyDigests, setNotificationMode } from './use-cases/notify-agents.ts';
