// Filing a procedure, for residents (with or without an account) and structures: the list of procedures, the
// start page, the pages of the form (one after the other, or a task list), « Vérifiez vos réponses », sending,
// and the confirmation. Every « Continuer » keeps what was typed, valid or not; a lost session loses nothing.
import { habilitationsOf, useMandate } from '../../mandates/index.ts';
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { sha256 } from '../../../platform/security/secret-token.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { resolveCommuneField } from '../../territory/index.ts';
import { communeNamesIn } from '../db/commune-names.ts';
import { displayAnswers } from '../domain/answer-display.ts';
import type { RawAnswers, RawValue } from '../domain/fields.ts';
import { validateCase, validatePage, visiblePages, type ProcedureDefinition, type ProcedurePage } from '../domain/procedure.ts';
import { caseReference } from '../domain/reference.ts';
import { getPublishedProcedure, getVersion, listPublishedProcedures } from '../db/procedure-queries.ts';
import { caseEvents, caseFiles, cases } from '../db/procedures.table.ts';
import { storeCaseFile } from '../use-cases/case-files.ts';
import { draftByToken, saveDraftPage, startDraft, submitCase } from '../use-cases/file-case.ts';
import { chosenFile, fileInputs, inputIdOf, readPage, type Body } from './answer-form.ts';
import type { FieldErrors } from './field-inputs.tsx';
import { filerMayAccess, grantFilerAccess } from './filer-access.ts';
import { LinkExpiredPage, CheckAnswersPage, ConfirmationPage, FilingPage, ProcedureListPage, ResumeLinkPage, StartPage, TaskListPage } from './filing.pages.tsx';
import { UUID, depsOf, notFound } from './route-kit.tsx';

export const filingRoutes = new Hono<AppEnv>();

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const PAGE = '[a-z][a-z0-9-]*';
const TOKENS = 'procedureDraftTokens';

function actorOf(c: Context<AppEnv>) {
  const p = c.get('principal');
  return { userId: p.kind === 'anonymous' ? null : p.userId, label: p.kind === 'anonymous' ? 'usager sans compte' : p.email, ip: null, requestId: c.get('requestId') };
}

/** Who may file this procedure, or the reason they may not (shown on the start page). */
function refusalFor(c: Context<AppEnv>, def: ProcedureDefinition): string | null {
  const p = c.get('principal');
  switch (def.whoMayFile) {
    case 'anyone':
      return null;
    case 'resident':
      return p.kind === 'resident' ? null : 'Pour faire cette demande, connectez-vous à votre compte (ou créez-en un).';
    case 'structure':
    case 'commune':
      return p.kind === 'staff' && p.mfaPassed && p.roles.some((r) => r.role === 'structure_member')
        ? null
        : `Cette demande est faite par ${def.whoMayFile === 'commune' ? 'une commune' : 'une structure'} : connectez-vous avec le compte professionnel de ${def.whoMayFile === 'commune' ? 'la commune' : 'la structure'}.`;
  }
}

function sessionTokens(c: Context<AppEnv>): Record<string, string> {
  const v = c.get('session')?.data?.[TOKENS];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
}

async function rememberToken(c: Context<AppEnv>, caseId: string, token: string) {
  const kept = Object.entries(sessionTokens(c)).slice(-19);
  await updateSessionData(c, { [TOKENS]: Object.fromEntries([...kept, [caseId, token]]) });
}

type CaseRow = typeof cases.$inferSelect;

/**
 * The case file this request may edit as its filer: a draft or a case with a correction asked. Access is the
 * filer's account or session, or the draft's own key posted by its page (then the session gets access again).
 */
async function editableCase(c: Context<AppEnv>, caseId: string, body?: Body): Promise<{ row: CaseRow; def: ProcedureDefinition } | null> {
  const q = c.get('deps').db;
  const [row] = await q.select().from(cases).where(eq(cases.id, caseId));
  if (!row || (row.state !== 'draft' && row.state !== 'correction_requested')) return null;
  if (!filerMayAccess(c, row)) {
    const posted = typeof body?._draft === 'string' ? body._draft : null;
    if (!posted || row.filerUserId || !row.resumeTokenHash || sha256(posted) !== row.resumeTokenHash) return null;
    await grantFilerAccess(c, row.id);
    await rememberToken(c, row.id, posted);
  }
  const version = await getVersion(q, row.versionId);
  return version ? { row, def: version.definition } : null;
}

