// Residents' routes, with or without an account, all working without JavaScript.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { notFound, takeFlash, UUID } from '../../../platform/http/route-kit.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { addDays, parisToday } from '../../../platform/time/paris.ts';
import { findCentreForCommune, getSocialCentre, readCommuneField, resolveCommuneField } from '../../territory/index.ts';
import { findFreeSlots, getReason, reasonsOfCentre, slotsByDay, type ReasonRow } from '../db/slot-queries.ts';
import { appointmentByToken, bookAppointment, cancelAppointment, moveAppointment, personMayChange, type Refusal } from '../use-cases/booking.ts';
import type { ActorRef, AppointmentsDeps } from '../use-cases/deps.ts';
import { bookSeat, cancelSeat, getGroupSession, seatByToken, seatsTaken, upcomingSessions } from '../use-cases/group-sessions.ts';
import { SeatPage, SessionPage } from './sessions.pages.tsx';
import { joinWaitlist, leaveWaitlist, markWaitlistBooked, waitlistByToken } from '../use-cases/waitlist.ts';
import { readPerson, readStart } from './person-form.ts';
import { BookPage, CentrePage, LinkGonePage, ManagePage, RefusedPage, SlotsPage, StartPage, WaitlistJoinPage, WaitlistOfferPage } from './public.pages.tsx';

export const publicAppointmentRoutes = new Hono<AppEnv>();

/** Days with free slots shown per page of the list. */
const DAYS_PER_PAGE = 5;

export function appointmentsDeps(c: Context<AppEnv>): AppointmentsDeps {
  const d = c.get('deps');
  return { db: d.db, clock: d.clock, ids: d.ids, config: d.config };
}

export function actorOf(c: Context<AppEnv>): ActorRef {
  const p = c.get('principal');
  return { userId: p.kind === 'anonymous' ? null : p.userId, label: p.kind === 'anonymous' ? 'usager sans compte' : p.email, requestId: c.get('requestId') };
}

/** The reason, if residents may book it online. */
async function onlineReason(c: Context<AppEnv>): Promise<ReasonRow | null> {
  const reason = await getReason(c.get('deps').db, c.req.param('reasonId')!);
  return reason && reason.bookableBy === 'residents' ? reason : null;
}

/** The next days that have free slots, from `apres` (YYYY-MM-DD) on, and the link to the following ones. */
export async function slotPage(deps: AppointmentsDeps, reason: ReasonRow, after: string | undefined, opts: { byAgent?: boolean; ignoreAppointmentId?: string } = {}) {
  const now = deps.clock.now();
  const fromDay = after && /^\d{4}-\d{2}-\d{2}$/.test(after) && after > parisToday(now) ? after : undefined;
  const search = { reason: opts.byAgent ? { ...reason, minDelayMinutes: 0 } : reason, now, ...(fromDay ? { fromDay } : {}), ...(opts.ignoreAppointmentId ? { ignoreAppointmentId: opts.ignoreAppointmentId } : {}) };
  // Three weeks usually hold the days a page shows; the whole horizon is read only when they do not.
  let all = slotsByDay(await findFreeSlots(deps.db, { ...search, days: 21 }));
  if (all.length <= DAYS_PER_PAGE) all = slotsByDay(await findFreeSlots(deps.db, search));
  const days = all.slice(0, DAYS_PER_PAGE);
  const more = all.length > DAYS_PER_PAGE ? addDays(days[days.length - 1]!.day, 1) : null;
  return { days, more };
}

