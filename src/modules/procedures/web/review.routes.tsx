// The agents' back-office: the inbox, the case page (answers, files, messages with the person, private notes,
// assignment, following, decisions) and the export of a procedure's case files. An agent reaches only the case
// files of the teams they belong to; any other case file is a 404.
import { mandates } from '../../mandates/index.ts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/client.ts';
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { attachmentDisposition } from '../../../platform/domain/file-type.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { parseFrenchDay } from '../../../platform/time/paris.ts';
import { communeNamesIn } from '../db/commune-names.ts';
import { fileResponse } from './file-response.ts';
import { availableCommands, CASE_COMMANDS, CASE_STATE_LABELS, CASE_STATES, type CaseCommand, type CaseState } from '../domain/case-lifecycle.ts';
import { displayAnswers } from '../domain/answer-display.ts';
import { caseReference } from '../domain/reference.ts';
import { getVersion } from '../db/procedure-queries.ts';
import { INBOX_SORTS, INBOX_TABS, searchInbox, type InboxSort, type InboxTab } from '../db/inbox-queries.ts';
import { exportCasesCsv } from '../use-cases/export-cases.ts';
import { exportCasesXlsx } from '../use-cases/export-xlsx.ts';
import { Readable } from 'node:stream';
import { caseEvents, caseFiles, caseFollowers, caseMessages, caseNotes, cases, procedures, procedureVersions, reviewTeams } from '../db/procedures.table.ts';
import { agentRoleOnCase, teamsOf } from '../use-cases/case-access.ts';
import { openCaseFile } from '../use-cases/case-files.ts';
import { receiptPdf } from '../use-cases/case-documents.ts';
import { sendCaseMessage } from '../use-cases/case-messages.ts';
import { runCaseCommand } from '../use-cases/run-case-command.ts';
import { CasePage, COMMAND_LABELS, InboxPage, NoTeamPage, PreferencesPage, type TimelineEntry } from './review.pages.tsx';
import { NOTIFICATION_MODES, notificationMode, setNotificationMode, type NotificationMode } from '../use-cases/notify-agents.ts';
import { UUID, depsOf, forbidden, notFound, takeFlash } from './route-kit.tsx';

export const reviewRoutes = new Hono<AppEnv>();

/** Any staff member with MFA passed; membership of a review team is checked per request. */
const staff = allow.staff();

function me(c: Context<AppEnv>) {
  const p = c.get('principal');
  if (p.kind !== 'staff') throw new Error('staff guard expected');
  return { userId: p.userId, label: p.email, ip: null, requestId: c.get('requestId') };
}

reviewRoutes.get('/instruction', staff, async (c) => {
  const { userId } = me(c);
  const q = c.get('deps').db;
  const teams = await teamsOf(q, userId);
  if (teams.length === 0) return c.html(<NoTeamPage ctx={await pageContext(c)} />);
  const v = c.req.query();
  const tab = (INBOX_TABS as readonly string[]).includes(v.onglet ?? '') ? (v.onglet as InboxTab) : 'a-traiter';
  const errors: FieldError[] = [];
  const day = (field: 'du' | 'au') => {
    const text = (v[field] ?? '').trim();
    if (!text) return null;
    const d = parseFrenchDay(text);
    if (!d) errors.push({ field, message: 'Saisissez une date comme 1/10/2026' });
    return d;
  };
  const commune = (v.commune ?? '').trim();
  if (commune && !/^(\d{5}|2[AB]\d{3})$/u.test(commune)) errors.push({ field: 'commune', message: 'Saisissez le code INSEE de la commune, par exemple 35238' });
  const procs = await q
    .selectDistinct({ id: procedures.id, slug: procedures.slug, definition: procedureVersions.definition })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId));
  const procedureId = procs.some((p) => p.id === v.demarche) ? v.demarche! : null;
  const state = (CASE_STATES as readonly string[]).includes(v.etat ?? '') ? (v.etat as CaseState) : null;
  const sort = (INBOX_SORTS as readonly string[]).includes(v.tri ?? '') ? (v.tri as InboxSort) : 'depot-recent';
  const page = Math.max(1, Number.parseInt(v.page ?? '1', 10) || 1);
  const filedFrom = day('du');
  const filedTo = day('au');
  const result = await searchInbox(q, {
    userId,
    tab,
    procedureId,
    state,
    communeCode: errors.some((e) => e.field === 'commune') ? null : commune || null,
    filedFrom,
    filedTo,
    text: (v.q ?? '').slice(0, 200),
    sort,
    page,
  });
  const values: FormValues = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.slice(0, 200)]));
  const query = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams();
    for (const [k, x] of Object.entries({ ...values, ...changes })) if (x !== null && x !== '' && typeof x === 'string') params.set(k, x);
    return `/instruction?${params.toString()}`;
  };
  return c.html(
    <InboxPage
      ctx={await pageContext(c, { form: true })}
      tab={tab}
      values={values}
      errors={errors}
      rows={result.rows}
      page={result.page}
      hasNext={result.hasNext}
      procedures={procs.map((p) => ({ id: p.id, slug: p.slug, title: p.definition.title })).sort((a, b) => a.title.localeCompare(b.title, 'fr'))}
      query={query}
      flash={await takeFlash(c, 'reviewFlash')}
    />,
    errors.length ? 422 : 200,
  );
});

