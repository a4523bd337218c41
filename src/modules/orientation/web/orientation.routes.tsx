// Orientation pages: the sender's form and list, the receiving structure's answer by the e-mailed link (no
// account: the link is the credential) or from its members' list, and the attachments' downloads.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp, rateLimitBlockedUntil, recordRateLimitEvent, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { sha256 } from '../../../platform/security/secret-token.ts';
import { ErrorPage } from '../../../platform/views/error-page.tsx';
import { userContact } from '../../accounts/index.ts';
import { getService, listingNames } from '../../directory/index.ts';
import {
  findOrientation,
  findOrientationByTokenHash,
  getAttachment,
  listAttachments,
  listReceivedBy,
  listSentBy,
  type OrientationRow,
} from '../db/orientation-queries.ts';
import { attachmentDisposition } from '../domain/attachment.ts';
import { relationTo, statusAt, type Viewer } from '../domain/orientation.ts';
import { answerOrientation } from '../use-cases/answer-orientation.ts';
import { createOrientation, orientationRecipients } from '../use-cases/create-orientation.ts';
import type { Actor, OrientationDeps } from '../use-cases/deps.ts';
import { recordAttachmentView, recordOrientationView, type ViewedAs } from '../use-cases/record-orientation-view.ts';
import { LinkProblemPage, linkProblemStatus, type LinkProblem } from './link-problem.page.tsx';
import { NewOrientationPage } from './new-orientation.page.tsx';
import { OrientationListPage, type ListedOrientation } from './orientation-lists.page.tsx';
import { OrientationPage } from './orientation.page.tsx';
import { parseAnswerForm, parseOrientationForm } from './orientation.form.ts';

export const orientationRoutes = new Hono<AppEnv>();

/** Who may orient a person: the département's agents, structure members, partners' agents, admins. */
const senders = allow.staff('agent', 'structure_member', 'partner_agent', 'admin');
/** Any staff member; whether they may see a given orientation is decided by relationTo(). */
const staff = allow.staff();

// Ids only (hex and dashes): « nouvelle » and « recues » are other pages. Exact uuid form is checked by the query.
const UUID = '[0-9a-fA-F-]+';

/** Wrong response links, per IP address: guessing a 256-bit token is hopeless, but a robot trying is slowed down and then stopped. */
export const WRONG_LINK_RULE: RateLimitRule = {
  name: 'orientation-link:ip',
  windowMs: 15 * 60_000,
  slowAfter: 10,
  slowDelayMs: 2_000,
  lockAfter: 30,
  lockMs: 15 * 60_000,
};

function depsOf(c: Context<AppEnv>): OrientationDeps {
  const d = c.get('deps');
  return { db: d.db, clock: d.clock, ids: d.ids, config: d.config };
}

function actorOf(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  const meta = { ip: clientIp(c), requestId: c.get('requestId') ?? null };
  return p.kind === 'anonymous'
    ? { actorId: null, actorLabel: 'lien de réponse (structure destinataire)', ...meta }
    : { actorId: p.userId, actorLabel: p.email, ...meta };
}

function viewerOf(c: Context<AppEnv>): Viewer | null {
  const p = c.get('principal');
  return p.kind === 'staff' ? { userId: p.userId, roles: p.roles } : null;
}

const notFound = async (c: Context<AppEnv>) => c.html(<ErrorPage ctx={await pageContext(c)} status={404} />, 404);
const problem = async (c: Context<AppEnv>, p: LinkProblem) => c.html(<LinkProblemPage ctx={await pageContext(c)} problem={p} />, linkProblemStatus(p));

// ——— The sender ———