publicAppointmentRoutes.get('/rendez-vous', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const asked = c.req.query('commune') !== undefined || c.req.query('communeInsee') !== undefined;
  const value = readCommuneField(c.req.query(), 'commune');
  if (!asked) return c.html(<StartPage ctx={await pageContext(c)} departement={deps.config.departement} value={value} />);
  const r = await resolveCommuneField(deps.db, value, { departement: deps.config.departement });
  if (r.kind === 'found') {
    const centre = await findCentreForCommune(deps.db, r.commune.insee);
    if (centre) return c.redirect(`/rendez-vous/centres/${centre.id}`, 303);
    return c.html(<StartPage ctx={await pageContext(c)} departement={deps.config.departement} value={value} noCentre={`Aucun centre social n’est rattaché à ${r.commune.name} dans Relais. Contactez l’accueil du Département.`} />);
  }
  const error = r.kind === 'empty' ? 'Saisissez le nom ou le code postal de votre commune' : r.message;
  return c.html(<StartPage ctx={await pageContext(c)} departement={deps.config.departement} value={value} error={error} {...(r.kind === 'ambiguous' ? { candidates: r.candidates } : {})} />, 422);
});

publicAppointmentRoutes.get(`/rendez-vous/centres/:centreId{${UUID}}`, allow.anyone, async (c) => {
  const { db } = c.get('deps');
  const centre = await getSocialCentre(db, c.req.param('centreId'));
  if (!centre) return notFound(c);
  const all = await reasonsOfCentre(db, centre.id, false);
  const online = all.filter((r) => r.bookableBy === 'residents');
  const sessions = await upcomingSessions(db, centre.id, c.get('deps').clock.now(), true);
  return c.html(<CentrePage ctx={await pageContext(c)} centre={centre} reasons={online} otherReasons={all.length - online.length} sessions={sessions} />);
});

publicAppointmentRoutes.get(`/rendez-vous/motifs/:reasonId{${UUID}}`, allow.anyone, async (c) => {
  const reason = await onlineReason(c);
  const centre = reason ? await getSocialCentre(c.get('deps').db, reason.socialCentreId) : null;
  if (!reason || !centre) return notFound(c);
  const { days, more } = await slotPage(appointmentsDeps(c), reason, c.req.query('apres'));
  return c.html(<SlotsPage ctx={await pageContext(c)} centre={centre} reason={reason} days={days} moreHref={more ? `/rendez-vous/motifs/${reason.id}?apres=${more}` : null} hrefBase={`/rendez-vous/motifs/${reason.id}/reserver`} />);
});

async function refused(c: Context<AppEnv>, reason: ReasonRow, r: Refusal, hrefBase: string, backHref: string) {
  return c.html(<RefusedPage ctx={await pageContext(c, { form: true })} reason={reason} message={r.message} next={r.next} hrefBase={hrefBase} backHref={backHref} />, r.code === 'taken' ? 409 : 422);
}

const prefill = (c: Context<AppEnv>): Record<string, string> => {
  const p = c.get('principal');
  return p.kind === 'resident' ? { name: p.displayName, email: p.email } : {};
};

publicAppointmentRoutes.get(`/rendez-vous/motifs/:reasonId{${UUID}}/reserver`, allow.anyone, async (c) => {
  const deps = appointmentsDeps(c);
  const reason = await onlineReason(c);
  const centre = reason ? await getSocialCentre(deps.db, reason.socialCentreId) : null;
  if (!reason || !centre) return notFound(c);
  const start = readStart(c.req.query('debut'));
  const back = `/rendez-vous/motifs/${reason.id}`;
  if (!start) return refused(c, reason, { ok: false, code: 'not_offered', message: 'Choisissez un créneau dans la liste', next: [] }, `${back}/reserver`, back);
  return c.html(<BookPage ctx={await pageContext(c, { form: true })} centre={centre} reason={reason} start={start} values={prefill(c)} errors={[]} action={`${back}/reserver`} />);
});

