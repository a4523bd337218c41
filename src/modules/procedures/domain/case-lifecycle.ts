// The life of a case file (« dossier »), as a pure function: the state it is in, what someone asks, who asks,
// and why → the next state or a refusal in French. Use cases call it inside the transaction that writes the
// new state and its audit event; nothing else decides whether a transition is allowed.

export const CASE_STATES = ['draft', 'filed', 'in_review', 'correction_requested', 'accepted', 'refused', 'closed_without_action'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** What a resident reads (« Mes démarches », the follow-up page) and agents see in the inbox. */
export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  draft: 'Brouillon',
  filed: 'Déposé',
  in_review: 'En instruction',
  correction_requested: 'Correction demandée',
  accepted: 'Accepté',
  refused: 'Refusé',
  closed_without_action: 'Classé sans suite',
};

export const CASE_COMMANDS = ['submit', 'start_review', 'request_correction', 'accept', 'refuse', 'close_without_action', 'reopen'] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];

/** filer: the person who files (resident, structure, commune); supervisor: an agent who may also reopen. */
export const CASE_ACTORS = ['filer', 'agent', 'supervisor'] as const;
export type CaseActor = (typeof CASE_ACTORS)[number];

export const DECIDED_STATES: ReadonlySet<CaseState> = new Set(['accepted', 'refused', 'closed_without_action']);

interface Rule {
  from: readonly CaseState[];
  to: CaseState;
  by: readonly CaseActor[];
  /** The reason is shown to the resident (motivation of a refusal, what to correct, why it was reopened). */
  reason: 'required' | 'optional';
}

const staff = ['agent', 'supervisor'] as const;

const RULES: Readonly<Record<CaseCommand, Rule>> = {
  // Filing, and filing again after a correction.
  submit: { from: ['draft', 'correction_requested'], to: 'filed', by: ['filer'], reason: 'optional' },
  start_review: { from: ['filed'], to: 'in_review', by: staff, reason: 'optional' },
  request_correction: { from: ['filed', 'in_review'], to: 'correction_requested', by: staff, reason: 'required' },
  accept: { from: ['in_review'], to: 'accepted', by: staff, reason: 'optional' },
  refuse: { from: ['in_review'], to: 'refused', by: staff, reason: 'required' },
  // Also when the resident never answers a correction request.
  close_without_action: { from: ['filed', 'in_review', 'correction_requested'], to: 'closed_without_action', by: staff, reason: 'required' },
  reopen: { from: ['accepted', 'refused', 'closed_without_action'], to: 'in_review', by: ['supervisor'], reason: 'required' },
};

const REASON_MESSAGES: Readonly<Partial<Record<CaseCommand, string>>> = {
  request_correction: 'Expliquez ce que la personne doit corriger ou compléter',
  refuse: 'Donnez le motif du refus : il sera communiqué à la personne',
  close_without_action: 'Donnez la raison du classement sans suite : elle sera communiquée à la personne',
  reopen: 'Donnez la raison de la réouverture du dossier',
};

export const REASON_MAX_LENGTH = 4000;

export type TransitionResult =
  | { ok: true; to: CaseState; reason: string | null }
  | { ok: false; error: 'not_now' | 'not_yours' | 'reason_required' | 'reason_too_long'; message: string };

export function transition(from: CaseState, command: CaseCommand, actor: CaseActor, reason?: string | null): TransitionResult {
  const rule = RULES[command];
  if (!rule.by.includes(actor)) {
    return { ok: false, error: 'not_yours', message: 'Vous ne pouvez pas faire cette action sur ce dossier' };
  }
  if (!rule.from.includes(from)) {
    return { ok: false, error: 'not_now', message: `Cette action n’est pas possible sur un dossier « ${CASE_STATE_LABELS[from].toLowerCase()} »` };
  }
  const text = (reason ?? '').trim();
  if (rule.reason === 'required' && !text) {
    return { ok: false, error: 'reason_required', message: REASON_MESSAGES[command] ?? 'Donnez une raison' };
  }
  if (text.length > REASON_MAX_LENGTH) {
    return { ok: false, error: 'reason_too_long', message: `La raison doit faire ${REASON_MAX_LENGTH} caractères au plus` };
  }
  return { ok: true, to: rule.to, reason: text || null };
}

/** The commands an actor may use on a case in this state: the buttons a page shows. */
export function availableCommands(from: CaseState, actor: CaseActor): CaseCommand[] {
  return CASE_COMMANDS.filter((c) => RULES[c].by.includes(actor) && RULES[c].from.includes(from));
}

export function reasonRequired(command: CaseCommand): boolean {
  return RULES[command].reason === 'required';
}