async function lookups(c: Context<AppEnv>, row: CaseRow) {
  const q = c.get('deps').db;
  const files = await q.select({ id: caseFiles.id, fileName: caseFiles.fileName }).from(caseFiles).where(eq(caseFiles.caseId, row.id));
  const communes = await communeNamesIn(q, [row.rawAnswers, row.answers], { withPostcode: true });
  return { fileNames: Object.fromEntries(files.map((f) => [f.id, f.fileName])), communeNames: Object.fromEntries(communes) };
}

/** The answers so far, checked page by page (conditions of later pages look at them). */
function answersBefore(def: ProcedureDefinition, raw: Record<string, RawAnswers>, pageId: string, today: string) {
  return validateCase({ ...def, pages: def.pages.slice(0, Math.max(0, def.pages.findIndex((p) => p.id === pageId))) }, raw, today).answers;
}

async function latestCorrection(c: Context<AppEnv>, row: CaseRow): Promise<string | null> {
  if (row.state !== 'correction_requested') return null;
  const [e] = await c
    .get('deps')
    .db.select({ reason: caseEvents.reason })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.kind, 'request_correction')))
    .orderBy(desc(caseEvents.at))
    .limit(1);
  return e?.reason ?? null;
}

function sectionsOf(def: ProcedureDefinition, raw: Record<string, RawAnswers>, today: string) {
  const all = validateCase(def, raw, today);
  return visiblePages(def, all.answers).map((page) => ({
    page,
    status: !(page.id in raw) ? ('todo' as const) : all.errors.some((e) => e.page === page.id) ? ('errors' as const) : ('done' as const),
  }));
}

/** Where « Continuer » goes after a page: the next shown page, or the task list, or the check page. */
function nextHref(def: ProcedureDefinition, caseId: string, pageId: string, raw: Record<string, RawAnswers>, today: string, back: string | undefined): string {
  if (back === 'verifier') return `/demarches/brouillon/${caseId}/verifier`;
  if (def.layout === 'task_list') return `/demarches/brouillon/${caseId}`;
  const shown = visiblePages(def, validateCase(def, raw, today).answers);
  const i = shown.findIndex((p) => p.id === pageId);
  const next = shown[i + 1];
  return next ? `/demarches/brouillon/${caseId}/${next.id}` : `/demarches/brouillon/${caseId}/verifier`;
}

function prevHref(def: ProcedureDefinition, caseId: string, pageId: string, raw: Record<string, RawAnswers>, today: string): string {
  if (def.layout === 'task_list') return `/demarches/brouillon/${caseId}`;
  const shown = visiblePages(def, validateCase(def, raw, today).answers);
  const i = shown.findIndex((p) => p.id === pageId);
  return i > 0 ? `/demarches/brouillon/${caseId}/${shown[i - 1]!.id}` : `/demarches/${def.slug}`;
}

