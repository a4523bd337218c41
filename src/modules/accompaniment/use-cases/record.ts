// Recording help: one individual help (with an optional pseudonymous person) or one collective action, in the
// owner's books (the social centre or the structure of the helper), journaled.
import { randomInt } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { AppDeps, Principal } from '../../../platform/http/context.ts';
import type { Queryable, Tx } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { accompaniments, beneficiaries, collectiveActions } from '../db/accompaniment.table.ts';
import type { Equipment, Level, Outcome, Place, Theme } from '../domain/accompaniment.ts';
import { scopesOfThemes, useMandate, type MandateOwner } from '../../mandates/index.ts';

export type AccompanimentDeps = Pick<AppDeps, 'db' | 'clock' | 'ids'>;
export interface Owner {
  kind: 'centre' | 'structure';
  id: string;
}
export interface Helper {
  userId: string;
  label: string;
  requestId?: string | null;
}

/** Where the principal records help: each social centre and each structure of their roles. */
export function ownersOf(p: Principal): Owner[] {
  if (p.kind !== 'staff') return [];
  const out: Owner[] = [];
  for (const r of p.roles) {
    if ((r.role === 'agent' || r.role === 'centre_manager') && r.socialCentreId) out.push({ kind: 'centre', id: r.socialCentreId });
    if (r.role === 'structure_member' && r.structureId) out.push({ kind: 'structure', id: r.structureId });
  }
  return out.filter((o, i) => out.findIndex((x) => x.id === o.id) === i);
}

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** « P-7K3M »: short, no look-alike characters. */
export function newPersonCode(): string {
  return `P-${Array.from({ length: 4 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('')}`;
}

export interface AccompanimentInput {
  happenedOn: string;
  durationMinutes: number;
  place: Place;
  level: Level;
  themes: Theme[];
  equipment: Equipment[];
  outcome: Outcome;
  referredTo: string | null;
  /** The directory's service the person was sent to, when chosen from its page. */
  referredServiceId: string | null;
  communeInsee: string | null;
  /** For « faire à la place »: the reference of the person's mandate. */
  mandateReference: string | null;
  /** An existing person's code, or a new person to remember (first name and year of birth, both optional). */
  person: { kind: 'none' } | { kind: 'known'; code: string } | { kind: 'new'; firstName: string | null; birthYear: number | null };
}

export type RecordResult = { ok: true; id: string; personCode: string | null } | { ok: false; field: string; message: string };

/**
 * « Faire à la place » is recorded only under an active mandate of the person, given to this centre or structure,
 * whose domains cover the themes of the help, by an « aidant habilité » of it (`habilitations`).
 */
export async function recordAccompaniment(deps: AccompanimentDeps, owner: Owner, helper: Helper, input: AccompanimentInput, habilitations: MandateOwner[] = []): Promise<RecordResult> {
  const now = deps.clock.now();
  if (input.level === 'faire_a_la_place') {
    if (!habilitations.some((h) => h.id === owner.id)) return { ok: false, field: 'level', message: '« Faire à la place » est réservé aux aidants habilités, sous mandat de la personne : notez plutôt « Faire avec »' };
    if (!input.mandateReference) return { ok: false, field: 'mandateReference', message: 'Saisissez la référence du mandat de la personne, par exemple M-2026-7K3M9Q' };
    if (!scopesOfThemes(input.themes).length) return { ok: false, field: 'themes', message: 'Cochez le domaine de la démarche faite à la place (papiers, famille, social…)' };
  }
  try {
    return await inTransaction(deps.db, (tx) => recordIn(tx, deps, owner, helper, input, habilitations, now));
  } catch (e) {
    // A refusal found inside the transaction undoes it whole (the mandate's use is not journaled then).
    if (e instanceof Refused) return { ok: false, field: e.field, message: e.message };
    throw e;
  }
}

class Refused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

