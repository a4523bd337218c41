// The département team's side of the directory, under /admin/annuaire: quality dashboard, moderation of the
// structures' edits, a listing's history, error reports and requests to manage a structure.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { parseDayRange } from '../../../platform/http/day-range.ts';
import {
  batchIdOfChange,
  findListingHead,
  getBatch,
  getClaim,
  getErrorReport,
  listingHistory,
  listOpenErrorReports,
  listPendingBatches,
  listPendingClaims,
  moderationCounts,
  type QueueFilters,
} from '../db/moderation-queries.ts';
import { listQualityItems, QUALITY_FILTERS, qualityFigures, type QualityFilter } from '../db/quality-queries.ts';
import type { ListingType } from '../domain/change-display.ts';
import { decideClaim } from '../use-cases/decide-claim.ts';
import { handleErrorReport } from '../use-cases/handle-error-report.ts';
import { approveBatch, revertChanges, type Moderator, type RevertRefusal } from '../use-cases/moderate-changes.ts';
import { ClaimPage, ClaimsPage } from './claims.page.tsx';
import { ErrorReportPage, ErrorReportsPage } from './error-reports.page.tsx';
import { HistoryPage } from './moderation-history.page.tsx';
import { fieldLabel } from './change-values.ts';
import type { Flash } from './moderation-nav.tsx';
import { QueuePage } from './moderation-queue.page.tsx';
import { QualityListPage, QualityPage } from './quality.page.tsx';

export const moderationRoutes = new Hono<AppEnv>();

const team = allow.staff('admin', 'directory_moderator');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPES: readonly ListingType[] = ['place', 'service', 'structure'];
const isType = (v: unknown): v is ListingType => typeof v === 'string' && (TYPES as readonly string[]).includes(v);
const QUEUE_PAGE = 20;
const LIST_PAGE = 50;
const NOTE_MAX = 2000;

function moderator(c: Context<AppEnv>): Moderator {
  const p = c.get('principal');
  // The guard let only staff in.
  if (p.kind !== 'staff') throw new Error('moderation without a staff principal');
  return { id: p.userId, label: p.email };
}
const meta = (c: Context<AppEnv>) => ({ ip: clientIp(c), requestId: c.get('requestId') ?? null });

async function flash(c: Context<AppEnv>, value: Flash) {
  await updateSessionData(c, { moderationFlash: value });
}
async function takeFlash(c: Context<AppEnv>): Promise<Flash | undefined> {
  const value = c.get('session')?.data.moderationFlash as Flash | undefined;
  if (!value || typeof value !== 'object') return undefined;
  await updateSessionData(c, { moderationFlash: undefined });
  return value;
}

/** Where to go back after an action: a page of this area only (never an address from elsewhere). */
function backTo(values: FormValues, fallback: string): string {
  const v = valueOf(values, 'retour');
  return /^\/admin\/annuaire(\/[\w\-/]*)?(\?[\w\-=&%.+]*)?$/.test(v) ? v : fallback;
}

function pageNumber(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}

// ——— Quality dashboard ———

moderationRoutes.get('/admin/annuaire', team, async (c) => {
  const { db, clock } = c.get('deps');
  const today = parisToday(clock.now());
  const [counts, figures] = await Promise.all([moderationCounts(db), qualityFigures(db, today)]);
  return c.html(<QualityPage ctx={await pageContext(c)} counts={counts} figures={figures} today={today} />);
});

moderationRoutes.get('/admin/annuaire/fiches', team, async (c) => {
  const { db, clock } = c.get('deps');
  const type = c.req.query('type');
  const filter = c.req.query('filtre');
  if (!isType(type) || !(QUALITY_FILTERS as readonly string[]).includes(filter ?? '')) return c.notFound();
  const page = pageNumber(c.req.query('page'));
  const text = (c.req.query('q') ?? '').trim().slice(0, 200);
  const today = parisToday(clock.now());
  const [counts, list] = await Promise.all([
    moderationCounts(db),
    listQualityItems(db, type, filter as QualityFilter, today, { number: page, size: LIST_PAGE }, text),
  ]);
  return c.html(
    <QualityListPage
      ctx={await pageContext(c)}
      counts={counts}
      type={type}
      filter={filter as QualityFilter}
      text={text}
      items={list.items}
      total={list.total}
      page={page}
      pageSize={LIST_PAGE}
    />,
  );
});

// ——— Moderation queue ———

/** The queue's filters from the query string; dates are days in Paris time, « au » inclusive. */
export function parseQueueFilters(values: FormValues): { filters: QueueFilters; errors: FieldError[] } {
  const text = (k: string) => valueOf(values, k).trim();
  const errors: FieldError[] = [];
  const filters: QueueFilters = {};
  const type = text('type');
  if (type) {
    if (isType(type)) filters.type = type;
    else errors.push({ field: 'type', message: 'Choisissez un type de fiche dans la liste' });
  }
  if (text('structure')) filters.structure = text('structure').slice(0, 200);
  const range = parseDayRange(values);
  if (range.from) filters.from = range.from;
  if (range.to) filters.to = range.to;
  errors.push(...range.errors);
  return { filters, errors };
}

