// Agents' routes (/agenda): each checks that the centre of what it touches is one of the agent's centres; any
// other appointment is a 404, like a missing one. Every opening of an appointment's page is journaled.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, valueOf, type FieldError } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { notFound, takeFlash, UUID } from '../../../platform/http/route-kit.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { addDays, calendarDays, formatParisDay, parisInstant, parisToday, parseFrenchDay } from '../../../platform/time/paris.ts';
import { getSocialCentre, listSocialCentres, type SocialCentre } from '../../territory/index.ts';
import { agentAbsences, appointmentReasons, openingSlots } from '../db/appointments.table.ts';
import { getReason, reasonsOfCentre } from '../db/slot-queries.ts';
import { absencesOf, agentsOfCentre, centresOf, feedCalendar, hasFeed, managesCentre, mayOpenCentre, noShowStats, openingsOf, renewFeed, revokeFeed } from '../use-cases/agenda.ts';
import { appointmentsBetween, bookAppointment, cancelAppointment, getAppointment, moveAppointment, OUTCOMES, recordOutcome, type Outcome } from '../use-cases/booking.ts';
import { readPerson, readStart } from './person-form.ts';
import { AgendaPage, AgentBookPage, AppointmentPage, AvailabilityPage, ChooseReasonPage, FeedPage, MoveConfirmPage, ReasonFormPage, ReasonsPage, StatsPage } from './agent.pages.tsx';
import { readReason, reasonValues } from './reason-form.ts';
import { bookSeat, createGroupSession, getGroupSession, seatsOf, seatsTaken, upcomingSessions } from '../use-cases/group-sessions.ts';
import { AgentSessionPage, AgentSessionsPage } from './sessions.pages.tsx';
import { SlotsPage, RefusedPage } from './public.pages.tsx';
import { actorOf, appointmentsDeps, slotPage } from './public.routes.tsx';

export const agentAppointmentRoutes = new Hono<AppEnv>();
const staff = allow.staff('admin', 'agent', 'centre_manager');

function userId(c: Context<AppEnv>): string {
  const p = c.get('principal');
  return p.kind === 'staff' ? p.userId : '';
}

/** The centre the page is about: ?centre= if allowed, else the agent's first centre. */
async function currentCentre(c: Context<AppEnv>, asked?: string): Promise<{ centre: SocialCentre; centres: SocialCentre[] } | null> {
  const deps = c.get('deps');
  const allowed = centresOf(c.get('principal'));
  const all = await listSocialCentres(deps.db, deps.config.departement);
  const centres = allowed === null ? all : all.filter((x) => allowed.includes(x.id));
  const centre = centres.find((x) => x.id === asked) ?? centres[0];
  return centre ? { centre, centres } : null;
}

const noCentre = async (c: Context<AppEnv>) => notFound(c);

agentAppointmentRoutes.get('/agenda', staff, async (c) => {
  const deps = c.get('deps');
  const found = await currentCentre(c, c.req.query('centre'));
  if (!found) return noCentre(c);
  const { centre, centres } = found;
  const agents = await agentsOfCentre(deps.db, centre.id);
  const askedAgent = c.req.query('agent');
  const agentId = askedAgent === undefined ? (agents.some((a) => a.id === userId(c)) ? userId(c) : null) : agents.find((a) => a.id === askedAgent)?.id ?? null;
  const today = parisToday(deps.clock.now());
  const day = parseFrenchDay(c.req.query('jour') ?? '') ?? today;
  const view = c.req.query('vue') === 'semaine' ? 'semaine' : 'jour';
  // A week starts on Monday.
  const first = view === 'semaine' ? addDays(day, -calendarDays(day, 1)[0]!.weekday) : day;
  const count = view === 'semaine' ? 7 : 1;
  const rows = await appointmentsBetween(deps.db, { centreId: centre.id, ...(agentId ? { agentId } : {}), from: parisInstant(first, 0), to: parisInstant(addDays(first, count), 0) });
  const reasons = new Map((await reasonsOfCentre(deps.db, centre.id, false)).map((r) => [r.id, r]));
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const sessions = (await upcomingSessions(deps.db, centre.id, parisInstant(first, 0), false)).filter((s) => s.startAt < parisInstant(addDays(first, count), 0) && (!agentId || s.agentId === agentId));
  const days = calendarDays(first, count).map((d) => ({
    sessions: sessions.filter((s) => parisToday(s.startAt) === d.day),
    day: d.day,
    label: formatParisDay(parisInstant(d.day, 720), true),
    rows: rows
      .filter((r) => parisToday(r.startAt) === d.day)
      .map((r) => ({ ...r, reasonName: reasons.get(r.reasonId)?.name ?? '', agentName: names.get(r.agentId) ?? '', hidden: reasons.get(r.reasonId)?.visibility === 'hidden' })),
  }));
  return c.html(
    <AgendaPage
      ctx={await pageContext(c)}
      centre={centre}
      centres={centres}
      agents={agents}
      agentId={agentId}
      day={day}
      view={view}
      days={days}
      prev={addDays(first, -count)}
      next={addDays(first, count)}
      manager={managesCentre(c.get('principal'), centre.id)}
    />,
  );
});

