import { describe, expect, it } from 'vitest';
import {
  CASE_ACTORS,
  CASE_COMMANDS,
  CASE_STATES,
  DECIDED_STATES,
  availableCommands,
  reasonRequired,
  transition,
  type CaseActor,
  type CaseCommand,
  type CaseState,
} from './case-lifecycle.ts';

// The specification, written out apart from the code: every allowed (state, command, actor) and where it leads.
// brouillon → déposé → en instruction → accepté | refusé | classé sans suite; « correction demandée » goes back to
// the filer, who files again; a supervisor reopens a decided case.
const ALLOWED: Array<[CaseState, CaseCommand, CaseActor[], CaseState]> = [
  ['draft', 'submit', ['filer'], 'filed'],
  ['correction_requested', 'submit', ['filer'], 'filed'],
  ['filed', 'start_review', ['agent', 'supervisor'], 'in_review'],
  ['filed', 'request_correction', ['agent', 'supervisor'], 'correction_requested'],
  ['in_review', 'request_correction', ['agent', 'supervisor'], 'correction_requested'],
  ['in_review', 'accept', ['agent', 'supervisor'], 'accepted'],
  ['in_review', 'refuse', ['agent', 'supervisor'], 'refused'],
  ['filed', 'close_without_action', ['agent', 'supervisor'], 'closed_without_action'],
  ['in_review', 'close_without_action', ['agent', 'supervisor'], 'closed_without_action'],
  ['correction_requested', 'close_without_action', ['agent', 'supervisor'], 'closed_without_action'],
  ['accepted', 'reopen', ['supervisor'], 'in_review'],
  ['refused', 'reopen', ['supervisor'], 'in_review'],
  ['closed_without_action', 'reopen', ['supervisor'], 'in_review'],
];

function expected(from: CaseState, command: CaseCommand, actor: CaseActor): CaseState | null {
  const hit = ALLOWED.find(([f, c, actors]) => f === from && c === command && actors.includes(actor));
  return hit ? hit[3] : null;
}

describe('case file lifecycle', () => {
  it('allows exactly the specified transitions, for all 147 combinations of state, command and actor', () => {
    let checked = 0;
    for (const from of CASE_STATES)
      for (const command of CASE_COMMANDS)
        for (const actor of CASE_ACTORS) {
          const r = transition(from, command, actor, 'une raison');
          const to = expected(from, command, actor);
          expect([from, command, actor, r.ok ? r.to : null]).toEqual([from, command, actor, to]);
          if (!r.ok) expect(r.message).toMatch(/^[A-ZÀ-Ý]/); // a French sentence for the person
          checked++;
        }
    expect(checked).toBe(CASE_STATES.length * CASE_COMMANDS.length * CASE_ACTORS.length);
  });

  it('tells who may not act apart from when the action is not possible now', () => {
    expect(transition('in_review', 'accept', 'filer')).toMatchObject({ ok: false, error: 'not_yours' });
    expect(transition('refused', 'reopen', 'agent', 'erreur')).toMatchObject({ ok: false, error: 'not_yours' });
    expect(transition('draft', 'accept', 'agent')).toMatchObject({ ok: false, error: 'not_now', message: 'Cette action n’est pas possible sur un dossier « brouillon »' });
  });

  it('requires a reason shown to the person for a refusal, « sans suite », a correction request and a reopening', () => {
    const needing: Array<[CaseState, CaseCommand, CaseActor]> = [
      ['in_review', 'refuse', 'agent'],
      ['filed', 'close_without_action', 'agent'],
      ['in_review', 'request_correction', 'agent'],
      ['accepted', 'reopen', 'supervisor'],
    ];
    for (const [from, command, actor] of needing) {
      expect(reasonRequired(command)).toBe(true);
      for (const blank of [undefined, null, '', '   \n ']) expect(transition(from, command, actor, blank)).toMatchObject({ ok: false, error: 'reason_required' });
      expect(transition(from, command, actor, '  Pièce manquante : justificatif de domicile  ')).toEqual({
        ok: true,
        to: expected(from, command, actor),
        reason: 'Pièce manquante : justificatif de domicile',
      });
    }
    expect(transition('in_review', 'refuse', 'agent', 'x'.repeat(4001))).toMatchObject({ ok: false, error: 'reason_too_long' });
    // Accepting needs no reason; an empty one is stored as none.
    expect(transition('in_review', 'accept', 'agent', ' ')).toEqual({ ok: true, to: 'accepted', reason: null });
  });

  it('offers as buttons exactly the commands that would succeed', () => {
    for (const from of CASE_STATES)
      for (const actor of CASE_ACTORS) {
        const offered = availableCommands(from, actor);
        const possible = CASE_COMMANDS.filter((c) => expected(from, c, actor) !== null);
        expect([from, actor, offered]).toEqual([from, actor, possible]);
      }
  });

  it('leaves a decided case only by a supervisor’s reopening, and never goes back to a draft', () => {
    for (const from of DECIDED_STATES)
      for (const command of CASE_COMMANDS)
        for (const actor of CASE_ACTORS) {
          const r = transition(from, command, actor, 'raison');
          if (r.ok) expect([command, actor, r.to]).toEqual(['reopen', 'supervisor', 'in_review']);
        }
    for (const from of CASE_STATES)
      for (const command of CASE_COMMANDS) {
        const r = transition(from, command, 'supervisor', 'raison');
        if (r.ok) expect(r.to).not.toBe('draft');
      }
  });

  it('reaches every state from a draft', () => {
    const seen = new Set<CaseState>(['draft']);
    let frontier: CaseState[] = ['draft'];
    while (frontier.length) {
      const next: CaseState[] = [];
      for (const s of frontier)
        for (const command of CASE_COMMANDS)
          for (const actor of CASE_ACTORS) {
            const r = transition(s, command, actor, 'raison');
            if (r.ok && !seen.has(r.to)) {
              seen.add(r.to);
              next.push(r.to);
            }
          }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
  });
});