moderationRoutes.get('/admin/annuaire/moderation', team, async (c) => {
  const { db } = c.get('deps');
  const values = c.req.query();
  const { filters, errors } = parseQueueFilters(values);
  const page = pageNumber(values.page);
  const [counts, queue, notice] = await Promise.all([
    moderationCounts(db),
    errors.length ? Promise.resolve({ batches: [], total: 0 }) : listPendingBatches(db, filters, { number: page, size: QUEUE_PAGE }),
    takeFlash(c),
  ]);
  return c.html(
    <QueuePage
      ctx={await pageContext(c, { form: true })}
      counts={counts}
      flash={notice}
      values={values}
      errors={errors}
      batches={queue.batches}
      total={queue.total}
      page={page}
      pageSize={QUEUE_PAGE}
    />,
    errors.length ? 422 : 200,
  );
});

moderationRoutes.post('/admin/annuaire/moderation/:batchId/valider', team, async (c) => {
  const batchId = c.req.param('batchId');
  if (!UUID.test(batchId)) return c.notFound();
  const values = await readForm(c);
  const back = backTo(values, '/admin/annuaire/moderation');
  const batch = await getBatch(c.get('deps').db, batchId);
  if (!batch) return c.notFound();
  const result = await approveBatch(c.get('deps'), { batchId, by: moderator(c), meta: meta(c) });
  if (result.ok) await flash(c, { kind: 'success', text: `Modification de « ${batch.listingName} » validée.` });
  else await flash(c, { kind: 'important', text: `La modification de « ${batch.listingName} » n’attend plus de relecture : quelqu’un l’a déjà traitée.` });
  return c.redirect(back, 303);
});

function refusalLines(refusals: RevertRefusal[]): string[] {
  const why: Record<RevertRefusal['why'], string> = {
    changed_since: 'a été modifié depuis : vérifiez sa valeur actuelle dans l’historique, puis corrigez la fiche si besoin',
    creation: 'a été rempli à la création de la fiche : il n’y a pas d’ancienne valeur à remettre',
    already_reverted: 'a déjà été annulé',
  };
  return refusals.map((r) => `« ${fieldLabel(r.field)} » ${why[r.why]}.`);
}

async function revert(c: Context<AppEnv>, target: { batchId: string } | { changeId: string }) {
  const values = await readForm(c);
  const back = backTo(values, '/admin/annuaire/moderation');
  const { db } = c.get('deps');
  const batchId = 'batchId' in target ? target.batchId : await batchIdOfChange(db, target.changeId);
  const batch = batchId ? await getBatch(db, batchId) : undefined;
  if (!batch) return c.notFound();
  const result = await revertChanges(c.get('deps'), { ...target, by: moderator(c), meta: meta(c) });
  if (!result.ok && result.reason === 'not_found') return c.notFound();
  const name = batch.listingName;
  if (result.ok) {
    await flash(c, {
      kind: 'success',
      text: `Ancienne valeur remise sur « ${name} » : ${result.reverted.length} champ${result.reverted.length > 1 ? 's' : ''}.`,
    });
  } else {
    await flash(c, { kind: 'important', text: `Rien n’a été annulé sur « ${name} » :`, details: refusalLines(result.refusals) });
  }
  return c.redirect(back, 303);
}

moderationRoutes.post('/admin/annuaire/moderation/:batchId/annuler', team, async (c) => {
  const batchId = c.req.param('batchId');
  if (!UUID.test(batchId)) return c.notFound();
  return revert(c, { batchId });
});

moderationRoutes.post('/admin/annuaire/modifications/:changeId/annuler', team, async (c) => {
  const changeId = c.req.param('changeId');
  if (!UUID.test(changeId)) return c.notFound();
  return revert(c, { changeId });
});

// ——— History of a listing ———

moderationRoutes.get('/admin/annuaire/historique/:type/:id', team, async (c) => {
  const { type, id } = c.req.param();
  if (!isType(type) || !UUID.test(id)) return c.notFound();
  const { db } = c.get('deps');
  const listing = await findListingHead(db, type, id);
  if (!listing) return c.notFound();
  const [counts, batches, notice] = await Promise.all([moderationCounts(db), listingHistory(db, type, id), takeFlash(c)]);
  return c.html(<HistoryPage ctx={await pageContext(c, { form: true })} counts={counts} flash={notice} listing={listing} batches={batches} />);
});

// ——— Error reports ———

moderationRoutes.get('/admin/annuaire/signalements', team, async (c) => {
  const { db } = c.get('deps');
  const [counts, reports, notice] = await Promise.all([moderationCounts(db), listOpenErrorReports(db), takeFlash(c)]);
  return c.html(<ErrorReportsPage ctx={await pageContext(c)} counts={counts} flash={notice} reports={reports} />);
});