publicAppointmentRoutes.post(`/rendez-vous/motifs/:reasonId{${UUID}}/reserver`, allow.anyone, async (c) => {
  const deps = appointmentsDeps(c);
  const reason = await onlineReason(c);
  const centre = reason ? await getSocialCentre(deps.db, reason.socialCentreId) : null;
  if (!reason || !centre) return notFound(c);
  const values = await readForm(c);
  const start = readStart(typeof values.debut === 'string' ? values.debut : undefined);
  const back = `/rendez-vous/motifs/${reason.id}`;
  if (!start) return refused(c, reason, { ok: false, code: 'not_offered', message: 'Choisissez un créneau dans la liste', next: [] }, `${back}/reserver`, back);
  const person = readPerson(values, { contactRequired: true });
  if (!person.ok) return c.html(<BookPage ctx={await pageContext(c, { form: true })} centre={centre} reason={reason} start={start} values={values} errors={person.errors} action={`${back}/reserver`} />, 422);
  const p = c.get('principal');
  const result = await bookAppointment(deps, { reason, start, person: person.person, residentUserId: p.kind === 'resident' ? p.userId : null, actor: actorOf(c), byAgent: false });
  if (!result.ok) return refused(c, reason, result, `${back}/reserver`, back);
  await updateSessionData(c, { appointmentFlash: 'booked' });
  return c.redirect(`/rendez-vous/gerer/${result.manageToken}`, 303);
});

// The appointment's page, from the link in every message: a forged or replaced link gets a clear page.
async function byToken(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const appointment = await appointmentByToken(deps.db, c.req.param('token')!);
  const reason = appointment ? await getReason(deps.db, appointment.reasonId) : null;
  if (!appointment || !reason || reason.visibility === 'hidden') return null;
  return { appointment, reason };
}

const gone = async (c: Context<AppEnv>) =>
  c.html(<LinkGonePage ctx={await pageContext(c, { form: true })} what="Ce lien de rendez-vous est inconnu ou a été remplacé par un lien plus récent." />, 404);

publicAppointmentRoutes.get('/rendez-vous/gerer/:token', allow.anyone, async (c) => {
  const found = await byToken(c);
  if (!found) return gone(c);
  const deps = c.get('deps');
  const flash = await takeFlash(c, 'appointmentFlash');
  const centre = await getSocialCentre(deps.db, found.appointment.socialCentreId);
  const notices: Record<string, string> = { moved: 'Votre rendez-vous est déplacé.', cancelled: 'Votre rendez-vous est annulé.' };
  return c.html(
    <ManagePage
      ctx={await pageContext(c, { form: true })}
      {...found}
      centre={centre}
      token={c.req.param('token')}
      justBooked={flash === 'booked'}
      mayChange={personMayChange(found.appointment, found.reason, deps.clock.now())}
      {...(flash && notices[flash] ? { notice: notices[flash] } : {})}
    />,
  );
});

publicAppointmentRoutes.post('/rendez-vous/gerer/:token/annuler', allow.anyone, async (c) => {
  const found = await byToken(c);
  if (!found) return gone(c);
  const r = await cancelAppointment(appointmentsDeps(c), { ...found, by: 'person', actor: actorOf(c) });
  if (!r.ok) return c.html(<LinkGonePage ctx={await pageContext(c, { form: true })} what={`${r.message}.`} />, 422);
  await updateSessionData(c, { appointmentFlash: 'cancelled' });
  return c.redirect(`/rendez-vous/gerer/${c.req.param('token')}`, 303);
});

publicAppointmentRoutes.get('/rendez-vous/gerer/:token/deplacer', allow.anyone, async (c) => {
  const found = await byToken(c);
  if (!found) return gone(c);
  const deps = appointmentsDeps(c);
  const centre = await getSocialCentre(deps.db, found.reason.socialCentreId);
  if (!centre) return gone(c);
  const token = c.req.param('token');
  const start = readStart(c.req.query('debut'));
  if (start) {
    return c.html(<BookPage ctx={await pageContext(c, { form: true })} centre={centre} reason={found.reason} start={start} values={{}} errors={[]} action={`/rendez-vous/gerer/${token}/deplacer`} heading="Confirmer le nouveau créneau" />);
  }
  if (!personMayChange(found.appointment, found.reason, deps.clock.now())) return c.redirect(`/rendez-vous/gerer/${token}`, 303);
  const { days, more } = await slotPage(deps, found.reason, c.req.query('apres'), { ignoreAppointmentId: found.appointment.id });
  return c.html(
    <SlotsPage
      ctx={await pageContext(c, { form: true })}
      centre={centre}
      reason={found.reason}
      days={days}
      moreHref={more ? `/rendez-vous/gerer/${token}/deplacer?apres=${more}` : null}
      hrefBase={`/rendez-vous/gerer/${token}/deplacer`}
      title="Choisir un nouveau créneau"
      caption={found.reason.name}
    />,
  );
});