async function renderPage(
  c: Context<AppEnv>,
  opts: { row: CaseRow; def: ProcedureDefinition; page: ProcedurePage; raw: RawAnswers; errors: Array<{ path: string; message: string }>; status: 200 | 403 | 413 | 422; sessionLost?: boolean; draftToken?: string | null },
) {
  const { row, def, page } = opts;
  const today = parisToday(c.get('deps').clock.now());
  const allRaw = { ...row.rawAnswers, [page.id]: opts.raw };
  const look = await lookups(c, { ...row, rawAnswers: allRaw });
  const fieldErrors: FieldErrors = Object.fromEntries(opts.errors.map((e) => [e.path, e.message]));
  const shown = def.layout === 'task_list' ? def.pages : visiblePages(def, validateCase(def, allRaw, today).answers);
  const index = Math.max(0, shown.findIndex((p) => p.id === page.id)) + 1;
  return c.html(
    <FilingPage
      ctx={await pageContext(c, { form: true })}
      def={def}
      caseId={row.id}
      draftToken={opts.draftToken !== undefined ? opts.draftToken : (sessionTokens(c)[row.id] ?? null)}
      page={page}
      step={{ index, count: shown.length }}
      raw={opts.raw}
      errors={opts.errors.map((e) => ({ text: e.message, href: `#${inputIdOf(e.path, page.fields)}` }))}
      fieldErrors={fieldErrors}
      fileNames={look.fileNames}
      communeNames={look.communeNames}
      departement={c.get('deps').config.departement}
      backHref={prevHref(def, row.id, page.id, allRaw, today)}
      sessionLost={opts.sessionLost ?? false}
      correction={await latestCorrection(c, row)}
      backToCheck={c.req.query('retour') === 'verifier'}
    />,
    opts.status,
  );
}

filingRoutes.get('/demarches', allow.anyone, async (c) => {
  const list = await listPublishedProcedures(c.get('deps').db);
  return c.html(<ProcedureListPage ctx={await pageContext(c)} procedures={list.map((p) => p.definition)} />);
});

filingRoutes.get(`/demarches/:slug{${SLUG}}`, allow.anyone, async (c) => {
  const procedure = await getPublishedProcedure(c.get('deps').db, c.req.param('slug'));
  if (!procedure) return notFound(c);
  const mayUseMandate = !!procedure.definition.mandateScope && (await habilitationsOf(c.get('deps').db, c.get('principal'))).length > 0;
  return c.html(<StartPage ctx={await pageContext(c, { form: true })} def={procedure.definition} refusal={refusalFor(c, procedure.definition)} underMandate={mayUseMandate ? { value: '', error: null } : null} />);
});

filingRoutes.post(`/demarches/:slug{${SLUG}}/commencer`, allow.anyone, async (c) => {
  const procedure = await getPublishedProcedure(c.get('deps').db, c.req.param('slug'));
  if (!procedure) return notFound(c);
  const refusal = refusalFor(c, procedure.definition);
  const p = c.get('principal');
  // An « aidant habilité » starting it for a person: the mandate must be active and cover the procedure's domain.
  const body = await c.req.parseBody();
  let mandate: { id: string; personName: string } | null = null;
  if (typeof body.mandat === 'string') {
    const def = procedure.definition;
    const owners = await habilitationsOf(c.get('deps').db, p);
    const refuse = async (message: string) => c.html(<StartPage ctx={await pageContext(c, { form: true })} def={def} refusal={refusal} underMandate={{ value: String(body.mandat).slice(0, 40), error: message }} />, 422);
    if (!def.mandateScope || !owners.length) return refuse('Cette démarche ne se fait pas au titre d’un mandat, ou vous n’êtes pas aidant habilité');
    if (!String(body.mandat).trim()) return refuse('Saisissez la référence du mandat de la personne, par exemple M-2026-7K3M9Q');
    const used = await useMandate(c.get('deps').db, { reference: String(body.mandat), owners, scopes: [def.mandateScope], purpose: `début de la démarche « ${def.title} »`, now: c.get('deps').clock.now(), actor: { userId: p.kind === 'staff' ? p.userId : '', label: p.kind === 'staff' ? p.email : '', requestId: c.get('requestId') } });
    if (!used.ok) return refuse(used.message);
    mandate = { id: used.mandate.id, personName: used.mandate.personName };
  } else if (refusal) return c.html(<StartPage ctx={await pageContext(c, { form: true })} def={procedure.definition} refusal={refusal} />, 403);
  const started = await startDraft(depsOf(c), {
    slug: procedure.definition.slug,
    filerUserId: p.kind === 'resident' ? p.userId : null,
    filedByUserId: p.kind === 'staff' ? p.userId : null,
    mandate,
  });
  if (!started.ok) return notFound(c);
  await grantFilerAccess(c, started.caseId);
  if (p.kind !== 'resident') await rememberToken(c, started.caseId, started.token);
  const first = procedure.definition.layout === 'task_list' ? '' : `/${procedure.definition.pages[0]!.id}`;
  return c.redirect(`/demarches/brouillon/${started.caseId}${first}`, 303);
});

