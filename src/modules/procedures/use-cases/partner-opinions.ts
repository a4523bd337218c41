// Opinions of partner administrations (« avis externes »): an agent invites a person of the CAF, the CPAM, a
// commune… to give an opinion on one case file. The partner signs in (an account made from the invitation,
// with TOTP) and sees that case file's answers only — never private notes, never the resident's messages,
// never another case file. Access ends with the deadline, a revocation, or the decision.
import { and, eq, lt } from 'drizzle-orm';
import { createInvitation, findUserByEmail, normaliseEmail } from '../../accounts/index.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { DECIDED_STATES } from '../domain/case-lifecycle.ts';
import { caseReference } from '../domain/reference.ts';
import { caseEvents, cases, partnerInvitations } from '../db/procedures.table.ts';
import { storeCaseFile } from './case-files.ts';
import type { CaseActorRef, ProceduresDeps } from './deps.ts';

export type Invitation = typeof partnerInvitations.$inferSelect;

export interface InviteInput {
  caseId: string;
  email: string;
  name: string;
  organisation: string;
  introduction: string;
  question: string | null;
  confidential: boolean;
  /** YYYY-MM-DD, the last day the partner may answer. */
  deadline: string;
}

export type InviteResult = { ok: true; invitationId: string } | { ok: false; errors: Record<string, string> };

const event = (deps: ProceduresDeps, caseId: string, actor: CaseActorRef, kind: string, details: Record<string, unknown>, now: Date) => ({
  id: deps.ids.uuid(),
  caseId,
  at: now,
  actorUserId: actor.userId,
  actorKind: 'agent' as const,
  kind,
  details,
  visibleToFiler: false,
});

export async function invitePartner(deps: ProceduresDeps, actor: CaseActorRef, input: InviteInput): Promise<InviteResult> {
  const now = deps.clock.now();
  const errors: Record<string, string> = {};
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(email)) errors.email = 'Saisissez une adresse e-mail valide, par exemple nom@caf.fr';
  if (!input.name.trim()) errors.name = 'Saisissez le nom de la personne';
  if (!input.organisation.trim()) errors.organisation = 'Saisissez l’administration de la personne';
  if (!input.introduction.trim()) errors.introduction = 'Expliquez ce que vous attendez de cet avis';
  if (input.introduction.length > 4000) errors.introduction = 'Le message doit faire 4000 caractères au plus';
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(input.deadline)) errors.deadline = 'Saisissez la date limite, par exemple 15 12 2026';
  else if (input.deadline < parisToday(now)) errors.deadline = 'La date limite ne peut pas être dans le passé';
  if (Object.keys(errors).length) return { ok: false, errors };
  const [row] = await deps.db.select().from(cases).where(eq(cases.id, input.caseId));
  if (!row || row.state === 'draft' || DECIDED_STATES.has(row.state)) return { ok: false, errors: { email: 'On ne peut plus demander d’avis sur ce dossier : il est décidé' } };
  const reference = caseReference(row.number, row.createdAt);
  const existing = await findUserByEmail(deps.db, email);
  if (existing && existing.kind !== 'staff') return { ok: false, errors: { email: 'Cette adresse est celle d’un compte de particulier : utilisez l’adresse professionnelle de la personne' } };
  let userId = existing?.id ?? null;
  const invitationId = deps.ids.uuid();
  const link = `${deps.config.publicUrl}/avis/${invitationId}`;
  const lines = [
    `${input.organisation.trim()} : le département vous demande votre avis sur le dossier n° ${reference}, avant le ${input.deadline.split('-').reverse().join('/')}.`,
    '',
    input.introduction.trim(),
    '',
    `Le dossier : ${link}`,
  ];
  if (!existing) {
    const created = await createInvitation(
      { db: deps.db, clock: deps.clock, ids: deps.ids, config: deps.config },
      { email, displayName: input.name.trim(), invitedBy: { id: actor.userId, label: actor.label }, roles: [], purpose: { subject: `Avis demandé sur le dossier n° ${reference}`, lines } },
    );
    if (!created.ok) return { ok: false, errors: { email: created.errors.email ?? created.errors.displayName ?? 'Invitation impossible' } };
    userId = created.userId;
  }
  await inTransaction(deps.db, async (tx) => {
    await tx.insert(partnerInvitations).values({
      id: invitationId,
      caseId: row.id,
      email,
      userId: userId!,
      organisation: input.organisation.trim().slice(0, 200),
      invitedByUserId: actor.userId!,
      introduction: input.introduction.trim(),
      question: input.question?.trim() || null,
      confidential: input.confidential,
      deadline: input.deadline,
      status: 'pending',
      createdAt: now,
    });
    await tx.insert(caseEvents).values(event(deps, row.id, actor, 'opinion_requested', { invitationId, organisation: input.organisation.trim() }, now));
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'partner.invited', subjectType: 'case', subjectId: row.id, requestId: actor.requestId ?? null, details: { invitationId, email, organisation: input.organisation.trim(), confidential: input.confidential } });
    if (existing) await enqueueMail(tx, { to: email, subject: `Avis demandé sur le dossier n° ${reference}`, text: ['Bonjour,', '', ...lines, '', 'Connectez-vous à Relais avec votre compte professionnel pour le lire et répondre.'].join('\n') }, now);
  });
  return { ok: true, invitationId };
}

export type PartnerAccess = { ok: true; invitation: Invitation; caseRow: typeof cases.$inferSelect } | { ok: false; reason: 'not_found' | 'revoked' | 'expired' | 'decided' };

