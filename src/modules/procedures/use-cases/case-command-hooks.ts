// What happens alongside an agent's state change, inside its transaction. Decision letters are generated here
// (helper « documents »); the case page passes these hooks to runCaseCommand.
import type { CaseCommandHooks } from './run-case-command.ts';
import type { ProceduresDeps } from './deps.ts';

export function caseCommandHooks(_deps: ProceduresDeps): CaseCommandHooks {
  return {};
}
