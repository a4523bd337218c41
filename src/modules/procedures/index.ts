// Téléprocédures (issue 4): procedures defined as data, filing, review. Started with the pure rules.
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