async function recordIn(tx: Tx, deps: AccompanimentDeps, owner: Owner, helper: Helper, input: AccompanimentInput, habilitations: MandateOwner[], now: Date): Promise<RecordResult> {
  let mandateId: string | null = null;
  if (input.level === 'faire_a_la_place') {
    const used = await useMandate(tx, { reference: input.mandateReference!, owners: habilitations.filter((h) => h.id === owner.id), scopes: scopesOfThemes(input.themes), purpose: 'accompagnement « faire à la place »', now, actor: helper });
    if (!used.ok) throw new Refused('mandateReference', used.message);
    mandateId = used.mandate.id;
  }
  let beneficiaryId: string | null = null;
  let personCode: string | null = null;
  if (input.person.kind === 'known') {
    const [b] = await tx.select().from(beneficiaries).where(and(eq(beneficiaries.ownerId, owner.id), eq(beneficiaries.code, input.person.code)));
    if (!b) throw new Refused('personCode', 'Aucune personne n’a ce code dans votre centre ou votre structure : vérifiez-le, ou choisissez « Nouvelle personne »');
    beneficiaryId = b.id;
    personCode = b.code;
  } else if (input.person.kind === 'new') {
    for (let attempt = 0; attempt < 5 && !beneficiaryId; attempt++) {
      const code = newPersonCode();
      const rows = await tx
        .insert(beneficiaries)
        .values({ id: deps.ids.uuid(), ownerKind: owner.kind, ownerId: owner.id, code, firstName: input.person.firstName, birthYear: input.person.birthYear, createdAt: now })
        .onConflictDoNothing()
        .returning();
      if (rows[0]) {
        beneficiaryId = rows[0].id;
        personCode = code;
      }
    }
  }
  const id = deps.ids.uuid();
  await tx.insert(accompaniments).values({
    id,
    ownerKind: owner.kind,
    ownerId: owner.id,
    helperUserId: helper.userId,
    happenedOn: input.happenedOn,
    durationMinutes: input.durationMinutes,
    place: input.place,
    level: input.level,
    themes: input.themes,
    equipment: input.equipment,
    outcome: input.outcome,
    referredTo: input.referredTo,
    referredServiceId: input.referredServiceId,
    communeInsee: input.communeInsee,
    beneficiaryId,
    mandateId,
    createdAt: now,
  });
  await recordAudit(tx, {
    at: now,
    actorId: helper.userId,
    actorLabel: helper.label,
    action: 'accompaniment.recorded',
    subjectType: 'accompaniment',
    subjectId: id,
    ...(beneficiaryId ? { personId: beneficiaryId } : {}),
    requestId: helper.requestId ?? null,
    details: { level: input.level, owner: owner.id },
  });
  return { ok: true as const, id, personCode };
}

export interface CollectiveInput {
  happenedOn: string;
  title: string;
  theme: Theme;
  level: Level;
  durationMinutes: number;
  attendees: number;
  firstTime: number;
  ages: { under18: number; from18to25: number; from26to59: number; over60: number };
}

export async function recordCollectiveAction(deps: AccompanimentDeps, owner: Owner, helper: Helper, input: CollectiveInput): Promise<string> {
  const now = deps.clock.now();
  const id = deps.ids.uuid();
  await inTransaction(deps.db, async (tx) => {
    await tx.insert(collectiveActions).values({ id, ownerKind: owner.kind, ownerId: owner.id, helperUserId: helper.userId, happenedOn: input.happenedOn, title: input.title, theme: input.theme, level: input.level, durationMinutes: input.durationMinutes, attendees: input.attendees, firstTime: input.firstTime, ...input.ages, createdAt: now });
    await recordAudit(tx, { at: now, actorId: helper.userId, actorLabel: helper.label, action: 'accompaniment.collective_recorded', subjectType: 'collective_action', subjectId: id, requestId: helper.requestId ?? null, details: { attendees: input.attendees, owner: owner.id } });
  });
  return id;
}

/** The helps given in the owner's books, newest first. */
export async function recentAccompaniments(q: Queryable, ownerId: string, limit = 20) {
  return q
    .select({ a: accompaniments, code: beneficiaries.code })
    .from(accompaniments)
    .leftJoin(beneficiaries, eq(beneficiaries.id, accompaniments.beneficiaryId))
    .where(eq(accompaniments.ownerId, ownerId))
    .orderBy(desc(accompaniments.happenedOn), desc(accompaniments.createdAt))
    .limit(limit);
}

/** A person's history, only in the owner's books; the reading is journaled. */
export async function personHistory(deps: AccompanimentDeps, ownerId: string, code: string, helper: Helper) {
  const [person] = await deps.db.select().from(beneficiaries).where(and(eq(beneficiaries.ownerId, ownerId), eq(beneficiaries.code, code)));
  if (!person) return null;
  const helps = await deps.db.select().from(accompaniments).where(eq(accompaniments.beneficiaryId, person.id)).orderBy(desc(accompaniments.happenedOn));
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: helper.userId, actorLabel: helper.label, action: 'accompaniment.person_viewed', subjectType: 'beneficiary', subjectId: person.id, personId: person.id, requestId: helper.requestId ?? null });
  return { person, helps };
}