/** Assigns or follows a set of case files; those outside the agent's teams are left untouched. */
async function assign(c: Context<AppEnv>, caseIds: string[], action: string): Promise<number> {
  const actor = me(c);
  const deps = depsOf(c);
  const now = deps.clock.now();
  let done = 0;
  await inTransaction(deps.db, async (tx) => {
    for (const id of caseIds) {
      if (!(await agentRoleOnCase(tx, actor.userId, id))) continue;
      if (action === 'assign-me' || action === 'unassign') {
        await tx.update(cases).set({ assigneeId: action === 'assign-me' ? actor.userId : null, updatedAt: now }).where(eq(cases.id, id));
        await tx.insert(caseEvents).values({ id: deps.ids.uuid(), caseId: id, at: now, actorUserId: actor.userId, actorKind: 'agent', kind: action === 'assign-me' ? 'assigned' : 'unassigned', details: {}, visibleToFiler: false });
        await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'case.assigned', subjectType: 'case', subjectId: id, requestId: actor.requestId, details: { to: action === 'assign-me' ? actor.userId : null } });
      } else if (action === 'follow') {
        await tx.insert(caseFollowers).values({ caseId: id, userId: actor.userId, createdAt: now }).onConflictDoNothing();
      } else if (action === 'unfollow') {
        await tx.delete(caseFollowers).where(and(eq(caseFollowers.caseId, id), eq(caseFollowers.userId, actor.userId)));
      } else continue;
      done++;
    }
  });
  return done;
}

reviewRoutes.get('/instruction/preferences', staff, async (c) => {
  const mode = await notificationMode(c.get('deps').db, me(c).userId);
  return c.html(<PreferencesPage ctx={await pageContext(c, { form: true })} mode={mode} flash={await takeFlash(c, 'reviewFlash')} error={null} />);
});

reviewRoutes.post('/instruction/preferences', staff, async (c) => {
  const form = await readForm(c);
  const mode = (NOTIFICATION_MODES as readonly string[]).includes(String(form.mode)) ? (form.mode as NotificationMode) : null;
  if (!mode) return c.html(<PreferencesPage ctx={await pageContext(c, { form: true })} mode={null} flash={null} error="Choisissez comment être prévenu" />, 422);
  await setNotificationMode(c.get('deps'), me(c).userId, mode);
  await updateSessionData(c, { reviewFlash: 'Vos préférences sont enregistrées' });
  return c.redirect('/instruction/preferences', 303);
});