filingRoutes.get(`/demarches/brouillon/:caseId{${UUID}}`, allow.anyone, async (c) => {
  const found = await editableCase(c, c.req.param('caseId'));
  if (!found) return notFound(c);
  const { row, def } = found;
  const today = parisToday(c.get('deps').clock.now());
  if (def.layout !== 'task_list') {
    const shown = visiblePages(def, validateCase(def, row.rawAnswers, today).answers);
    const firstTodo = shown.find((p) => !(p.id in row.rawAnswers)) ?? null;
    return c.redirect(firstTodo ? `/demarches/brouillon/${row.id}/${firstTodo.id}` : `/demarches/brouillon/${row.id}/verifier`, 303);
  }
  return c.html(<TaskListPage ctx={await pageContext(c)} def={def} caseId={row.id} sections={sectionsOf(def, row.rawAnswers, today)} correction={await latestCorrection(c, row)} />);
});

filingRoutes.get(`/demarches/brouillon/:caseId{${UUID}}/verifier`, allow.anyone, async (c) => {
  const found = await editableCase(c, c.req.param('caseId'));
  if (!found) return notFound(c);
  return checkPage(c, found.row, found.def, []);
});

async function checkPage(c: Context<AppEnv>, row: CaseRow, def: ProcedureDefinition, errors: Array<{ page: string; path: string; message: string }>, status: 200 | 422 = 200) {
  const today = parisToday(c.get('deps').clock.now());
  const checked = validateCase(def, row.rawAnswers, today);
  // Unfinished pages send the person back to them rather than showing half a summary.
  if (!errors.length && checked.errors.length) {
    const page = checked.errors[0]!.page;
    return c.redirect(`/demarches/brouillon/${row.id}/${page}?retour=verifier`, 303);
  }
  const look = await lookups(c, row);
  const sections = displayAnswers(def, checked.answers, { communeName: (code) => look.communeNames[code] ?? code, fileName: (id) => look.fileNames[id] ?? 'fichier joint' });
  return c.html(
    <CheckAnswersPage
      ctx={await pageContext(c, { form: true })}
      def={def}
      caseId={row.id}
      sections={sections}
      idempotencyKey={randomUUID()}
      correction={await latestCorrection(c, row)}
      errors={errors.map((e) => ({ text: e.message, href: `/demarches/brouillon/${row.id}/${e.page}?retour=verifier` }))}
    />,
    status,
  );
}

filingRoutes.post(`/demarches/brouillon/:caseId{${UUID}}/envoyer`, allow.anyone, async (c) => {
  const body = (await c.req.parseBody({ all: true })) as Body;
  const caseId = c.req.param('caseId');
  const key = typeof body.idempotencyKey === 'string' && /^[0-9a-f-]{36}$/u.test(body.idempotencyKey) ? body.idempotencyKey : null;
  // A second click after the first one filed it: the same key finds the filed case and shows its confirmation.
  const [current] = await c.get('deps').db.select().from(cases).where(eq(cases.id, caseId));
  if (current && current.state === 'filed' && key && current.idempotencyKey === key && filerMayAccess(c, current)) {
    return c.redirect(`/demarches/dossiers/${caseId}/confirmation`, 303);
  }
  const found = await editableCase(c, caseId, body);
  if (!found) return notFound(c);
  const r = await submitCase(depsOf(c), actorOf(c), { caseId, idempotencyKey: key, mandateOwners: await habilitationsOf(c.get('deps').db, c.get('principal')) });
  if (!r.ok) {
    if (r.reason === 'invalid') return checkPage(c, found.row, found.def, r.errors, 422);
    if (r.reason === 'mandate') return checkPage(c, found.row, found.def, [{ path: 'mandat', page: found.def.pages[0]!.id, message: r.message }], 422);
    return notFound(c);
  }
  // A repeated click must not overwrite the first one's news (the tracking code is shown once).
  if (!r.already) await updateSessionData(c, { procedureConfirmation: { caseId, trackingCode: r.trackingCode, resubmitted: found.row.filedAt !== null } });
  return c.redirect(`/demarches/dossiers/${caseId}/confirmation`, 303);
});