/** The appointment, if it belongs to one of the agent's centres. */
async function ownAppointment(c: Context<AppEnv>) {
  const db = c.get('deps').db;
  const appointment = await getAppointment(db, c.req.param('id')!);
  if (!appointment || !mayOpenCentre(c.get('principal'), appointment.socialCentreId)) return null;
  const reason = await getReason(db, appointment.reasonId);
  return reason ? { appointment, reason } : null;
}

async function showAppointment(c: Context<AppEnv>, errors: FieldError[] = [], status: 200 | 422 = 200) {
  const found = await ownAppointment(c);
  if (!found) return notFound(c);
  const deps = c.get('deps');
  const agents = await agentsOfCentre(deps.db, found.appointment.socialCentreId);
  const name = (id: string | null) => (id ? (agents.find((a) => a.id === id)?.name ?? 'un agent') : null);
  if (status === 200) {
    await recordAudit(deps.db, { at: deps.clock.now(), actorId: userId(c), actorLabel: actorOf(c).label, action: 'appointment.viewed', subjectType: 'appointment', subjectId: found.appointment.id, requestId: c.get('requestId') });
  }
  return c.html(
    <AppointmentPage
      ctx={await pageContext(c)}
      {...found}
      agentName={name(found.appointment.agentId) ?? ''}
      bookedBy={name(found.appointment.bookedByUserId)}
      notice={await takeFlash(c, 'agendaFlash')}
      errors={errors}
      manager={managesCentre(c.get('principal'), found.appointment.socialCentreId)}
      now={deps.clock.now()}
    />,
    status,
  );
}

agentAppointmentRoutes.get(`/agenda/rendez-vous/:id{${UUID}}`, staff, (c) => showAppointment(c));

agentAppointmentRoutes.post(`/agenda/rendez-vous/:id{${UUID}}/suite`, staff, async (c) => {
  const found = await ownAppointment(c);
  if (!found) return notFound(c);
  const outcome = valueOf(await readForm(c), 'outcome');
  if (!(OUTCOMES as readonly string[]).includes(outcome)) return showAppointment(c, [{ field: 'outcome', message: 'Choisissez la suite du rendez-vous' }], 422);
  const r = await recordOutcome(appointmentsDeps(c), { appointment: found.appointment, outcome: outcome as Outcome, actor: actorOf(c) });
  if (!r.ok) return showAppointment(c, [{ field: 'outcome', message: r.message }], 422);
  await updateSessionData(c, { agendaFlash: 'La suite du rendez-vous est enregistrée.' });
  return c.redirect(`/agenda/rendez-vous/${found.appointment.id}`, 303);
});

agentAppointmentRoutes.post(`/agenda/rendez-vous/:id{${UUID}}/annuler`, staff, async (c) => {
  const found = await ownAppointment(c);
  if (!found) return notFound(c);
  const r = await cancelAppointment(appointmentsDeps(c), { ...found, by: 'agent', actor: actorOf(c) });
  await updateSessionData(c, { agendaFlash: r.ok ? 'Le rendez-vous est annulé ; la personne est prévenue si elle peut l’être.' : r.message });
  return c.redirect(`/agenda/rendez-vous/${found.appointment.id}`, 303);
});