reviewRoutes.post('/instruction/actions', staff, async (c) => {
  const form = await readForm(c);
  const ids = (Array.isArray(form.dossiers) ? form.dossiers : form.dossiers ? [form.dossiers] : []).filter((x) => new RegExp(`^${UUID}$`, 'u').test(x)).slice(0, 100);
  const action = typeof form.action === 'string' ? form.action : '';
  if (!['assign-me', 'follow'].includes(action)) return c.redirect('/instruction', 303);
  const done = ids.length ? await assign(c, ids, action) : 0;
  await updateSessionData(c, { reviewFlash: done ? `${done} dossier${done > 1 ? 's' : ''} ${action === 'follow' ? 'suivi' : 'attribué'}${done > 1 ? 's' : ''}` : 'Aucun dossier sélectionné' });
  const back = typeof form.retour === 'string' && form.retour.startsWith('/instruction?') ? form.retour : '/instruction';
  return c.redirect(back, 303);
});

async function renderCase(c: Context<AppEnv>, caseId: string, opts: { values?: FormValues; errors?: FieldError[]; status?: 200 | 422 } = {}) {
  const actor = me(c);
  const deps = depsOf(c);
  const q = deps.db;
  const role = await agentRoleOnCase(q, actor.userId, caseId);
  if (!role) return notFound(c);
  const [row] = await q.select().from(cases).where(eq(cases.id, caseId));
  if (!row || row.anonymisedAt) return notFound(c);
  const version = await getVersion(q, row.versionId);
  const files = await q.select().from(caseFiles).where(eq(caseFiles.caseId, row.id));
  const communes = await communeNamesIn(q, [row.answers]);
  const sections = displayAnswers(version!.definition, row.answers ?? {}, { communeName: (code) => communes.get(code) ?? code, fileName: (id) => files.find((f) => f.id === id)?.fileName ?? 'fichier' });
  const events = await q.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(desc(caseEvents.at));
  const messages = await q.select().from(caseMessages).where(and(eq(caseMessages.caseId, row.id))).orderBy(asc(caseMessages.createdAt));
  const notes = await q.select().from(caseNotes).where(eq(caseNotes.caseId, row.id)).orderBy(desc(caseNotes.createdAt));
  const people = [...new Set([row.assigneeId, row.mandateId ? row.filedByUserId : null, ...events.map((e) => e.actorUserId), ...messages.map((m) => m.authorUserId), ...notes.map((n) => n.authorUserId)].filter((x): x is string => !!x))];
  const names = new Map(
    (people.length ? await queryRows<{ id: string; display_name: string }>(q, sql`select id, display_name from users where id in (${sql.join(people.map((id) => sql`${id}`), sql`, `)})`) : []).map((u) => [u.id, u.display_name]),
  );
  const [team] = row.teamId ? await q.select({ name: reviewTeams.name }).from(reviewTeams).where(eq(reviewTeams.id, row.teamId)) : [];
  const [follow] = await q.select().from(caseFollowers).where(and(eq(caseFollowers.caseId, row.id), eq(caseFollowers.userId, actor.userId)));
  const reference = caseReference(row.number, row.createdAt);
  await recordAudit(q, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.viewed', subjectType: 'case', subjectId: row.id, personId: row.filerUserId ?? undefined, requestId: actor.requestId, details: { reference } });
  const who = (kind: string, id: string | null) => (kind === 'filer' ? (row.filerName ?? 'La personne') : kind === 'system' ? 'Relais' : (names.get(id ?? '') ?? 'Un agent'));
  const eventTitle = (kind: string): string =>
    kind === 'filed'
      ? 'Dossier déposé'
      : kind === 'resubmitted'
        ? 'Dossier corrigé et redéposé'
        : kind === 'assigned'
          ? 'Dossier attribué'
          : kind === 'unassigned'
            ? 'Dossier retiré de la personne qui l’avait'
            : kind in COMMAND_LABELS
              ? COMMAND_LABELS[kind as keyof typeof COMMAND_LABELS]
              : kind === 'letter'
                ? 'Courrier de décision produit'
                : kind;
  const timeline: TimelineEntry[] = events.map((e) => ({ at: e.at, who: who(e.actorKind, e.actorUserId), title: eventTitle(e.kind), text: e.reason }));
  return c.html(
    <CasePage
      ctx={await pageContext(c, { form: true })}
      caseId={row.id}
      reference={reference}
      title={version!.definition.title}
      version={version!.version}
      state={row.state}
      team={team?.name ?? null}
      assignee={row.assigneeId ? (names.get(row.assigneeId) ?? null) : null}
      assignedToMe={row.assigneeId === actor.userId}
      following={!!follow}
      filedAt={row.filedAt}
      filer={{ name: row.filerName, email: row.contactEmail, phone: row.contactPhone }}
      underMandate={row.mandateId ? { by: names.get(row.filedByUserId ?? '') ?? 'un aidant', forName: row.filedForName ?? '', reference: (await q.select({ reference: mandates.reference }).from(mandates).where(eq(mandates.id, row.mandateId)))[0]?.reference ?? '' } : null}
      sections={sections}
      timeline={timeline}
      messages={messages
        .filter((m) => m.invitationId === null)
        .map((m) => ({ at: m.createdAt, who: who(m.authorKind, m.authorUserId), body: m.body, files: files.filter((f) => f.messageId === m.id).map((f) => ({ id: f.id, name: f.fileName })) }))}
      notes={notes.map((n) => ({ at: n.createdAt, who: names.get(n.authorUserId) ?? 'Un agent', body: n.body }))}
      commands={availableCommands(row.state, role === 'supervisor' ? 'supervisor' : 'agent').filter((x): x is Exclude<CaseCommand, 'submit'> => x !== 'submit')}
      values={opts.values ?? {}}
      errors={opts.errors ?? []}
      flash={await takeFlash(c, 'reviewFlash')}
    />,
    opts.status ?? 200,
  );
}

reviewRoutes.get(`/instruction/dossiers/:caseId{${UUID}}`, staff, (c) => renderCase(c, c.req.param('caseId')));

reviewRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/decision`, staff, async (c) => {
  const caseId = c.req.param('caseId');
  const actor = me(c);
  const deps = depsOf(c);
  const role = await agentRoleOnCase(deps.db, actor.userId, caseId);
  if (!role) return notFound(c);
  const form = await readForm(c);
  const command = typeof form.commande === 'string' && (CASE_COMMANDS as readonly string[]).includes(form.commande) && form.commande !== 'submit' ? (form.commande as Exclude<CaseCommand, 'submit'>) : null;
  if (!command) return renderCase(c, caseId, { values: form, errors: [{ field: 'commande', message: 'Choisissez ce que vous faites de ce dossier' }], status: 422 });
  const reason = typeof form.motif === 'string' ? form.motif : '';
  const r = await runCaseCommand(deps, actor, { caseId, command, as: role === 'supervisor' ? 'supervisor' : 'agent', reason });
  if (!r.ok) {
    const field = r.error === 'reason_required' || r.error === 'reason_too_long' ? 'motif' : 'commande';
    return renderCase(c, caseId, { values: form, errors: [{ field, message: r.message }], status: 422 });
  }
  await updateSessionData(c, { reviewFlash: `Dossier ${CASE_STATE_LABELS[r.to as CaseState].toLowerCase()}` });
  return c.redirect(`/instruction/dossiers/${caseId}`, 303);
});

reviewRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/message`, staff, async (c) => {
  const caseId = c.req.param('caseId');
  const actor = me(c);
  const deps = depsOf(c);
  if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
  const body = await c.req.parseBody({ all: true });
  const text = typeof body.message === 'string' ? body.message : '';
  const chosen = (Array.isArray(body.fichiers) ? body.fichiers : [body.fichiers]).filter((f): f is File => f instanceof File && f.size > 0);
  const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const r = await sendCaseMessage(deps, actor, { caseId, authorKind: 'agent', invitationId: null, body: text, files });
  if (!r.ok) return renderCase(c, caseId, { values: { message: text }, errors: [{ field: r.field === 'files' ? 'fichiers' : 'message', message: r.message }], status: 422 });
  await updateSessionData(c, { reviewFlash: 'Message envoyé' });
  return c.redirect(`/instruction/dossiers/${caseId}#messages`, 303);
});

reviewRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/note`, staff, async (c) => {
  const caseId = c.req.param('caseId');
  const actor = me(c);
  const deps = depsOf(c);
  if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
  const form = await readForm(c);
  const note = (typeof form.note === 'string' ? form.note : '').trim();
  if (!note || note.length > 5000) return renderCase(c, caseId, { values: form, errors: [{ field: 'note', message: note ? 'La note doit faire 5000 caractères au plus' : 'Écrivez la note' }], status: 422 });
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    await tx.insert(caseNotes).values({ id: deps.ids.uuid(), caseId, authorUserId: actor.userId, body: note, createdAt: now });
    await recordAudit(tx, { at: now, actorId: actor.userId, actorLabel: actor.label, action: 'case.note_added', subjectType: 'case', subjectId: caseId, requestId: actor.requestId });
  });
  await updateSessionData(c, { reviewFlash: 'Note ajoutée' });
  return c.redirect(`/instruction/dossiers/${caseId}#notes`, 303);
});

reviewRoutes.post(`/instruction/dossiers/:caseId{${UUID}}/attribution`, staff, async (c) => {
  const caseId = c.req.param('caseId');
  const form = await readForm(c);
  const action = typeof form.action === 'string' ? form.action : '';
  if (!(await agentRoleOnCase(c.get('deps').db, me(c).userId, caseId))) return notFound(c);
  if (!['assign-me', 'unassign', 'follow', 'unfollow'].includes(action)) return c.redirect(`/instruction/dossiers/${caseId}`, 303);
  await assign(c, [caseId], action);
  return c.redirect(`/instruction/dossiers/${caseId}`, 303);
});