orientationRoutes.get('/orientations/nouvelle', senders, async (c) => {
  const deps = depsOf(c);
  const service = await getService(deps.db, c.req.query('service') ?? '');
  if (!service || service.status !== 'published') return notFound(c);
  const unreachable = (await orientationRecipients(deps.db, service)).length === 0;
  return c.html(
    <NewOrientationPage
      ctx={await pageContext(c, { form: true })}
      service={service}
      values={{}}
      errors={[]}
      filesChosen={null}
      unreachable={unreachable}
      retentionDays={deps.config.orientationRetentionDays}
    />,
  );
});

orientationRoutes.post('/orientations/nouvelle', senders, async (c) => {
  const deps = depsOf(c);
  const service = await getService(deps.db, c.req.query('service') ?? '');
  if (!service || service.status !== 'published') return notFound(c);
  const p = c.get('principal');
  if (p.kind !== 'staff') return notFound(c);
  const body = await c.req.parseBody({ all: true });
  const form = await parseOrientationForm(body);
  // The form shown again holds the person's data.
  c.header('cache-control', 'no-store');
  const page = async (props: Partial<Parameters<typeof NewOrientationPage>[0]>) =>
    c.html(
      <NewOrientationPage
        ctx={await pageContext(c, { form: true })}
        service={service}
        values={{}}
        errors={[]}
        filesChosen={null}
        retentionDays={deps.config.orientationRetentionDays}
        {...props}
      />,
      422,
    );
  if (!form.ok) return page({ values: form.values, errors: form.errors, filesChosen: form.filesChosen });
  const role = p.roles.find((r) => r.role === 'agent' || r.role === 'structure_member' || r.role === 'partner_agent');
  const result = await createOrientation(deps, actorOf(c), {
    serviceId: service.id,
    person: { firstName: form.value.firstName, lastName: form.value.lastName, phone: form.value.phone, email: form.value.email },
    contactPreference: form.value.contactPreference,
    situation: form.value.situation,
    attachments: form.value.attachments,
    sender: {
      userId: p.userId,
      name: p.displayName,
      email: p.email,
      structureId: role?.role === 'agent' ? null : (role?.structureId ?? null),
      socialCentreId: role?.role === 'agent' ? role.socialCentreId : null,
    },
  });
  if (!result.ok) {
    if (result.reason === 'service_not_found') return notFound(c);
    return page({ unreachable: true });
  }
  return c.redirect(`/orientations?envoyee=${result.id}`, 303);
});

async function listed(c: Context<AppEnv>, rows: OrientationRow[]): Promise<ListedOrientation[]> {
  const deps = depsOf(c);
  const now = deps.clock.now();
  const names = await listingNames(deps.db, {
    serviceIds: rows.flatMap((r) => (r.serviceId ? [r.serviceId] : [])),
    structureIds: rows.map((r) => r.receiverStructureId),
  });
  return rows.map((row) => ({
    row,
    status: statusAt(row, now),
    serviceName: row.serviceId ? (names.services.get(row.serviceId) ?? null) : null,
    structureName: names.structures.get(row.receiverStructureId) ?? null,
  }));
}

orientationRoutes.get('/orientations', senders, async (c) => {
  const deps = depsOf(c);
  const viewer = viewerOf(c)!;
  const items = await listed(c, await listSentBy(deps.db, viewer.userId));
  c.header('cache-control', 'no-store');
  const sentId = c.req.query('envoyee');
  const sent = sentId ? items.find((i) => i.row.id === sentId) : undefined;
  const notice = sent ? `Votre orientation a été envoyée à ${sent.structureName ?? 'la structure'}. Vous serez prévenu par e-mail de sa réponse.` : undefined;
  return c.html(<OrientationListPage ctx={await pageContext(c)} kind="sent" items={items} notice={notice} />);
});

orientationRoutes.get('/orientations/recues', staff, async (c) => {
  const deps = depsOf(c);
  const viewer = viewerOf(c)!;
  const structureIds = [...new Set(viewer.roles.flatMap((r) => (r.structureId ? [r.structureId] : [])))];
  const items = await listed(c, await listReceivedBy(deps.db, structureIds));
  c.header('cache-control', 'no-store');
  return c.html(<OrientationListPage ctx={await pageContext(c)} kind="received" items={items} />);
});

