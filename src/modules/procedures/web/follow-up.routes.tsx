// Residents after filing: following a case file by number + tracking code (no account) or from « Mes
// démarches », its page, messages with the team, and its files (what the filer may see: their answers, the
// resident thread's files, the decision letters — never partners' files). Every view is journaled.
import { and, asc, desc, eq, isNull, ne, or } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../../../platform/audit/record.ts';
import { attachmentDisposition } from '../../../platform/domain/file-type.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp, rateLimitBlockedUntil, recordRateLimitEvent, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { communeNamesIn } from '../db/commune-names.ts';
import { fileResponse } from './file-response.ts';
import { displayAnswers } from '../domain/answer-display.ts';
import { caseReference, parseCaseReference } from '../domain/reference.ts';
import { getVersion } from '../db/procedure-queries.ts';
import { caseEvents, caseFiles, caseMessages, cases, procedureVersions, reviewTeams } from '../db/procedures.table.ts';
import { openCaseFile } from '../use-cases/case-files.ts';
import { receiptPdf } from '../use-cases/case-documents.ts';
import { sendCaseMessage } from '../use-cases/case-messages.ts';
import { hashTrackingCode } from '../use-cases/file-case.ts';
import { filerMayAccess, grantFilerAccess } from './filer-access.ts';
import { FilerCasePage, FollowUpFormPage, MyProceduresPage } from './follow-up.pages.tsx';
import { COMMAND_LABELS } from './review.pages.tsx';
import { UUID, depsOf, notFound } from './route-kit.tsx';

export const followUpRoutes = new Hono<AppEnv>();

/** Wrong number/code pairs per IP address: 10 free tries, then slowed, then 15 minutes off after 30. */
export const FOLLOW_UP_RULE: RateLimitRule = { name: 'case-follow-up:ip', windowMs: 15 * 60_000, slowAfter: 10, slowDelayMs: 2_000, lockAfter: 30, lockMs: 15 * 60_000 };

function actorOf(c: Context<AppEnv>) {
  const p = c.get('principal');
  return { userId: p.kind === 'anonymous' ? null : p.userId, label: p.kind === 'anonymous' ? 'usager (code de suivi)' : p.email, ip: clientIp(c), requestId: c.get('requestId') };
}

followUpRoutes.get('/demarches/suivi', allow.anyone, async (c) => c.html(<FollowUpFormPage ctx={await pageContext(c, { form: true })} values={{}} errors={[]} />));

followUpRoutes.post('/demarches/suivi', allow.anyone, async (c) => {
  const form = await readForm(c);
  const deps = c.get('deps');
  const now = deps.clock.now();
  const values: FormValues = { reference: String(form.reference ?? '').slice(0, 40), code: String(form.code ?? '').slice(0, 20) };
  const again = async (errors: FieldError[], status: 422 | 429) => c.html(<FollowUpFormPage ctx={await pageContext(c, { form: true })} values={values} errors={errors} />, status);
  const ip = clientIp(c);
  if (await rateLimitBlockedUntil(deps.db, FOLLOW_UP_RULE, ip, now)) {
    return again([{ field: 'reference', message: 'Trop d’essais : attendez 15 minutes avant de recommencer' }], 429);
  }
  const errors: FieldError[] = [];
  const number = parseCaseReference(String(values.reference));
  if (!String(values.reference).trim()) errors.push({ field: 'reference', message: 'Saisissez le numéro de dossier' });
  else if (number === null) errors.push({ field: 'reference', message: 'Saisissez un numéro de dossier comme 2026-000123' });
  if (!String(values.code).trim()) errors.push({ field: 'code', message: 'Saisissez le code de suivi' });
  if (errors.length) return again(errors, 422);
  const [row] = await deps.db.select({ id: cases.id, hash: cases.trackingCodeHash, anonymisedAt: cases.anonymisedAt }).from(cases).where(and(eq(cases.number, number!), ne(cases.state, 'draft')));
  // One answer for any wrong pair: whether the number exists is not told.
  if (!row || row.anonymisedAt || !row.hash || row.hash !== hashTrackingCode(String(values.code))) {
    await recordRateLimitEvent(deps.db, FOLLOW_UP_RULE, ip, now);
    return again([{ field: 'code', message: 'Ce numéro de dossier et ce code de suivi ne vont pas ensemble. Vérifiez-les sur le récépissé ou l’e-mail de confirmation.' }], 422);
  }
  await grantFilerAccess(c, row.id);
  return c.redirect(`/demarches/dossiers/${row.id}`, 303);
});