reviewRoutes.get(`/instruction/dossiers/:caseId{${UUID}}/fichiers/:fileId{${UUID}}`, staff, async (c) => {
  const actor = me(c);
  const deps = depsOf(c);
  const caseId = c.req.param('caseId');
  if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
  const opened = await openCaseFile(deps, deps.db, c.req.param('fileId'));
  if (!opened || opened.file.caseId !== caseId) return notFound(c);
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.file_viewed', subjectType: 'case', subjectId: caseId, requestId: actor.requestId, details: { fileId: opened.file.id, purpose: opened.file.purpose } });
  return fileResponse(opened.file, opened.stream);
});

reviewRoutes.get(`/instruction/dossiers/:caseId{${UUID}}/recepisse.pdf`, staff, async (c) => {
  const actor = me(c);
  const deps = depsOf(c);
  const caseId = c.req.param('caseId');
  if (!(await agentRoleOnCase(deps.db, actor.userId, caseId))) return notFound(c);
  const receipt = await receiptPdf(deps, caseId);
  if (!receipt) return notFound(c);
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.file_viewed', subjectType: 'case', subjectId: caseId, requestId: actor.requestId, details: { document: 'receipt' } });
  return c.body(new Uint8Array(receipt.pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': attachmentDisposition(receipt.fileName), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
});

for (const format of ['csv', 'xlsx'] as const) {
  reviewRoutes.get(`/instruction/export.${format}`, staff, async (c) => {
    const actor = me(c);
    const deps = depsOf(c);
    const procedureId = c.req.query('demarche') ?? '';
    if (!new RegExp(`^${UUID}$`, 'u').test(procedureId)) return notFound(c);
    if ((await teamsOf(deps.db, actor.userId)).length === 0) return forbidden(c);
    const [proc] = await deps.db.select({ slug: procedures.slug }).from(procedures).where(eq(procedures.id, procedureId));
    if (!proc) return notFound(c);
    await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.exported', subjectType: 'procedure', subjectId: procedureId, requestId: actor.requestId, details: { format } });
    const headers = { 'content-disposition': attachmentDisposition(`dossiers-${proc.slug}.${format}`), 'cache-control': 'private, no-store' };
    const criteria = { userId: actor.userId, procedureId };
    if (format === 'xlsx') {
      const body = exportCasesXlsx(deps.db, criteria, (e) => c.get('logger').error({ err: e }, 'export XLSX interrompu'));
      return new Response(Readable.toWeb(body) as ReadableStream, { headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    }
    for (const [k, v] of Object.entries({ ...headers, 'content-type': 'text/csv; charset=utf-8' })) c.header(k, v);
    return stream(c, async (out) => {
      for await (const chunk of exportCasesCsv(deps.db, criteria)) await out.write(chunk);
    });
  });
}