// Moving an appointment for the person (they called): the free times of the same reason, this one left out.
agentAppointmentRoutes.get(`/agenda/rendez-vous/:id{${UUID}}/deplacer`, staff, async (c) => {
  const found = await ownAppointment(c);
  if (!found || found.appointment.status !== 'booked') return notFound(c);
  const centre = await getSocialCentre(c.get('deps').db, found.appointment.socialCentreId);
  if (!centre) return notFound(c);
  const base = `/agenda/rendez-vous/${found.appointment.id}/deplacer`;
  const start = readStart(c.req.query('debut'));
  const manager = managesCentre(c.get('principal'), centre.id);
  if (start) return c.html(<MoveConfirmPage ctx={await pageContext(c)} {...found} start={start} manager={manager} />);
  const { days, more } = await slotPage(appointmentsDeps(c), found.reason, c.req.query('apres'), { byAgent: true, ignoreAppointmentId: found.appointment.id });
  return c.html(<SlotsPage ctx={await pageContext(c)} centre={centre} reason={found.reason} days={days} moreHref={more ? `${base}?apres=${more}` : null} hrefBase={base} title={`Déplacer le rendez-vous de ${found.appointment.personName ?? 'la personne'}`} caption={found.reason.name} />);
});

agentAppointmentRoutes.post(`/agenda/rendez-vous/:id{${UUID}}/deplacer`, staff, async (c) => {
  const found = await ownAppointment(c);
  if (!found) return notFound(c);
  const start = readStart(valueOf(await readForm(c), 'debut'));
  const base = `/agenda/rendez-vous/${found.appointment.id}/deplacer`;
  if (!start) return c.redirect(base, 303);
  const r = await moveAppointment(appointmentsDeps(c), { ...found, start, by: 'agent', actor: actorOf(c) });
  if (!r.ok) return c.html(<RefusedPage ctx={await pageContext(c)} reason={found.reason} message={r.message} next={r.next} hrefBase={base} backHref={base} />, r.code === 'taken' ? 409 : 422);
  await updateSessionData(c, { agendaFlash: 'Le rendez-vous est déplacé.' });
  return c.redirect(`/agenda/rendez-vous/${found.appointment.id}`, 303);
});

agentAppointmentRoutes.get('/agenda/prendre', staff, async (c) => {
  const found = await currentCentre(c, c.req.query('centre'));
  if (!found) return noCentre(c);
  const reasons = await reasonsOfCentre(c.get('deps').db, found.centre.id, false);
  return c.html(<ChooseReasonPage ctx={await pageContext(c)} centre={found.centre} reasons={reasons} manager={managesCentre(c.get('principal'), found.centre.id)} />);
});

async function agentReason(c: Context<AppEnv>) {
  const db = c.get('deps').db;
  const reason = await getReason(db, c.req.param('reasonId')!);
  if (!reason || !mayOpenCentre(c.get('principal'), reason.socialCentreId)) return null;
  const centre = await getSocialCentre(db, reason.socialCentreId);
  return centre ? { reason, centre } : null;
}

agentAppointmentRoutes.get(`/agenda/prendre/:reasonId{${UUID}}`, staff, async (c) => {
  const found = await agentReason(c);
  if (!found) return notFound(c);
  const { days, more } = await slotPage(appointmentsDeps(c), found.reason, c.req.query('apres'), { byAgent: true });
  return c.html(
    <SlotsPage
      ctx={await pageContext(c)}
      {...found}
      days={days}
      moreHref={more ? `/agenda/prendre/${found.reason.id}?apres=${more}` : null}
      hrefBase={`/agenda/prendre/${found.reason.id}/reserver`}
      title={`Rendez-vous pour quelqu’un : ${found.reason.name}`}
      caption={found.centre.name}
    />,
  );
});

agentAppointmentRoutes.get(`/agenda/prendre/:reasonId{${UUID}}/reserver`, staff, async (c) => {
  const found = await agentReason(c);
  if (!found) return notFound(c);
  const start = readStart(c.req.query('debut'));
  if (!start) return c.redirect(`/agenda/prendre/${found.reason.id}`, 303);
  return c.html(<AgentBookPage ctx={await pageContext(c)} reason={found.reason} start={start} values={{}} errors={[]} manager={managesCentre(c.get('principal'), found.centre.id)} />);
});