async function renderReport(c: Context<AppEnv>, id: string, values: FormValues = {}, errors: FieldError[] = []) {
  const { db } = c.get('deps');
  const report = UUID.test(id) ? await getErrorReport(db, id) : undefined;
  if (!report) return c.notFound();
  const counts = await moderationCounts(db);
  return c.html(<ErrorReportPage ctx={await pageContext(c, { form: true })} counts={counts} report={report} values={values} errors={errors} />, errors.length ? 422 : 200);
}

moderationRoutes.get('/admin/annuaire/signalements/:id', team, (c) => renderReport(c, c.req.param('id')));

moderationRoutes.post('/admin/annuaire/signalements/:id', team, async (c) => {
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.notFound();
  const values = await readForm(c);
  const issue = valueOf(values, 'issue');
  const note = valueOf(values, 'note').trim();
  const errors: FieldError[] = [];
  if (issue !== 'resolved' && issue !== 'dismissed') errors.push({ field: 'issue', message: 'Indiquez si l’erreur a été corrigée ou si ce n’en était pas une' });
  if (!note) errors.push({ field: 'note', message: 'Écrivez ce que vous avez fait ou vérifié' });
  else if (note.length > NOTE_MAX) errors.push({ field: 'note', message: `La note doit faire ${NOTE_MAX} caractères au plus (elle en fait ${note.length})` });
  if (errors.length) return renderReport(c, id, values, errors);
  const result = await handleErrorReport(c.get('deps'), { reportId: id, outcome: issue as 'resolved' | 'dismissed', note, by: moderator(c), meta: meta(c) });
  if (!result.ok && result.reason === 'not_found') return c.notFound();
  await flash(
    c,
    result.ok
      ? { kind: 'success', text: issue === 'resolved' ? 'Signalement clos : erreur corrigée.' : 'Signalement clos : ce n’était pas une erreur.' }
      : { kind: 'important', text: 'Ce signalement avait déjà été traité.' },
  );
  return c.redirect('/admin/annuaire/signalements', 303);
});

// ——— Requests to manage a structure ———

moderationRoutes.get('/admin/annuaire/demandes', team, async (c) => {
  const { db } = c.get('deps');
  const [counts, claims, notice] = await Promise.all([moderationCounts(db), listPendingClaims(db), takeFlash(c)]);
  return c.html(<ClaimsPage ctx={await pageContext(c)} counts={counts} flash={notice} claims={claims} />);
});

async function renderClaim(c: Context<AppEnv>, id: string, values: FormValues = {}, errors: FieldError[] = []) {
  const { db } = c.get('deps');
  const claim = UUID.test(id) ? await getClaim(db, id) : undefined;
  if (!claim) return c.notFound();
  const counts = await moderationCounts(db);
  return c.html(<ClaimPage ctx={await pageContext(c, { form: true })} counts={counts} claim={claim} values={values} errors={errors} />, errors.length ? 422 : 200);
}

moderationRoutes.get('/admin/annuaire/demandes/:id', team, (c) => renderClaim(c, c.req.param('id')));

moderationRoutes.post('/admin/annuaire/demandes/:id', team, async (c) => {
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.notFound();
  const values = await readForm(c);
  const decision = valueOf(values, 'decision');
  const reason = valueOf(values, 'reason').trim();
  const errors: FieldError[] = [];
  if (decision !== 'approve' && decision !== 'reject') errors.push({ field: 'decision', message: 'Choisissez d’accepter ou de refuser la demande' });
  if (decision === 'reject' && !reason) errors.push({ field: 'reason', message: 'Écrivez le motif du refus : il est envoyé à la personne' });
  if (reason.length > NOTE_MAX) errors.push({ field: 'reason', message: `Le motif doit faire ${NOTE_MAX} caractères au plus (il en fait ${reason.length})` });
  if (errors.length) return renderClaim(c, id, values, errors);
  const result = await decideClaim(c.get('deps'), { claimId: id, decision: decision as 'approve' | 'reject', reason, by: moderator(c), meta: meta(c) });
  if (!result.ok && result.reason === 'not_found') return c.notFound();
  if (!result.ok && result.reason === 'not_staff') {
    return renderClaim(c, id, values, [
      { field: 'decision', message: 'Ce compte est un compte de particulier : il ne peut pas gérer une structure. Refusez la demande en l’expliquant.' },
    ]);
  }
  await flash(
    c,
    result.ok
      ? { kind: 'success', text: decision === 'approve' ? 'Demande acceptée : la personne est prévenue par e-mail.' : 'Demande refusée : la personne est prévenue par e-mail.' }
      : { kind: 'important', text: 'Cette demande avait déjà été décidée.' },
  );
  return c.redirect('/admin/annuaire/demandes', 303);
});