publicAppointmentRoutes.post('/rendez-vous/gerer/:token/deplacer', allow.anyone, async (c) => {
  const found = await byToken(c);
  if (!found) return gone(c);
  const values = await readForm(c);
  const token = c.req.param('token');
  const start = readStart(typeof values.debut === 'string' ? values.debut : undefined);
  const base = `/rendez-vous/gerer/${token}/deplacer`;
  if (!start) return refused(c, found.reason, { ok: false, code: 'not_offered', message: 'Choisissez un créneau dans la liste', next: [] }, base, base);
  // The person's own link keeps working: the message about the move carries the same one.
  const r = await moveAppointment(appointmentsDeps(c), { ...found, start, by: 'person', actor: actorOf(c), keepToken: token });
  if (!r.ok) return refused(c, found.reason, r, base, base);
  await updateSessionData(c, { appointmentFlash: 'moved' });
  return c.redirect(`/rendez-vous/gerer/${token}`, 303);
});

publicAppointmentRoutes.get(`/rendez-vous/motifs/:reasonId{${UUID}}/liste-attente`, allow.anyone, async (c) => {
  const reason = await onlineReason(c);
  if (!reason) return notFound(c);
  return c.html(<WaitlistJoinPage ctx={await pageContext(c, { form: true })} reason={reason} values={prefill(c)} errors={[]} done={false} />);
});

publicAppointmentRoutes.post(`/rendez-vous/motifs/:reasonId{${UUID}}/liste-attente`, allow.anyone, async (c) => {
  const reason = await onlineReason(c);
  if (!reason) return notFound(c);
  const values = await readForm(c);
  const person = readPerson(values, { emailRequired: true });
  if (!person.ok) return c.html(<WaitlistJoinPage ctx={await pageContext(c, { form: true })} reason={reason} values={values} errors={person.errors} done={false} />, 422);
  await joinWaitlist(appointmentsDeps(c), { reason, person: { ...person.person, email: person.person.email! }, actor: actorOf(c) });
  return c.html(<WaitlistJoinPage ctx={await pageContext(c, { form: true })} reason={reason} values={{}} errors={[]} done />);
});

async function waitlistEntry(c: Context<AppEnv>) {
  const db = c.get('deps').db;
  const entry = await waitlistByToken(db, c.req.param('token')!);
  const reason = entry ? await getReason(db, entry.reasonId) : null;
  return entry && reason ? { entry, reason } : null;
}

const waitlistGone = async (c: Context<AppEnv>) => c.html(<LinkGonePage ctx={await pageContext(c, { form: true })} what="Ce lien de liste d’attente est inconnu ou a été remplacé par un lien plus récent." />, 404);

publicAppointmentRoutes.get('/rendez-vous/liste-attente/:token', allow.anyone, async (c) => {
  const found = await waitlistEntry(c);
  if (!found) return waitlistGone(c);
  return c.html(<WaitlistOfferPage ctx={await pageContext(c, { form: true })} reason={found.reason} token={c.req.param('token')} start={readStart(c.req.query('debut'))} status={found.entry.status} />);
});

publicAppointmentRoutes.post('/rendez-vous/liste-attente/:token', allow.anyone, async (c) => {
  const found = await waitlistEntry(c);
  if (!found) return waitlistGone(c);
  const { entry, reason } = found;
  const values = await readForm(c);
  const start = readStart(typeof values.debut === 'string' ? values.debut : undefined);
  const back = `/rendez-vous/motifs/${reason.id}`;
  if (entry.status === 'booked' || entry.status === 'left' || !start) return c.redirect(`/rendez-vous/liste-attente/${c.req.param('token')}`, 303);
  const result = await bookAppointment(appointmentsDeps(c), { reason, start, person: { name: entry.personName, email: entry.personEmail, phone: entry.personPhone }, residentUserId: null, actor: actorOf(c), byAgent: false });
  if (!result.ok) return refused(c, reason, result, `${back}/reserver`, back);
  await markWaitlistBooked(appointmentsDeps(c), entry);
  await updateSessionData(c, { appointmentFlash: 'booked' });
  return c.redirect(`/rendez-vous/gerer/${result.manageToken}`, 303);
});