agentAppointmentRoutes.post(`/agenda/prendre/:reasonId{${UUID}}/reserver`, staff, async (c) => {
  const found = await agentReason(c);
  if (!found) return notFound(c);
  const values = await readForm(c);
  const start = readStart(valueOf(values, 'debut'));
  if (!start) return c.redirect(`/agenda/prendre/${found.reason.id}`, 303);
  const person = readPerson(values);
  const note = valueOf(values, 'note').trim();
  const errors = person.ok ? [] : [...person.errors];
  if (note.length > 2000) errors.push({ field: 'note', message: 'La note doit faire 2 000 caractères au plus' });
  const manager = managesCentre(c.get('principal'), found.centre.id);
  if (!person.ok || errors.length) return c.html(<AgentBookPage ctx={await pageContext(c)} reason={found.reason} start={start} values={values} errors={errors} manager={manager} />, 422);
  const result = await bookAppointment(appointmentsDeps(c), { reason: found.reason, start, person: person.person, residentUserId: null, actor: actorOf(c), byAgent: true, agentNote: note || null });
  const base = `/agenda/prendre/${found.reason.id}`;
  if (!result.ok) return c.html(<RefusedPage ctx={await pageContext(c)} reason={found.reason} message={result.message} next={result.next} hrefBase={`${base}/reserver`} backHref={base} />, result.code === 'taken' ? 409 : 422);
  await updateSessionData(c, { agendaFlash: 'Le rendez-vous est pris.' });
  return c.redirect(`/agenda/rendez-vous/${result.appointment.id}`, 303);
});

// Availabilities: an agent manages their own; a centre's manager those of every agent of the centre.
async function availabilityScope(c: Context<AppEnv>, askedAgent: string | undefined) {
  const found = await currentCentre(c, c.req.query('centre'));
  if (!found) return null;
  const agents = await agentsOfCentre(c.get('deps').db, found.centre.id);
  const manager = managesCentre(c.get('principal'), found.centre.id);
  const me = userId(c);
  const agentId = manager && askedAgent && agents.some((a) => a.id === askedAgent) ? askedAgent : me;
  if (!agents.some((a) => a.id === agentId) && !manager) return null;
  return { ...found, agents: agents.some((a) => a.id === agentId) ? agents : [...agents, { id: me, name: 'Moi' }], agentId, manager };
}

async function showAvailability(c: Context<AppEnv>, askedAgent: string | undefined, values: Record<string, string | string[]> = {}, errors: FieldError[] = []) {
  const scope = await availabilityScope(c, askedAgent);
  if (!scope) return notFound(c);
  const deps = c.get('deps');
  const [reasons, openings, absences] = await Promise.all([reasonsOfCentre(deps.db, scope.centre.id, false), openingsOf(deps.db, scope.agentId, scope.centre.id), absencesOf(deps.db, scope.agentId, deps.clock.now())]);
  return c.html(
    <AvailabilityPage ctx={await pageContext(c)} {...scope} reasons={reasons} openings={openings} absences={absences} values={values} errors={errors} notice={await takeFlash(c, 'agendaFlash')} />,
    errors.length ? 422 : 200,
  );
}

agentAppointmentRoutes.get('/agenda/disponibilites', staff, (c) => showAvailability(c, c.req.query('agent')));