// ——— One orientation: what is shown, to whom, and the answer ———

interface Shown {
  orientation: OrientationRow;
  base: string;
  canAnswer: boolean;
  as: ViewedAs;
  backLink: { href: string; text: string } | null;
}

async function showOrientation(c: Context<AppEnv>, shown: Shown, extra: { errors?: ReturnType<typeof parseAnswerForm>; notice?: string } = {}, status: 200 | 422 = 200) {
  const deps = depsOf(c);
  const o = shown.orientation;
  // Reading a person's file: the read and its journal event go together.
  const { attachments, names, sender } = await inTransaction(deps.db, async (tx) => {
    const attachments = await listAttachments(tx, o.id);
    const names = await listingNames(tx, { serviceIds: o.serviceId ? [o.serviceId] : [], structureIds: [o.receiverStructureId] });
    const sender = await userContact(tx, o.senderUserId);
    await recordOrientationView(tx, deps, actorOf(c), o.id, shown.as);
    return { attachments, names, sender };
  });
  const now = deps.clock.now();
  const current = statusAt(o, now);
  // A person's file: never kept by a browser's or a proxy's cache.
  c.header('cache-control', 'no-store');
  const answer = extra.errors && !extra.errors.ok ? extra.errors : undefined;
  return c.html(
    <OrientationPage
      ctx={await pageContext(c, { form: shown.canAnswer && current === 'open' })}
      orientation={o}
      status={current}
      serviceName={o.serviceId ? (names.services.get(o.serviceId) ?? null) : null}
      structureName={names.structures.get(o.receiverStructureId) ?? null}
      senderLabel={sender ? `${sender.displayName} (${sender.email})` : 'Un agent dont le compte est fermé'}
      attachments={attachments}
      base={shown.base}
      canAnswer={shown.canAnswer && current === 'open' && !o.anonymisedAt}
      backLink={shown.backLink}
      answerErrors={answer?.errors}
      answerValues={answer?.values}
      notice={extra.notice}
    />,
    status,
  );
}

/** The orientation and how the signed-in viewer relates to it; null when they may not see it. */
async function forMember(c: Context<AppEnv>): Promise<{ o: OrientationRow; sender: boolean; receiver: boolean } | null> {
  const viewer = viewerOf(c);
  const o = await findOrientation(depsOf(c).db, c.req.param('id') ?? '');
  if (!o || !viewer) return null;
  const rel = relationTo(viewer, o);
  return rel.sender || rel.receiver ? { o, ...rel } : null;
}

const memberShown = (x: { o: OrientationRow; receiver: boolean }): Shown => ({
  orientation: x.o,
  base: `/orientations/${x.o.id}`,
  canAnswer: x.receiver,
  as: x.receiver ? 'receiver' : 'sender',
  backLink: x.receiver ? { href: '/orientations/recues', text: 'Orientations reçues' } : { href: '/orientations', text: 'Mes orientations' },
});

const answeredNotice = (c: Context<AppEnv>) => {
  const r = c.req.query('reponse');
  return r === 'acceptee' ? 'Vous avez accepté l’orientation. Contactez maintenant la personne.' : r === 'refusee' ? 'Vous avez refusé l’orientation.' : undefined;
};

orientationRoutes.get(`/orientations/:id{${UUID}}`, staff, async (c) => {
  const x = await forMember(c);
  if (!x) return notFound(c);
  return showOrientation(c, memberShown(x), { notice: answeredNotice(c) });
});