filingRoutes.get(`/demarches/dossiers/:caseId{${UUID}}/confirmation`, allow.anyone, async (c) => {
  const q = c.get('deps').db;
  const [row] = await q.select().from(cases).where(eq(cases.id, c.req.param('caseId')));
  if (!row || row.state === 'draft' || !filerMayAccess(c, row)) return notFound(c);
  const version = await getVersion(q, row.versionId);
  const flash = c.get('session')?.data?.procedureConfirmation as { caseId: string; trackingCode: string | null; resubmitted: boolean } | undefined;
  const mine = flash?.caseId === row.id ? flash : null;
  // The tracking code is shown once: the session forgets it after this page.
  if (mine) await updateSessionData(c, { procedureConfirmation: undefined });
  return c.html(
    <ConfirmationPage
      ctx={await pageContext(c)}
      def={version!.definition}
      caseId={row.id}
      reference={caseReference(row.number, row.createdAt)}
      trackingCode={mine?.trackingCode ?? null}
      email={row.contactEmail}
      resubmitted={mine?.resubmitted ?? false}
    />,
  );
});

filingRoutes.get(`/demarches/brouillon/:caseId{${UUID}}/plus-tard`, allow.anyone, async (c) => {
  const found = await editableCase(c, c.req.param('caseId'));
  if (!found) return notFound(c);
  return c.html(<ResumeLinkPage ctx={await pageContext(c, { form: true })} def={found.def} caseId={found.row.id} draftToken={sessionTokens(c)[found.row.id] ?? null} email="" error={null} sent={null} />);
});

filingRoutes.post(`/demarches/brouillon/:caseId{${UUID}}/plus-tard`, allow.anyone, async (c) => {
  const body = (await c.req.parseBody({ all: true })) as Body;
  const found = await editableCase(c, c.req.param('caseId'), body);
  if (!found) return notFound(c);
  const token = sessionTokens(c)[found.row.id] ?? null;
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  const page = (error: string | null, sent: string | null, status: 200 | 422) =>
    pageContext(c, { form: true }).then((ctx) => c.html(<ResumeLinkPage ctx={ctx} def={found.def} caseId={found.row.id} draftToken={token} email={email} error={error} sent={sent} />, status));
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(email) || email.length > 254) return page('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr', null, 422);
  const deps = c.get('deps');
  const link = found.row.filerUserId ? `${deps.config.publicUrl}/demarches/brouillon/${found.row.id}` : token ? `${deps.config.publicUrl}/demarches/reprendre/${token}` : null;
  if (!link) return page('Ce brouillon ne peut plus être repris par un lien : retrouvez-le dans « Mes démarches ».', null, 422);
  await enqueueMail(
    deps.db,
    {
      to: email,
      subject: `Reprendre votre demande « ${found.def.title} »`,
      text: ['Bonjour,', '', `Vos réponses à la demande « ${found.def.title} » sont enregistrées.`, '', `Pour la reprendre là où vous l’avez laissée : ${link}`, '', 'Ne transférez pas ce lien : il donne accès à vos réponses.'].join('\n'),
    },
    deps.clock.now(),
  );
  return page(null, email, 200);
});

filingRoutes.get('/demarches/reprendre/:token{[A-Za-z0-9_-]{20,100}}', allow.anyone, async (c) => {
  const draft = await draftByToken(c.get('deps').db, c.req.param('token'));
  if (!draft) {
    return c.html(<LinkExpiredPage ctx={await pageContext(c)} />, 404);
  }
  if (draft.filerUserId) return c.redirect(`/demarches/brouillon/${draft.id}`, 303);
  await grantFilerAccess(c, draft.id);
  await rememberToken(c, draft.id, c.req.param('token'));
  return c.redirect(`/demarches/brouillon/${draft.id}`, 303);
});

