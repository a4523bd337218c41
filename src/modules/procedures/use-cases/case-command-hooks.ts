// What happens alongside an agent's state change, inside its transaction: the decision letter.
import { decisionLetterHooks } from './case-documents.ts';
import type { CaseCommandHooks } from './run-case-command.ts';
import type { ProceduresDeps } from './deps.ts';

export function caseCommandHooks(deps: ProceduresDeps): CaseCommandHooks {
  return decisionLetterHooks(deps);
}