async function answer(c: Context<AppEnv>, shown: Shown, answeredBy: string | null) {
  const form = parseAnswerForm(await c.req.parseBody({ all: true }));
  if (!form.ok) return showOrientation(c, shown, { errors: form }, 422);
  const result = await answerOrientation(depsOf(c), actorOf(c), {
    orientationId: shown.orientation.id,
    decision: form.decision,
    reason: form.reason,
    answeredBy,
  });
  if (!result.ok) {
    if (result.reason === 'reason_required' || result.reason === 'reason_too_long') return showOrientation(c, shown, {}, 422);
    if (result.reason === 'not_found') return notFound(c);
    return problem(c, result.reason === 'already_answered' ? 'answered' : result.reason);
  }
  return c.redirect(`${shown.base}?reponse=${form.decision === 'accept' ? 'acceptee' : 'refusee'}`, 303);
}

orientationRoutes.post(`/orientations/:id{${UUID}}`, staff, async (c) => {
  const x = await forMember(c);
  if (!x || !x.receiver) return notFound(c);
  return answer(c, memberShown(x), viewerOf(c)!.userId);
});

async function download(c: Context<AppEnv>, o: OrientationRow, as: ViewedAs) {
  const deps = depsOf(c);
  const file = await inTransaction(deps.db, async (tx) => {
    const file = await getAttachment(tx, o.id, c.req.param('attachmentId') ?? '');
    if (file) await recordAttachmentView(tx, deps, actorOf(c), o.id, file.id, as);
    return file;
  });
  if (!file) return notFound(c);
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': attachmentDisposition(file.fileName),
      'content-length': String(file.data.length),
      'x-content-type-options': 'nosniff',
      // A person's document: never kept by a shared cache or the browser's.
      'cache-control': 'no-store',
    },
  });
}

orientationRoutes.get(`/orientations/:id{${UUID}}/pieces/:attachmentId`, staff, async (c) => {
  const x = await forMember(c);
  if (!x) return notFound(c);
  return download(c, x.o, x.receiver ? 'receiver' : 'sender');
});

// ——— The e-mailed link: whoever holds it is the receiving structure ———

async function byLink(c: Context<AppEnv>): Promise<{ ok: true; o: OrientationRow; token: string } | { ok: false; problem: LinkProblem }> {
  const deps = depsOf(c);
  const now = deps.clock.now();
  const ip = clientIp(c);
  if (await rateLimitBlockedUntil(deps.db, WRONG_LINK_RULE, ip, now)) return { ok: false, problem: 'blocked' };
  const token = c.req.param('token') ?? '';
  const o = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findOrientationByTokenHash(deps.db, sha256(token)) : undefined;
  if (!o) {
    await recordRateLimitEvent(deps.db, WRONG_LINK_RULE, ip, now);
    return { ok: false, problem: 'unknown' };
  }
  if (o.anonymisedAt) return { ok: false, problem: 'anonymised' };
  // The link dies with the orientation, answered or not.
  if (o.expiresAt.getTime() <= now.getTime() || o.status === 'expired') return { ok: false, problem: 'expired' };
  return { ok: true, o, token };
}

const linkShown = (o: OrientationRow, token: string): Shown => ({
  orientation: o,
  base: `/orientations/reponse/${token}`,
  canAnswer: true,
  as: 'link',
  backLink: null,
});

orientationRoutes.get('/orientations/reponse/:token', allow.anyone, async (c) => {
  const link = await byLink(c);
  if (!link.ok) return problem(c, link.problem);
  return showOrientation(c, linkShown(link.o, link.token), { notice: answeredNotice(c) });
});

orientationRoutes.post('/orientations/reponse/:token', allow.anyone, async (c) => {
  const link = await byLink(c);
  if (!link.ok) return problem(c, link.problem);
  if (link.o.status !== 'open') return problem(c, 'answered');
  const p = c.get('principal');
  return answer(c, linkShown(link.o, link.token), p.kind === 'anonymous' ? null : p.userId);
});

orientationRoutes.get('/orientations/reponse/:token/pieces/:attachmentId', allow.anyone, async (c) => {
  const link = await byLink(c);
  if (!link.ok) return problem(c, link.problem);
  return download(c, link.o, 'link');
});