filingRoutes.get(`/demarches/brouillon/:caseId{${UUID}}/:pageId{${PAGE}}`, allow.anyone, async (c) => {
  const found = await editableCase(c, c.req.param('caseId'));
  if (!found) return notFound(c);
  const page = found.def.pages.find((p) => p.id === c.req.param('pageId'));
  if (!page) return notFound(c);
  return renderPage(c, { row: found.row, def: found.def, page, raw: found.row.rawAnswers[page.id] ?? {}, errors: [], status: 200 });
});

/**
 * Without JavaScript a commune is typed, not chosen: the server finds it from its name or postcode (as the
 * autocomplete would), and says what to do when it finds none or several.
 */
async function resolveCommunes(c: Context<AppEnv>, page: ProcedurePage, raw: RawAnswers): Promise<Array<{ path: string; message: string }>> {
  const errors: Array<{ path: string; message: string }> = [];
  for (const field of page.fields) {
    if (field.type !== 'commune' && field.type !== 'address') continue;
    const text = typeof raw[`${field.id}__text`] === 'string' ? (raw[`${field.id}__text`] as string) : '';
    const value = raw[field.id];
    const insee = field.type === 'commune' ? (typeof value === 'string' ? value : '') : value && typeof value === 'object' && 'commune' in value ? String(value.commune) : '';
    const r = await resolveCommuneField(c.get('deps').db, { text, insee: insee || null });
    if (r.kind === 'found') {
      if (field.type === 'commune') raw[field.id] = r.commune.insee;
      else (raw[field.id] as { commune: string }).commune = r.commune.insee;
    } else if (r.kind === 'not_found' || r.kind === 'ambiguous') {
      if (field.type === 'commune') raw[field.id] = '';
      else (raw[field.id] as { commune: string }).commune = '';
      errors.push({ path: field.id, message: r.kind === 'ambiguous' ? `Plusieurs communes correspondent à « ${text} » : ajoutez le code postal, par exemple « ${r.candidates[0]!.name} ${r.candidates[0]!.postcodes[0] ?? ''} »` : r.message });
    }
  }
  return errors;
}

/** Reads the page's answers and stores the files chosen; file problems become errors of their field. */
async function readAndStore(c: Context<AppEnv>, row: CaseRow, page: ProcedurePage, body: Body): Promise<{ raw: RawAnswers; fileErrors: Array<{ path: string; message: string }> }> {
  const raw = readPage(page.fields, body);
  const fileErrors: Array<{ path: string; message: string }> = await resolveCommunes(c, page, raw);
  const deps = depsOf(c);
  for (const input of fileInputs(page.fields, raw)) {
    const file = chosenFile(body, input.name);
    if (!file) continue;
    const stored = await storeCaseFile(deps, deps.db, {
      caseId: row.id,
      purpose: 'answer',
      fieldPath: input.fieldPath,
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      uploadedByUserId: actorOf(c).userId,
      accept: input.field.accept,
      maxBytes: input.field.maxBytes,
    });
    if (stored.ok) input.set(stored.file.id);
    else fileErrors.push({ path: input.fieldPath, message: stored.message });
  }
  return { raw, fileErrors };
}

/** « Ajouter » and « Supprimer » of repeatable blocks: change the items, then show the page again. */
function applyRepeatAction(page: ProcedurePage, raw: RawAnswers, action: string): boolean {
  const m = /^(add|remove):([a-z][a-z0-9_]*)(?::(\d+))?$/u.exec(action);
  const field = m ? page.fields.find((f) => f.id === m[2] && f.type === 'repeatable') : undefined;
  if (!m || !field || field.type !== 'repeatable') return false;
  const items = (Array.isArray(raw[field.id]) ? raw[field.id] : []) as Array<Record<string, RawValue>>;
  if (m[1] === 'add' && items.length < field.maxItems) items.push({});
  if (m[1] === 'remove' && items.length > field.minItems) items.splice(Number(m[3]), 1);
  raw[field.id] = items;
  return true;
}