const clockOf = (text: string): number | null => {
  const m = /^(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?$/i.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h < 24 && min < 60 ? h * 60 + min : null;
};

agentAppointmentRoutes.post('/agenda/disponibilites/ouvertures', staff, async (c) => {
  const values = await readForm(c);
  const scope = await availabilityScope(c, valueOf(values, 'agent'));
  if (!scope) return notFound(c);
  const deps = c.get('deps');
  const errors: FieldError[] = [];
  const weekday = Number(valueOf(values, 'weekday'));
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) errors.push({ field: 'weekday', message: 'Choisissez un jour de la semaine' });
  const start = clockOf(valueOf(values, 'start'));
  const end = clockOf(valueOf(values, 'end'));
  if (start === null) errors.push({ field: 'start', message: 'Saisissez l’heure de début, par exemple 9:00' });
  if (end === null) errors.push({ field: 'end', message: 'Saisissez l’heure de fin, par exemple 12:00' });
  else if (start !== null && end <= start) errors.push({ field: 'end', message: 'L’heure de fin doit être après l’heure de début' });
  const today = parisToday(deps.clock.now());
  const from = valueOf(values, 'from') ? parseFrenchDay(valueOf(values, 'from')) : today;
  if (!from) errors.push({ field: 'from', message: 'Saisissez une date réelle, par exemple 01/12/2026' });
  const until = valueOf(values, 'until') ? parseFrenchDay(valueOf(values, 'until')) : null;
  if (valueOf(values, 'until') && !until) errors.push({ field: 'until', message: 'Saisissez une date réelle, par exemple 30/06/2027' });
  else if (until && from && until < from) errors.push({ field: 'until', message: 'La date de fin doit être après la date de début' });
  else if (until && until < today) errors.push({ field: 'until', message: 'La date de fin est passée' });
  const everyWeeks = Number(valueOf(values, 'everyWeeks') || '1');
  const reasons = await reasonsOfCentre(deps.db, scope.centre.id, false);
  const chosen = (Array.isArray(values.reasons) ? values.reasons : values.reasons ? [values.reasons] : []).filter((id) => reasons.some((r) => r.id === id));
  if (!chosen.length) errors.push({ field: 'reasons', message: 'Cochez au moins un motif accepté sur cette plage' });
  if (errors.length || ![1, 2, 3, 4].includes(everyWeeks)) return showAvailability(c, scope.agentId, values, errors.length ? errors : [{ field: 'everyWeeks', message: 'Choisissez une fréquence' }]);
  await deps.db.insert(openingSlots).values({ id: deps.ids.uuid(), agentId: scope.agentId, socialCentreId: scope.centre.id, weekday, startMinute: start!, endMinute: end!, fromDate: from!, untilDate: until, everyWeeks, reasonIds: chosen, createdAt: deps.clock.now() });
  await updateSessionData(c, { agendaFlash: 'La plage est ajoutée.' });
  return c.redirect(`/agenda/disponibilites?agent=${scope.agentId}&centre=${scope.centre.id}`, 303);
});

agentAppointmentRoutes.post(`/agenda/disponibilites/ouvertures/:id{${UUID}}/supprimer`, staff, async (c) => {
  const values = await readForm(c);
  const scope = await availabilityScope(c, valueOf(values, 'agent'));
  if (!scope) return notFound(c);
  const deleted = await c.get('deps').db.delete(openingSlots).where(and(eq(openingSlots.id, c.req.param('id')), eq(openingSlots.agentId, scope.agentId), eq(openingSlots.socialCentreId, scope.centre.id))).returning({ id: openingSlots.id });
  if (!deleted.length) return notFound(c);
  await updateSessionData(c, { agendaFlash: 'La plage est supprimée. Les rendez-vous déjà pris restent prévus.' });
  return c.redirect(`/agenda/disponibilites?agent=${scope.agentId}&centre=${scope.centre.id}`, 303);
});