publicAppointmentRoutes.post('/rendez-vous/liste-attente/:token/quitter', allow.anyone, async (c) => {
  const found = await waitlistEntry(c);
  if (!found) return waitlistGone(c);
  await leaveWaitlist(appointmentsDeps(c), found.entry);
  return c.redirect(`/rendez-vous/liste-attente/${c.req.param('token')}`, 303);
});

// Collective sessions: a seat taken online, and its page (from the link in the e-mail) to cancel it.
async function onlineSession(c: Context<AppEnv>) {
  const db = c.get('deps').db;
  const session = await getGroupSession(db, c.req.param('sessionId')!);
  if (!session || !session.online || session.cancelledAt) return null;
  const centre = await getSocialCentre(db, session.socialCentreId);
  return centre ? { session: { ...session, taken: await seatsTaken(db, session.id) }, centre } : null;
}

publicAppointmentRoutes.get(`/rendez-vous/ateliers/:sessionId{${UUID}}`, allow.anyone, async (c) => {
  const found = await onlineSession(c);
  if (!found) return notFound(c);
  return c.html(<SessionPage ctx={await pageContext(c, { form: true })} {...found} values={prefill(c)} errors={[]} />);
});

publicAppointmentRoutes.post(`/rendez-vous/ateliers/:sessionId{${UUID}}`, allow.anyone, async (c) => {
  const found = await onlineSession(c);
  if (!found) return notFound(c);
  const values = await readForm(c);
  const person = readPerson(values, { contactRequired: true });
  if (!person.ok) return c.html(<SessionPage ctx={await pageContext(c, { form: true })} {...found} values={values} errors={person.errors} />, 422);
  const r = await bookSeat(appointmentsDeps(c), { sessionId: found.session.id, person: person.person, byAgent: false, actor: actorOf(c) });
  if (!r.ok) {
    const again = await onlineSession(c);
    return c.html(<SessionPage ctx={await pageContext(c, { form: true })} {...(again ?? found)} values={values} errors={[{ field: 'name', message: r.message }]} />, 409);
  }
  await updateSessionData(c, { appointmentFlash: 'booked' });
  return c.redirect(`/rendez-vous/ateliers/place/${r.token}`, 303);
});

publicAppointmentRoutes.get('/rendez-vous/ateliers/place/:token', allow.anyone, async (c) => {
  const db = c.get('deps').db;
  const found = await seatByToken(db, c.req.param('token'));
  if (!found) return c.html(<LinkGonePage ctx={await pageContext(c)} what="Ce lien d’inscription est inconnu." />, 404);
  const flash = await takeFlash(c, 'appointmentFlash');
  return c.html(
    <SeatPage ctx={await pageContext(c, { form: true })} {...found} centre={await getSocialCentre(db, found.session.socialCentreId)} token={c.req.param('token')} justBooked={flash === 'booked'} notice={flash === 'cancelled' ? 'Votre inscription est annulée.' : null} />,
  );
});

publicAppointmentRoutes.post('/rendez-vous/ateliers/place/:token/annuler', allow.anyone, async (c) => {
  const found = await seatByToken(c.get('deps').db, c.req.param('token'));
  if (!found) return c.html(<LinkGonePage ctx={await pageContext(c)} what="Ce lien d’inscription est inconnu." />, 404);
  const r = await cancelSeat(appointmentsDeps(c), { ...found, actor: actorOf(c) });
  if (!r.ok) return c.html(<LinkGonePage ctx={await pageContext(c)} what={`${r.message}.`} />, 422);
  await updateSessionData(c, { appointmentFlash: 'cancelled' });
  return c.redirect(`/rendez-vous/ateliers/place/${c.req.param('token')}`, 303);
});
