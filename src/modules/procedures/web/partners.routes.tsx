// Routes of the opinions of partner administrations: the agents' side on a case file, and the partner's side
// under /avis, where everything is reached through one invitation and its access rule (partnerAccess).
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { ErrorPage } from '../../../platform/views/error-page.tsx';
import { communeNamesIn } from '../db/commune-names.ts';
import { fileResponse } from './file-response.ts';
import { DECIDED_STATES } from '../domain/case-lifecycle.ts';
import { displayAnswers } from '../domain/answer-display.ts';
import { caseReference } from '../domain/reference.ts';
import { getVersion } from '../db/procedure-queries.ts';
import { caseFiles, caseMessages, cases, partnerInvitations, procedureVersions } from '../db/procedures.table.ts';
import { agentRoleOnCase } from '../use-cases/case-access.ts';
import { openCaseFile } from '../use-cases/case-files.ts';
import { sendCaseMessage } from '../use-cases/case-messages.ts';
import { answerInvitation, invitePartner, partnerAccess, remindPartner, revokePartner, type Invitation } from '../use-cases/partner-opinions.ts';
import { AgentOpinionsPage, PartnerCasePage, PartnerClosedPage, PartnerListPage, type InvitationView } from './partners.pages.tsx';
import { UUID, depsOf, notFound, takeFlash } from './route-kit.tsx';

export const partnerRoutes = new Hono<AppEnv>();

const staff = allow.staff();

/** Agents, and partners (staff with MFA passed, with or without a role): the invitation decides. */
function staffActor(c: Context<AppEnv>) {
  const p = c.get('principal');
  return p.kind === 'staff' && p.mfaPassed ? { userId: p.userId, label: p.email, ip: null, requestId: c.get('requestId') } : null;
}

async function views(c: Context<AppEnv>, invitations: Invitation[]): Promise<InvitationView[]> {
  const q = c.get('deps').db;
  const ids = invitations.map((i) => i.id);
  const files = ids.length ? await q.select().from(caseFiles).where(and(inArray(caseFiles.invitationId, ids), eq(caseFiles.purpose, 'opinion'))) : [];
  const messages = ids.length ? await q.select().from(caseMessages).where(inArray(caseMessages.invitationId, ids)).orderBy(asc(caseMessages.createdAt)) : [];
  return invitations.map((i) => ({
    id: i.id,
    email: i.email,
    organisation: i.organisation,
    status: i.status,
    deadline: i.deadline,
    question: i.question,
    confidential: i.confidential,
    answerText: i.answerText,
    answerYesNo: i.answerYesNo,
    answeredAt: i.answeredAt,
    files: files.filter((f) => f.invitationId === i.id).map((f) => ({ id: f.id, name: f.fileName })),
    messages: messages.filter((m) => m.invitationId === i.id).map((m) => ({ at: m.createdAt, who: m.authorKind === 'partner' ? i.organisation : 'L’équipe du département', body: m.body })),
  }));
}

// ——— Agents ———

async function agentPage(c: Context<AppEnv>, caseId: string, opts: { values?: FormValues; errors?: FieldError[]; status?: 200 | 422 } = {}) {
  const actor = staffActor(c)!;
  const q = c.get('deps').db;
  if (!(await agentRoleOnCase(q, actor.userId, caseId))) return notFound(c);
  const [row] = await q.select().from(cases).where(eq(cases.id, caseId));
  if (!row) return notFound(c);
  const invitations = await q.select().from(partnerInvitations).where(eq(partnerInvitations.caseId, caseId)).orderBy(desc(partnerInvitations.createdAt));
  return c.html(
    <AgentOpinionsPage
      ctx={await pageContext(c, { form: true })}
      caseId={caseId}
      reference={caseReference(row.number, row.createdAt)}
      invitations={await views(c, invitations)}
      values={opts.values ?? {}}
      errors={opts.errors ?? []}
      flash={await takeFlash(c, 'opinionFlash')}
      decided={DECIDED_STATES.has(row.state)}
    />,
    opts.status ?? 200,
  );
}

partnerRoutes.get(`/instruction/dossiers/:caseId{${UUID}}/avis`, staff, (c) => agentPage(c, c.req.param('caseId')));

partnerRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/avis`, staff, async (c) => {
  const caseId = c.req.param('caseId');
  const actor = staffActor(c)!;
  const deps = depsOf(c);
  if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
  const form = await readForm(c);
  const s = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const [d, m, y] = [s('deadline-day'), s('deadline-month'), s('deadline-year')].map((x) => x.trim());
  const date = /^\d{1,2}$/u.test(d!) && /^\d{1,2}$/u.test(m!) && /^\d{4}$/u.test(y!) ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
  const deadline = date && date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date.toISOString().slice(0, 10) : '';
  const r = await invitePartner(deps, actor, {
    caseId,
    email: s('email'),
    name: s('name'),
    organisation: s('organisation'),
    introduction: s('introduction'),
    question: s('question') || null,
    confidential: s('confidential') === 'oui',
    deadline,
  });
  if (!r.ok) return agentPage(c, caseId, { values: form, errors: Object.entries(r.errors).map(([field, message]) => ({ field, message })), status: 422 });
  await updateSessionData(c, { opinionFlash: 'La demande d’avis est envoyée' });
  return c.redirect(`/instruction/dossiers/${caseId}/avis`, 303);
});

for (const [action, run, flash] of [
  ['relancer', remindPartner, 'Relance envoyée'],
  ['retirer', revokePartner, 'Demande d’avis retirée : la personne n’a plus accès au dossier'],
] as const) {
  partnerRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/avis/:invitationId{${UUID}}/${action}`, staff, async (c) => {
    const caseId = c.req.param('caseId');
    const actor = staffActor(c)!;
    const deps = depsOf(c);
    if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
    if (!(await run(deps, actor, c.req.param('invitationId'), caseId))) return notFound(c);
    await updateSessionData(c, { opinionFlash: flash });
    return c.redirect(`/instruction/dossiers/${caseId}/avis`, 303);
  });
}

partnerRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/avis/:invitationId{${UUID}}/message`, staff, async (c) => {
  const caseId = c.req.param('caseId');
  const actor = staffActor(c)!;
  const deps = depsOf(c);
  if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
  const [inv] = await deps.db.select().from(partnerInvitations).where(and(eq(partnerInvitations.id, c.req.param('invitationId')), eq(partnerInvitations.caseId, caseId)));
  if (!inv) return notFound(c);
  const form = await readForm(c);
  const r = await sendCaseMessage(deps, actor, { caseId, authorKind: 'agent', invitationId: inv.id, body: typeof form.message === 'string' ? form.message : '', files: [] });
  if (!r.ok) return agentPage(c, caseId, { errors: [{ field: `message-${inv.id}`, message: r.message }], status: 422 });
  await updateSessionData(c, { opinionFlash: 'Message envoyé' });
  return c.redirect(`/instruction/dossiers/${caseId}/avis`, 303);
});

// ——— Partners ———

partnerRoutes.get('/avis', allow.signedIn, async (c) => {
  const actor = staffActor(c);
  if (!actor) return c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403);
  const q = c.get('deps').db;
  const rows = await q
    .select({ inv: partnerInvitations, number: cases.number, createdAt: cases.createdAt, definition: procedureVersions.definition })
    .from(partnerInvitations)
    .innerJoin(cases, eq(cases.id, partnerInvitations.caseId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, cases.versionId))
    .where(eq(partnerInvitations.userId, actor.userId))
    .orderBy(desc(partnerInvitations.createdAt));
  return c.html(
    <PartnerListPage
      ctx={await pageContext(c)}
      invitations={rows.map((r) => ({ id: r.inv.id, reference: caseReference(r.number, r.createdAt), title: r.definition.title, organisation: r.inv.organisation, deadline: r.inv.deadline, status: r.inv.status }))}
    />,
  );
});

async function partnerCase(c: Context<AppEnv>) {
  const actor = staffActor(c);
  if (!actor) return { response: await c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403) };
  const access = await partnerAccess(c.get('deps').db, c.get('deps').clock.now(), actor.userId, c.req.param('invitationId') ?? '');
  if (!access.ok) {
    if (access.reason === 'not_found') return { response: await notFound(c) };
    return { response: await c.html(<PartnerClosedPage ctx={await pageContext(c)} reason={access.reason} />, 403) };
  }
  return { actor, access };
}

async function renderPartnerCase(c: Context<AppEnv>, opts: { values?: FormValues; errors?: FieldError[]; status?: 200 | 422 } = {}) {
  const found = await partnerCase(c);
  if ('response' in found) return found.response;
  const { actor, access } = found;
  const deps = depsOf(c);
  const q = deps.db;
  const row = access.caseRow;
  const version = await getVersion(q, row.versionId);
  const files = await q.select({ id: caseFiles.id, name: caseFiles.fileName }).from(caseFiles).where(and(eq(caseFiles.caseId, row.id), eq(caseFiles.purpose, 'answer')));
  const communes = await communeNamesIn(q, [row.answers]);
  // Other partners' opinions on the same case file, unless they asked for confidentiality.
  const others = await q
    .select()
    .from(partnerInvitations)
    .where(and(eq(partnerInvitations.caseId, row.id), ne(partnerInvitations.id, access.invitation.id), eq(partnerInvitations.status, 'answered'), eq(partnerInvitations.confidential, false)));
  await recordAudit(q, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'partner.case_viewed', subjectType: 'case', subjectId: row.id, personId: row.filerUserId ?? undefined, requestId: actor.requestId, details: { invitationId: access.invitation.id } });
  const [view] = await views(c, [access.invitation]);
  return c.html(
    <PartnerCasePage
      ctx={await pageContext(c, { form: true })}
      invitation={{ ...view!, introduction: access.invitation.introduction }}
      reference={caseReference(row.number, row.createdAt)}
      title={version!.definition.title}
      sections={displayAnswers(version!.definition, row.answers ?? {}, { communeName: (code) => communes.get(code) ?? code, fileName: (id) => files.find((f) => f.id === id)?.name ?? 'fichier' })}
      others={others.map((o) => ({ organisation: o.organisation, answerText: o.answerText ?? '', answerYesNo: o.answerYesNo }))}
      values={opts.values ?? {}}
      errors={opts.errors ?? []}
      flash={await takeFlash(c, 'opinionFlash')}
    />,
    opts.status ?? 200,
  );
}

partnerRoutes.get(`/avis/:invitationId{${UUID}}`, allow.signedIn, (c) => renderPartnerCase(c));

partnerRoutes.post(`/avis/:invitationId{${UUID}}/reponse`, allow.signedIn, async (c) => {
  const found = await partnerCase(c);
  if ('response' in found) return found.response;
  const body = await c.req.parseBody({ all: true });
  const text = typeof body.avis === 'string' ? body.avis : '';
  const yesNo = typeof body.reponse === 'string' ? body.reponse : null;
  const f = body.fichier instanceof File && body.fichier.size > 0 ? body.fichier : null;
  const r = await answerInvitation(depsOf(c), found.actor, { invitationId: found.access.invitation.id, text, yesNo, file: f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null });
  if (!r.ok) return renderPartnerCase(c, { values: { avis: text.slice(0, 9000), reponse: yesNo ?? '' }, errors: Object.entries(r.errors).map(([field, message]) => ({ field, message })), status: 422 });
  await updateSessionData(c, { opinionFlash: 'Votre avis est envoyé. Merci.' });
  return c.redirect(`/avis/${found.access.invitation.id}`, 303);
});

partnerRoutes.post(`/avis/:invitationId{${UUID}}/message`, allow.signedIn, async (c) => {
  const found = await partnerCase(c);
  if ('response' in found) return found.response;
  const form = await readForm(c);
  const text = typeof form.message === 'string' ? form.message : '';
  const r = await sendCaseMessage(depsOf(c), found.actor, { caseId: found.access.caseRow.id, authorKind: 'partner', invitationId: found.access.invitation.id, body: text, files: [] });
  if (!r.ok) return renderPartnerCase(c, { values: { message: text.slice(0, 6000) }, errors: [{ field: 'message', message: r.message }], status: 422 });
  await updateSessionData(c, { opinionFlash: 'Message envoyé' });
  return c.redirect(`/avis/${found.access.invitation.id}`, 303);
});

partnerRoutes.get(`/avis/:invitationId{${UUID}}/fichiers/:fileId{${UUID}}`, allow.signedIn, async (c) => {
  const found = await partnerCase(c);
  if ('response' in found) return found.response;
  const deps = depsOf(c);
  // Only the answers' files of this case file: never messages', opinions' or letters' files.
  const [file] = await deps.db.select({ id: caseFiles.id }).from(caseFiles).where(and(eq(caseFiles.id, c.req.param('fileId')), eq(caseFiles.caseId, found.access.caseRow.id), eq(caseFiles.purpose, 'answer')));
  if (!file) return notFound(c);
  const opened = await openCaseFile(deps, deps.db, file.id);
  if (!opened) return notFound(c);
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: found.actor.userId, actorLabel: found.actor.label, action: 'case.file_viewed', subjectType: 'case', subjectId: found.access.caseRow.id, requestId: found.actor.requestId, details: { fileId: file.id, by: 'partner', invitationId: found.access.invitation.id } });
  return fileResponse(opened.file, opened.stream);
});