agentAppointmentRoutes.post('/agenda/disponibilites/absences', staff, async (c) => {
  const values = await readForm(c);
  const scope = await availabilityScope(c, valueOf(values, 'agent'));
  if (!scope) return notFound(c);
  const deps = c.get('deps');
  const errors: FieldError[] = [];
  const from = parseFrenchDay(valueOf(values, 'absenceFrom'));
  const until = valueOf(values, 'absenceUntil') ? parseFrenchDay(valueOf(values, 'absenceUntil')) : from;
  if (!from) errors.push({ field: 'absenceFrom', message: 'Saisissez le premier jour d’absence, par exemple 24/12/2026' });
  if (!until) errors.push({ field: 'absenceUntil', message: 'Saisissez une date réelle, par exemple 02/01/2027' });
  else if (from && until < from) errors.push({ field: 'absenceUntil', message: 'Le dernier jour doit être après le premier' });
  else if (until < parisToday(deps.clock.now())) errors.push({ field: 'absenceUntil', message: 'Cette absence est déjà passée' });
  const note = valueOf(values, 'absenceNote').trim();
  if (note.length > 200) errors.push({ field: 'absenceNote', message: 'La note doit faire 200 caractères au plus' });
  if (errors.length) return showAvailability(c, scope.agentId, values, errors);
  await deps.db.insert(agentAbsences).values({ id: deps.ids.uuid(), agentId: scope.agentId, startAt: parisInstant(from!, 0), endAt: parisInstant(addDays(until!, 1), 0), note: note || null });
  await updateSessionData(c, { agendaFlash: 'L’absence est ajoutée : plus aucun créneau n’est proposé ces jours-là. Les rendez-vous déjà pris restent à déplacer.' });
  return c.redirect(`/agenda/disponibilites?agent=${scope.agentId}&centre=${scope.centre.id}`, 303);
});

agentAppointmentRoutes.post(`/agenda/disponibilites/absences/:id{${UUID}}/supprimer`, staff, async (c) => {
  const values = await readForm(c);
  const scope = await availabilityScope(c, valueOf(values, 'agent'));
  if (!scope) return notFound(c);
  const deleted = await c.get('deps').db.delete(agentAbsences).where(and(eq(agentAbsences.id, c.req.param('id')), inArray(agentAbsences.agentId, [scope.agentId]))).returning({ id: agentAbsences.id });
  if (!deleted.length) return notFound(c);
  await updateSessionData(c, { agendaFlash: 'L’absence est supprimée.' });
  return c.redirect(`/agenda/disponibilites?agent=${scope.agentId}&centre=${scope.centre.id}`, 303);
});

agentAppointmentRoutes.get('/agenda/lien', staff, async (c) => {
  const found = await currentCentre(c);
  return c.html(<FeedPage ctx={await pageContext(c)} url={null} active={await hasFeed(c.get('deps').db, userId(c))} manager={!!found && managesCentre(c.get('principal'), found.centre.id)} />);
});

agentAppointmentRoutes.post('/agenda/lien', staff, async (c) => {
  const token = await renewFeed(appointmentsDeps(c), userId(c), actorOf(c));
  const found = await currentCentre(c);
  return c.html(<FeedPage ctx={await pageContext(c)} url={`${c.get('deps').config.publicUrl}/agenda/flux/${token}.ics`} active manager={!!found && managesCentre(c.get('principal'), found.centre.id)} />);
});

agentAppointmentRoutes.post('/agenda/lien/supprimer', staff, async (c) => {
  await revokeFeed(appointmentsDeps(c), userId(c));
  return c.redirect('/agenda/lien', 303);
});

// The feed itself is read by calendar applications, which cannot sign in: the token in the URL is the key.
agentAppointmentRoutes.get('/agenda/flux/:file', allow.anyone, async (c) => {
  const token = c.req.param('file').replace(/\.ics$/, '');
  const ics = await feedCalendar(appointmentsDeps(c), token);
  if (!ics) return c.text('Lien d’agenda inconnu ou désactivé', 404);
  c.header('cache-control', 'private, no-store');
  return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8' });
});

agentAppointmentRoutes.get('/agenda/statistiques', staff, async (c) => {
  const found = await currentCentre(c, c.req.query('centre'));
  if (!found || !managesCentre(c.get('principal'), found.centre.id)) return notFound(c);
  const since = new Date(c.get('deps').clock.now().getTime() - 365 * 86_400_000);
  return c.html(<StatsPage ctx={await pageContext(c)} centre={found.centre} rows={await noShowStats(c.get('deps').db, found.centre.id, since)} />);
});

// Reasons: a centre's manager (or an admin) creates and edits them.
async function managedCentre(c: Context<AppEnv>, centreId: string | undefined) {
  const found = await currentCentre(c, centreId);
  return found && managesCentre(c.get('principal'), found.centre.id) ? found.centre : null;
}

agentAppointmentRoutes.get('/agenda/motifs', staff, async (c) => {
  const centre = await managedCentre(c, c.req.query('centre'));
  if (!centre) return notFound(c);
  return c.html(<ReasonsPage ctx={await pageContext(c)} centre={centre} reasons={await reasonsOfCentre(c.get('deps').db, centre.id, false)} notice={await takeFlash(c, 'agendaFlash')} />);
});