/** Whether this user may open this invitation now; every other case file and invitation is « not found ». */
export async function partnerAccess(q: Queryable, now: Date, userId: string, invitationId: string): Promise<PartnerAccess> {
  const [invitation] = await q.select().from(partnerInvitations).where(and(eq(partnerInvitations.id, invitationId), eq(partnerInvitations.userId, userId)));
  if (!invitation) return { ok: false, reason: 'not_found' };
  const [caseRow] = await q.select().from(cases).where(eq(cases.id, invitation.caseId));
  if (!caseRow || caseRow.anonymisedAt) return { ok: false, reason: 'not_found' };
  if (invitation.status === 'revoked') return { ok: false, reason: 'revoked' };
  if (invitation.status === 'expired' || invitation.deadline < parisToday(now)) return { ok: false, reason: 'expired' };
  if (DECIDED_STATES.has(caseRow.state)) return { ok: false, reason: 'decided' };
  return { ok: true, invitation, caseRow };
}

export async function remindPartner(deps: ProceduresDeps, actor: CaseActorRef, invitationId: string, caseId: string): Promise<boolean> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const [inv] = await tx.select().from(partnerInvitations).where(and(eq(partnerInvitations.id, invitationId), eq(partnerInvitations.caseId, caseId), eq(partnerInvitations.status, 'pending')));
    if (!inv) return false;
    await tx.update(partnerInvitations).set({ remindedAt: now }).where(eq(partnerInvitations.id, inv.id));
    await enqueueMail(tx, { to: inv.email, subject: 'Rappel : un avis vous est demandé', text: ['Bonjour,', '', `Le département attend votre avis avant le ${inv.deadline.split('-').reverse().join('/')}.`, '', `${deps.config.publicUrl}/avis/${inv.id}`].join('\n') }, now);
    await tx.insert(caseEvents).values(event(deps, caseId, actor, 'opinion_reminded', { invitationId }, now));
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'partner.reminded', subjectType: 'case', subjectId: caseId, requestId: actor.requestId ?? null, details: { invitationId } });
    return true;
  });
}

export async function revokePartner(deps: ProceduresDeps, actor: CaseActorRef, invitationId: string, caseId: string): Promise<boolean> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const [inv] = await tx.select().from(partnerInvitations).where(and(eq(partnerInvitations.id, invitationId), eq(partnerInvitations.caseId, caseId)));
    if (!inv || inv.status === 'revoked') return false;
    await tx.update(partnerInvitations).set({ status: 'revoked', revokedAt: now }).where(eq(partnerInvitations.id, inv.id));
    await tx.insert(caseEvents).values(event(deps, caseId, actor, 'opinion_revoked', { invitationId }, now));
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'partner.revoked', subjectType: 'case', subjectId: caseId, requestId: actor.requestId ?? null, details: { invitationId } });
    return true;
  });
}

export type AnswerResult = { ok: true } | { ok: false; errors: Record<string, string> };

export async function answerInvitation(
  deps: ProceduresDeps,
  actor: CaseActorRef,
  input: { invitationId: string; text: string; yesNo: string | null; file: { name: string; bytes: Uint8Array } | null },
): Promise<AnswerResult> {
  const now = deps.clock.now();
  const access = await partnerAccess(deps.db, now, actor.userId!, input.invitationId);
  if (!access.ok) return { ok: false, errors: { avis: 'Vous ne pouvez plus répondre à cette demande' } };
  const inv = access.invitation;
  if (inv.status === 'answered') return { ok: false, errors: { avis: 'Vous avez déjà répondu' } };
  const errors: Record<string, string> = {};
  const text = input.text.trim();
  if (!text) errors.avis = 'Écrivez votre avis';
  else if (text.length > 8000) errors.avis = 'Votre avis doit faire 8000 caractères au plus';
  if (inv.question && input.yesNo !== 'oui' && input.yesNo !== 'non') errors.reponse = 'Répondez oui ou non à la question';
  if (Object.keys(errors).length) return { ok: false, errors };
  try {
    await inTransaction(deps.db, async (tx) => {
      if (input.file) {
        const stored = await storeCaseFile(deps, tx, { caseId: inv.caseId, purpose: 'opinion', invitationId: inv.id, name: input.file.name, bytes: input.file.bytes, uploadedByUserId: actor.userId });
        if (!stored.ok) throw new OpinionFileRefused(stored.message);
      }
      await tx
        .update(partnerInvitations)
        .set({ status: 'answered', answerText: text, answerYesNo: inv.question ? input.yesNo === 'oui' : null, answeredAt: now })
        .where(and(eq(partnerInvitations.id, inv.id), eq(partnerInvitations.status, 'pending')));
      await tx.insert(caseEvents).values({ id: deps.ids.uuid(), caseId: inv.caseId, at: now, actorUserId: actor.userId, actorKind: 'partner', kind: 'opinion_given', details: { invitationId: inv.id, organisation: inv.organisation }, visibleToFiler: false });
      await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'partner.answered', subjectType: 'case', subjectId: inv.caseId, requestId: actor.requestId ?? null, details: { invitationId: inv.id } });
      await enqueueJob(tx, { kind: 'procedures.notify', payload: { caseId: inv.caseId, event: 'opinion', invitationId: inv.id } }, now);
    });
  } catch (e) {
    if (e instanceof OpinionFileRefused) return { ok: false, errors: { fichier: e.message } };
    throw e;
  }
  return { ok: true };
}

class OpinionFileRefused extends Error {}

/** Daily: invitations still unanswered after their deadline are closed (the partner's access already ended). */
export async function expirePartnerInvitations(deps: Pick<ProceduresDeps, 'db' | 'clock'>): Promise<number> {
  const today = parisToday(deps.clock.now());
  const rows = await deps.db.update(partnerInvitations).set({ status: 'expired' }).where(and(eq(partnerInvitations.status, 'pending'), lt(partnerInvitations.deadline, today))).returning({ id: partnerInvitations.id });
  return rows.length;
}