filingRoutes.post(`/demarches/brouillon/:caseId{${UUID}}/:pageId{${PAGE}}`, allow.anyone, async (c) => {
  const body = (await c.req.parseBody({ all: true })) as Body;
  const found = await editableCase(c, c.req.param('caseId'), body);
  if (!found) return notFound(c);
  const { row, def } = found;
  const page = def.pages.find((p) => p.id === c.req.param('pageId'));
  if (!page) return notFound(c);
  const { raw, fileErrors } = await readAndStore(c, row, page, body);
  const action = typeof body.action === 'string' ? body.action : 'continue';
  const repeat = applyRepeatAction(page, raw, action);
  // Saved first, whatever its state: what was typed is never lost.
  await saveDraftPage(depsOf(c), { caseId: row.id, pageId: page.id, raw });
  const saved = { ...row, rawAnswers: { ...row.rawAnswers, [page.id]: raw } };
  if (repeat) return renderPage(c, { row: saved, def, page, raw, errors: fileErrors, status: fileErrors.length ? 422 : 200 });
  if (action === 'later') return c.redirect(`/demarches/brouillon/${row.id}/plus-tard`, 303);
  const today = parisToday(c.get('deps').clock.now());
  const checked = validatePage(page, raw, answersBefore(def, saved.rawAnswers, page.id, today), today);
  const errors = [...fileErrors, ...checked.errors.filter((e) => !fileErrors.some((f) => f.path === e.path))];
  if (errors.length) return renderPage(c, { row: saved, def, page, raw, errors, status: 422 });
  return c.redirect(nextHref(def, row.id, page.id, saved.rawAnswers, today, c.req.query('retour')), 303);
});

/** Autosave (JavaScript on): the page's text answers as typed, no files, no checks. */
filingRoutes.post(`/demarches/brouillon/:caseId{${UUID}}/:pageId{${PAGE}}/enregistrer`, allow.anyone, async (c) => {
  const body = (await c.req.parseBody({ all: true })) as Body;
  const found = await editableCase(c, c.req.param('caseId'), body);
  if (!found) return c.json({ saved: false }, 404);
  const page = found.def.pages.find((p) => p.id === c.req.param('pageId'));
  if (!page) return c.json({ saved: false }, 404);
  const raw = readPage(page.fields, body);
  const ok = await saveDraftPage(depsOf(c), { caseId: found.row.id, pageId: page.id, raw });
  const at = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(c.get('deps').clock.now()).replace(':', ' h ');
  return c.json({ saved: ok, at }, ok ? 200 : 409);
});

/**
 * A filing page posted without a valid session or CSRF token (the session expired, the phone slept): nothing
 * is saved blindly and nothing is dropped — the page comes back with everything that was posted, a new session
 * and token, and a word to press « Continuer » again. Other forms get the usual 403 page.
 */
export async function filingCsrfFailure(c: Context<AppEnv>): Promise<Response | null> {
  const m = new RegExp(`^/demarches/brouillon/(${UUID})/(${PAGE})$`, 'u').exec(c.req.path);
  if (!m || c.req.method !== 'POST') return null;
  const q = c.get('deps').db;
  const [row] = await q.select().from(cases).where(eq(cases.id, m[1]!));
  if (!row || (row.state !== 'draft' && row.state !== 'correction_requested')) return null;
  const version = await getVersion(q, row.versionId);
  const page = version?.definition.pages.find((p) => p.id === m[2]);
  if (!version || !page) return null;
  const body = (await c.req.parseBody({ all: true })) as Body;
  const raw = readPage(page.fields, body);
  const posted = typeof body._draft === 'string' ? body._draft : null;
  return renderPage(c, { row, def: version.definition, page, raw, errors: [], status: 403, sessionLost: true, draftToken: posted });
}

/** A filing page may carry a few files: up to 25 MB in all (each file field has its own, smaller cap). */
export const FILING_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
export const FILING_UPLOAD_PATH = new RegExp(`^/demarches/brouillon/${UUID}/${PAGE}$`, 'u');