const NEW_REASON: Record<string, string> = { duration: '30', location: 'on_site', bookableBy: 'residents', minDelayHours: '2', maxDelayDays: '42', visibility: 'normal' };

agentAppointmentRoutes.get('/agenda/motifs/nouveau', staff, async (c) => {
  const centre = await managedCentre(c, c.req.query('centre'));
  if (!centre) return notFound(c);
  return c.html(<ReasonFormPage ctx={await pageContext(c)} centre={centre} action={`/agenda/motifs/nouveau?centre=${centre.id}`} values={NEW_REASON} errors={[]} editing={false} />);
});

agentAppointmentRoutes.post('/agenda/motifs/nouveau', staff, async (c) => {
  const centre = await managedCentre(c, c.req.query('centre'));
  if (!centre) return notFound(c);
  const values = await readForm(c);
  const r = readReason(values);
  if (!r.ok) return c.html(<ReasonFormPage ctx={await pageContext(c)} centre={centre} action={`/agenda/motifs/nouveau?centre=${centre.id}`} values={values} errors={r.errors} editing={false} />, 422);
  const deps = c.get('deps');
  await deps.db.insert(appointmentReasons).values({ ...r.reason, id: deps.ids.uuid(), socialCentreId: centre.id, createdAt: deps.clock.now() });
  await updateSessionData(c, { agendaFlash: `Le motif « ${r.reason.name} » est ajouté. Cochez-le sur les plages d’ouverture qui l’acceptent.` });
  return c.redirect(`/agenda/motifs?centre=${centre.id}`, 303);
});

async function managedReason(c: Context<AppEnv>) {
  const reason = await getReason(c.get('deps').db, c.req.param('reasonId')!);
  const centre = reason ? await managedCentre(c, reason.socialCentreId) : null;
  return reason && centre && centre.id === reason.socialCentreId ? { reason, centre } : null;
}

agentAppointmentRoutes.get(`/agenda/motifs/:reasonId{${UUID}}`, staff, async (c) => {
  const found = await managedReason(c);
  if (!found) return notFound(c);
  return c.html(<ReasonFormPage ctx={await pageContext(c)} centre={found.centre} action={`/agenda/motifs/${found.reason.id}`} values={reasonValues(found.reason)} errors={[]} editing />);
});

agentAppointmentRoutes.post(`/agenda/motifs/:reasonId{${UUID}}`, staff, async (c) => {
  const found = await managedReason(c);
  if (!found) return notFound(c);
  const values = await readForm(c);
  const r = readReason(values);
  if (!r.ok) return c.html(<ReasonFormPage ctx={await pageContext(c)} centre={found.centre} action={`/agenda/motifs/${found.reason.id}`} values={values} errors={r.errors} editing />, 422);
  // Appointments already booked keep their times; the new rules apply to the next bookings.
  await c.get('deps').db.update(appointmentReasons).set(r.reason).where(eq(appointmentReasons.id, found.reason.id));
  await updateSessionData(c, { agendaFlash: `Le motif « ${r.reason.name} » est modifié. Les rendez-vous déjà pris gardent leur horaire.` });
  return c.redirect(`/agenda/motifs?centre=${found.centre.id}`, 303);
});

// Collective sessions: an agent opens one they run; any agent of the centre adds participants.
async function showSessions(c: Context<AppEnv>, values: Record<string, string | string[]> = { online: 'oui', seats: '8' }, errors: FieldError[] = []) {
  const found = await currentCentre(c, c.req.query('centre'));
  if (!found) return notFound(c);
  const deps = c.get('deps');
  return c.html(
    <AgentSessionsPage ctx={await pageContext(c)} centre={found.centre} sessions={await upcomingSessions(deps.db, found.centre.id, deps.clock.now(), false)} values={values} errors={errors} manager={managesCentre(c.get('principal'), found.centre.id)} notice={await takeFlash(c, 'agendaFlash')} />,
    errors.length ? 422 : 200,
  );
}