type CaseRow = typeof cases.$inferSelect;

async function filerCase(c: Context<AppEnv>, caseId: string): Promise<CaseRow | null> {
  const [row] = await c.get('deps').db.select().from(cases).where(eq(cases.id, caseId));
  if (!row || row.state === 'draft' || !filerMayAccess(c, row)) return null;
  return row;
}

/** Files the filer may open: their answers, the resident thread's attachments, decision letters, the receipt. */
const filerVisible = or(eq(caseFiles.purpose, 'answer'), eq(caseFiles.purpose, 'letter'), eq(caseFiles.purpose, 'receipt'), and(eq(caseFiles.purpose, 'message'), isNull(caseFiles.invitationId)));

const FILER_EVENT_TITLES: Record<string, string> = { filed: 'Demande envoyée', resubmitted: 'Dossier corrigé et renvoyé', letter: 'Courrier de décision disponible', ...COMMAND_LABELS };
const FILER_EVENT_WORDS: Record<string, string> = {
  start_review: 'Votre dossier est en cours d’instruction',
  request_correction: 'Une correction vous est demandée',
  accept: 'Demande acceptée',
  refuse: 'Demande refusée',
  close_without_action: 'Dossier classé sans suite',
  reopen: 'Dossier rouvert',
};

async function renderFilerCase(c: Context<AppEnv>, row: CaseRow, opts: { values?: FormValues; errors?: FieldError[]; status?: 200 | 422 } = {}) {
  const deps = depsOf(c);
  const q = deps.db;
  const version = await getVersion(q, row.versionId);
  const files = await q.select().from(caseFiles).where(and(eq(caseFiles.caseId, row.id), filerVisible));
  const events = await q.select().from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.visibleToFiler, true))).orderBy(asc(caseEvents.at));
  const messages = await q.select().from(caseMessages).where(and(eq(caseMessages.caseId, row.id), isNull(caseMessages.invitationId))).orderBy(asc(caseMessages.createdAt));
  const [team] = row.teamId ? await q.select({ name: reviewTeams.name }).from(reviewTeams).where(eq(reviewTeams.id, row.teamId)) : [];
  const communes = await communeNamesIn(q, [row.answers]);
  const correction = [...events].reverse().find((e) => e.kind === 'request_correction')?.reason ?? null;
  const actor = actorOf(c);
  await recordAudit(q, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.viewed', subjectType: 'case', subjectId: row.id, personId: row.filerUserId ?? undefined, ip: actor.ip, requestId: actor.requestId, details: { by: 'filer' } });
  const flash = typeof c.get('session')?.data?.filerFlash === 'string' ? (c.get('session').data.filerFlash as string) : null;
  if (flash) await updateSessionData(c, { filerFlash: undefined });
  return c.html(
    <FilerCasePage
      ctx={await pageContext(c, { form: true })}
      caseId={row.id}
      reference={caseReference(row.number, row.createdAt)}
      title={version!.definition.title}
      state={row.state}
      filedAt={row.filedAt}
      decidedAt={row.decidedAt}
      decisionReason={row.decisionReason}
      correction={row.state === 'correction_requested' ? correction : null}
      team={team?.name ?? null}
      letters={files.filter((f) => f.purpose === 'letter').map((f) => ({ id: f.id, name: f.fileName }))}
      sections={displayAnswers(version!.definition, row.answers ?? {}, { communeName: (code) => communes.get(code) ?? code, fileName: (id) => files.find((f) => f.id === id)?.fileName ?? 'fichier' })}
      events={events.map((e) => ({ at: e.at, title: FILER_EVENT_WORDS[e.kind] ?? FILER_EVENT_TITLES[e.kind] ?? 'Étape', text: e.reason }))}
      messages={messages.map((m) => ({ at: m.createdAt, mine: m.authorKind === 'filer', body: m.body, files: files.filter((f) => f.messageId === m.id).map((f) => ({ id: f.id, name: f.fileName })) }))}
      values={opts.values ?? {}}
      errors={opts.errors ?? []}
      flash={flash}
    />,
    opts.status ?? 200,
  );
}

followUpRoutes.get(`/demarches/dossiers/:caseId{${UUID}}`, allow.anyone, async (c) => {
  const row = await filerCase(c, c.req.param('caseId'));
  return row ? renderFilerCase(c, row) : notFound(c);
});

followUpRoutes.post(`/demarches/dossiers/:caseId{${UUID}}/message`, allow.anyone, async (c) => {
  const row = await filerCase(c, c.req.param('caseId'));
  if (!row) return notFound(c);
  const body = await c.req.parseBody({ all: true });
  const text = typeof body.message === 'string' ? body.message : '';
  const chosen = (Array.isArray(body.fichiers) ? body.fichiers : [body.fichiers]).filter((f): f is File => f instanceof File && f.size > 0);
  const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const r = await sendCaseMessage(depsOf(c), actorOf(c), { caseId: row.id, authorKind: 'filer', invitationId: null, body: text, files });
  if (!r.ok) return renderFilerCase(c, row, { values: { message: text.slice(0, 6000) }, errors: [{ field: r.field === 'files' ? 'fichiers' : 'message', message: r.message }], status: 422 });
  await updateSessionData(c, { filerFlash: 'Votre message est envoyé à l’équipe' });
  return c.redirect(`/demarches/dossiers/${row.id}`, 303);
});

followUpRoutes.get(`/demarches/dossiers/:caseId{${UUID}}/fichiers/:fileId{${UUID}}`, allow.anyone, async (c) => {
  const row = await filerCase(c, c.req.param('caseId'));
  if (!row) return notFound(c);
  const deps = depsOf(c);
  const [visible] = await deps.db.select({ id: caseFiles.id }).from(caseFiles).where(and(eq(caseFiles.id, c.req.param('fileId')), eq(caseFiles.caseId, row.id), filerVisible));
  if (!visible) return notFound(c);
  const opened = await openCaseFile(deps, deps.db, visible.id);
  if (!opened) return notFound(c);
  const actor = actorOf(c);
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.file_viewed', subjectType: 'case', subjectId: row.id, personId: row.filerUserId ?? undefined, ip: actor.ip, requestId: actor.requestId, details: { fileId: visible.id, by: 'filer' } });
  return fileResponse(opened.file, opened.stream);
});

followUpRoutes.get(`/demarches/dossiers/:caseId{${UUID}}/recepisse.pdf`, allow.anyone, async (c) => {
  const row = await filerCase(c, c.req.param('caseId'));
  if (!row) return notFound(c);
  const deps = depsOf(c);
  const receipt = await receiptPdf(deps, row.id);
  if (!receipt) return notFound(c);
  const actor = actorOf(c);
  await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'case.file_viewed', subjectType: 'case', subjectId: row.id, personId: row.filerUserId ?? undefined, ip: actor.ip, requestId: actor.requestId, details: { document: 'receipt', by: 'filer' } });
  return c.body(new Uint8Array(receipt.pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': attachmentDisposition(receipt.fileName), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' });
});

followUpRoutes.get('/compte/demarches', allow.resident, async (c) => {
  const p = c.get('principal');
  if (p.kind !== 'resident') return notFound(c);
  const q = c.get('deps').db;
  const rows = await q
    .select({ id: cases.id, number: cases.number, createdAt: cases.createdAt, state: cases.state, filedAt: cases.filedAt, updatedAt: cases.updatedAt, definition: procedureVersions.definition })
    .from(cases)
    .innerJoin(procedureVersions, eq(procedureVersions.id, cases.versionId))
    .where(and(eq(cases.filerUserId, p.userId), isNull(cases.anonymisedAt)))
    .orderBy(desc(cases.updatedAt))
    .limit(200);
  return c.html(
    <MyProceduresPage
      ctx={await pageContext(c)}
      drafts={rows.filter((r) => r.state === 'draft').map((r) => ({ id: r.id, title: r.definition.title, updatedAt: r.updatedAt }))}
      filed={rows.filter((r) => r.state !== 'draft').map((r) => ({ id: r.id, reference: caseReference(r.number, r.createdAt), title: r.definition.title, state: r.state, filedAt: r.filedAt }))}
    />,
  );
});