agentAppointmentRoutes.get('/agenda/ateliers', staff, (c) => showSessions(c));

agentAppointmentRoutes.post('/agenda/ateliers', staff, async (c) => {
  const found = await currentCentre(c, c.req.query('centre'));
  if (!found) return notFound(c);
  const values = await readForm(c);
  const errors: FieldError[] = [];
  const title = valueOf(values, 'title').trim();
  if (!title) errors.push({ field: 'title', message: 'Saisissez le titre de l’atelier' });
  else if (title.length > 120) errors.push({ field: 'title', message: 'Le titre doit faire 120 caractères au plus' });
  const description = valueOf(values, 'description').trim();
  if (description.length > 2000) errors.push({ field: 'description', message: 'La présentation doit faire 2 000 caractères au plus' });
  const day = parseFrenchDay(valueOf(values, 'date'));
  if (!day) errors.push({ field: 'date', message: 'Saisissez la date de l’atelier, par exemple 15/12/2026' });
  const start = clockOf(valueOf(values, 'start'));
  const end = clockOf(valueOf(values, 'end'));
  if (start === null) errors.push({ field: 'start', message: 'Saisissez l’heure de début, par exemple 14:00' });
  if (end === null) errors.push({ field: 'end', message: 'Saisissez l’heure de fin, par exemple 16:00' });
  else if (start !== null && end <= start) errors.push({ field: 'end', message: 'L’heure de fin doit être après l’heure de début' });
  const seats = /^\s*\d{1,4}\s*$/.test(valueOf(values, 'seats')) ? Number(valueOf(values, 'seats')) : NaN;
  if (!(seats >= 2 && seats <= 200)) errors.push({ field: 'seats', message: 'Saisissez un nombre de places entre 2 et 200' });
  if (errors.length) return showSessions(c, values, errors);
  const r = await createGroupSession(appointmentsDeps(c), {
    centreId: found.centre.id,
    agentId: userId(c),
    title,
    description: description || null,
    start: parisInstant(day!, start!),
    end: parisInstant(day!, end!),
    seats,
    online: valueOf(values, 'online') === 'oui',
    actor: actorOf(c),
  });
  if (!r.ok) return showSessions(c, values, [{ field: r.field, message: r.message }]);
  await updateSessionData(c, { agendaFlash: `L’atelier « ${title} » est ouvert.` });
  return c.redirect(`/agenda/ateliers/${r.session.id}`, 303);
});

async function ownSession(c: Context<AppEnv>) {
  const session = await getGroupSession(c.get('deps').db, c.req.param('sessionId')!);
  return session && mayOpenCentre(c.get('principal'), session.socialCentreId) ? session : null;
}

async function showSession(c: Context<AppEnv>, values: Record<string, string | string[]> = {}, errors: FieldError[] = [], status: 200 | 409 | 422 = 200) {
  const session = await ownSession(c);
  if (!session) return notFound(c);
  const db = c.get('deps').db;
  return c.html(
    <AgentSessionPage ctx={await pageContext(c)} session={{ ...session, taken: await seatsTaken(db, session.id) }} seats={await seatsOf(db, session.id)} values={values} errors={errors} manager={managesCentre(c.get('principal'), session.socialCentreId)} notice={await takeFlash(c, 'agendaFlash')} />,
    status,
  );
}

agentAppointmentRoutes.get(`/agenda/ateliers/:sessionId{${UUID}}`, staff, (c) => showSession(c));

agentAppointmentRoutes.post(`/agenda/ateliers/:sessionId{${UUID}}/inscrire`, staff, async (c) => {
  const session = await ownSession(c);
  if (!session) return notFound(c);
  const values = await readForm(c);
  const person = readPerson(values);
  if (!person.ok) return showSession(c, values, person.errors, 422);
  const r = await bookSeat(appointmentsDeps(c), { sessionId: session.id, person: person.person, byAgent: true, actor: actorOf(c) });
  if (!r.ok) return showSession(c, values, [{ field: 'name', message: r.message }], 409);
  await updateSessionData(c, { agendaFlash: `${person.person.name} est inscrit.` });
  return c.redirect(`/agenda/ateliers/${session.id}`, 303);
});
