// Appointments through HTTP, as residents and agents use them: booking without an account, the messages and
// their calendar file, cancelling and moving by the link, the waiting list, the reminder job under the test
// clock, booking for someone, the agenda, availabilities, the calendar feed, and who may see what.
import { and, eq, like } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signedInAs, type StaffUser } from '../../../tests/support/staff-session.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { runDueJobs } from '../../platform/jobs/worker.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { smsOutbox } from '../../platform/sms/sms.table.ts';
import { auditEvents, openingSlots } from '../../schema.ts';
import { communesServedBy } from '../territory/index.ts';
import { appointmentJobHandlers } from './appointments.jobs.ts';
import { appointmentReasons, appointments } from './db/appointments.table.ts';
import { findFreeSlots, type ReasonRow } from './db/slot-queries.ts';

let t: TestApp;
let reason: ReasonRow;
let confidential: ReasonRow;
let discreet: ReasonRow;
let commune: { insee: string; name: string };
let agent: StaffUser;
let manager: StaffUser;
let otherAgent: StaffUser;

const mailsTo = (to: string) => t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
const link = (html: string, re: RegExp) => {
  const m = html.match(re);
  if (!m) throw new Error(`no link ${re}`);
  return m[0].replaceAll('&amp;', '&');
};

beforeAll(async () => {
  t = await createTestApp();
  const [first] = await t.deps.db.select().from(appointmentReasons).where(eq(appointmentReasons.name, 'Premier accueil social')).limit(1);
  const reasons = await t.deps.db.select().from(appointmentReasons).where(eq(appointmentReasons.socialCentreId, first!.socialCentreId));
  reason = reasons.find((r) => r.name === 'Premier accueil social')!;
  confidential = reasons.find((r) => r.visibility === 'hidden')!;
  discreet = reasons.find((r) => r.visibility === 'no_notifications')!;
  commune = (await communesServedBy(t.deps.db, reason.socialCentreId))[0]!;
  agent = await createStaffUser(t, 'agent', { socialCentreId: reason.socialCentreId, name: 'Alice Accueil' });
  manager = await createStaffUser(t, 'centre_manager', { socialCentreId: reason.socialCentreId, name: 'Marc Responsable' });
  const { listSocialCentres } = await import('../territory/index.ts');
  const elsewhere = (await listSocialCentres(t.deps.db, '35')).find((c) => c.id !== reason.socialCentreId)!;
  otherAgent = await createStaffUser(t, 'agent', { socialCentreId: elsewhere.id, name: 'Olivier Ailleurs' });
});
afterAll(() => t.close());

async function firstFree(r: ReasonRow, after = 0) {
  const slots = await findFreeSlots(t.deps.db, { reason: r, now: t.clock.now() });
  const starts = [...new Set(slots.map((s) => s.start.toISOString()))];
  return starts[after]!;
}

async function book(client: TestClient, start: string, person: Record<string, string>) {
  await client.get(`/rendez-vous/motifs/${reason.id}/reserver?debut=${encodeURIComponent(start)}`);
  return client.post(`/rendez-vous/motifs/${reason.id}/reserver`, { debut: start, ...person });
}

describe('a resident books without an account', () => {
  it('goes from the commune to the centre, the reasons, the free times and the form, then gets the confirmation, the e-mail with its calendar file and the SMS', async () => {
    const c = t.client();
    const start = await c.get(`/rendez-vous?commune=${encodeURIComponent(commune.name)}&communeInsee=${commune.insee}`);
    expect(start.status).toBe(303);
    const centre = await c.get(start.res.headers.get('location')!);
    expect(centre.html).toContain('Premier accueil social');
    expect(centre.html).not.toContain(confidential.name);
    const list = await c.get(`/rendez-vous/motifs/${reason.id}`);
    const slotHref = link(list.html, /\/rendez-vous\/motifs\/[0-9a-f-]+\/reserver\?debut=[^"]+/);
    const debut = decodeURIComponent(slotHref.split('debut=')[1]!);
    expect(debut).toBe(await firstFree(reason));

    // Nothing given: errors next to the fields, what was typed kept.
    await c.get(slotHref);
    const bad = await c.post(`/rendez-vous/motifs/${reason.id}/reserver`, { debut, name: '', email: '', phone: '01 02' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez votre nom et prénom');
    expect(bad.html).toContain('Saisissez un numéro de téléphone français');
    expect(bad.html).toContain('value="01 02"');

    const ok = await c.post(`/rendez-vous/motifs/${reason.id}/reserver`, { debut, name: 'Léa Martin', email: 'lea@exemple.fr', phone: '06 12 34 56 78' });
    expect(ok.status).toBe(303);
    const page = await c.get(ok.location!);
    expect(page.html).toContain('Rendez-vous confirmé');
    expect(page.html).toContain('Annuler le rendez-vous');
    const [mail] = await mailsTo('lea@exemple.fr');
    expect(mail!.subject).toMatch(/^Rendez-vous confirmé le /);
    expect(mail!.text).toContain(ok.location!);
    const ics = mail!.attachments![0]!;
    expect(ics.filename).toBe('rendez-vous.ics');
    expect(ics.content).toContain(`DTSTART:${debut.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(ics.content).toContain('METHOD:PUBLISH');
    const sms = await t.deps.db.select().from(smsOutbox).where(eq(smsOutbox.to, '+33612345678'));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(ok.location!);
  });

  it('answers a taken slot with « vient d’être pris » and the next free times, and refuses past, too far and closed times', async () => {
    const debut = await firstFree(reason, 3);
    // As many people as there are agents free then: the next one finds it taken.
    let last;
    for (let i = 0; i < 5; i++) {
      last = await book(t.client(), debut, { name: `Personne ${i}`, email: `p${i}@exemple.fr` });
      if (last.status !== 303) break;
    }
    expect(last!.status).toBe(409);
    expect(last!.html).toContain('Ce créneau vient d’être pris');
    expect(last!.html).toContain('Les prochains créneaux libres');
    expect(last!.html).toMatch(/reserver\?debut=/);

    const c = t.client();
    const past = await book(c, new Date(t.clock.now().getTime() - 3_600_000).toISOString(), { name: 'A', email: 'a@exemple.fr' });
    expect(past.status).toBe(422);
    expect(past.html).toContain('Ce créneau est déjà passé');
    const far = await book(c, new Date(t.clock.now().getTime() + 400 * 86_400_000).toISOString(), { name: 'A', email: 'a@exemple.fr' });
    expect(far.html).toContain('on réserve au plus 42 jours à l’avance');
    const night = new Date(debut);
    night.setUTCHours(2, 0, 0, 0);
    if (night.getTime() > t.clock.now().getTime() + 86_400_000) {
      const closed = await book(c, night.toISOString(), { name: 'A', email: 'a@exemple.fr' });
      expect(closed.status).toBe(422);
      expect(closed.html).toContain('ne fait pas partie des horaires proposés');
    }
    const junk = await c.post(`/rendez-vous/motifs/${reason.id}/reserver`, { debut: 'demain', name: 'A' });
    expect(junk.status).toBe(422);
  });

  it('cancels and moves by the link, and a forged or replaced link gets a clear page', async () => {
    const c = t.client();
    const debut = await firstFree(reason, 6);
    const booked = await book(c, debut, { name: 'Hugo Petit', email: 'hugo@exemple.fr' });
    const manage = booked.location!;
    await c.get(manage);
    const newStart = await firstFree(reason, 8);
    const moveList = await c.get(`${manage}/deplacer`);
    expect(moveList.html).toContain('Choisir un nouveau créneau');
    await c.get(`${manage}/deplacer?debut=${encodeURIComponent(newStart)}`);
    const moved = await c.post(`${manage}/deplacer`, { debut: newStart });
    expect(moved.status).toBe(303);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.personEmail, 'hugo@exemple.fr'));
    expect(row!.startAt.toISOString()).toBe(newStart);
    expect(row!.sequence).toBe(1);
    const mails = await mailsTo('hugo@exemple.fr');
    expect(mails.map((m) => m.subject.split(' le ')[0]!.split(' au ')[0])).toEqual(['Rendez-vous confirmé', 'Rendez-vous déplacé']);
    // The person's link still works after the move.
    const page = await c.get(manage);
    expect(page.html).toContain('Votre rendez-vous est déplacé');

    const cancelled = await c.post(`${manage}/annuler`, {});
    expect(cancelled.status).toBe(303);
    expect((await c.get(manage)).html).toContain('Votre rendez-vous est annulé');
    const cancelMail = (await mailsTo('hugo@exemple.fr')).at(-1)!;
    expect(cancelMail.subject).toMatch(/^Rendez-vous annulé/);
    expect(cancelMail.attachments![0]!.content).toContain('METHOD:CANCEL');
    // The time is free again.
    const free = await findFreeSlots(t.deps.db, { reason, now: t.clock.now() });
    expect(free.some((s) => s.start.toISOString() === newStart)).toBe(true);

    const forged = await c.get('/rendez-vous/gerer/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.status).toBe(404);
    expect(forged.html).toContain('Ce lien n’est plus valable');
    expect((await c.post('/rendez-vous/gerer/nimporte-quoi/annuler', {})).status).toBe(404);
  });

  it('offers a freed slot to the first person on the waiting list, whose link books it', async () => {
    const c = t.client();
    await c.get(`/rendez-vous/motifs/${reason.id}/liste-attente`);
    const bad = await c.post(`/rendez-vous/motifs/${reason.id}/liste-attente`, { name: 'Zoé', email: '' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez votre adresse e-mail');
    expect((await c.post(`/rendez-vous/motifs/${reason.id}/liste-attente`, { name: 'Zoé Attente', email: 'zoe@exemple.fr' })).html).toContain('Vous êtes sur la liste d’attente');
    const debut = await firstFree(reason, 10);
    const other = t.client();
    const booked = await book(other, debut, { name: 'Paul', email: 'paul@exemple.fr' });
    await other.get(booked.location!);
    await other.post(`${booked.location!}/annuler`, {});
    const offer = (await mailsTo('zoe@exemple.fr')).find((m) => m.subject.startsWith('Un créneau s’est libéré'))!;
    const offerLink = offer.text.match(/https?:\/\/\S+liste-attente\/\S+/)![0]!.replace(/^https?:\/\/[^/]+/, '');
    const page = await c.get(offerLink);
    expect(page.html).toContain('Prendre ce créneau');
    const claimed = await c.post(offerLink.split('?')[0]!, { debut });
    expect(claimed.status).toBe(303);
    const [row] = await t.deps.db.select().from(appointments).where(and(eq(appointments.personEmail, 'zoe@exemple.fr'), eq(appointments.status, 'booked')));
    expect(row!.startAt.toISOString()).toBe(debut);
  });
});

describe('the reminder', () => {
  it('goes out 48 hours before, once, under the test clock; not for a cancelled appointment', async () => {
    const slots = await findFreeSlots(t.deps.db, { reason, now: t.clock.now() });
    const later = slots.find((s) => s.start.getTime() > t.clock.now().getTime() + 4 * 86_400_000)!;
    const c = t.client();
    const booked = await book(c, later.start.toISOString(), { name: 'Rémi Rappel', email: 'remi@exemple.fr' });
    expect(booked.status).toBe(303);
    const deps = { db: t.deps.db, clock: t.clock, logger: pino({ level: 'silent' }) };
    const handlers = appointmentJobHandlers(t.deps.config);
    await runDueJobs(deps, handlers);
    expect((await mailsTo('remi@exemple.fr')).filter((m) => m.subject.startsWith('Rappel'))).toHaveLength(0);
    const saved = t.clock.now();
    t.clock.set(new Date(later.start.getTime() - 47 * 3_600_000));
    try {
      await runDueJobs(deps, handlers);
      await runDueJobs(deps, handlers);
      const reminders = (await mailsTo('remi@exemple.fr')).filter((m) => m.subject.startsWith('Rappel'));
      expect(reminders).toHaveLength(1);
      // The reminder carries a new link; the old one is replaced, with a clear page.
      expect(reminders[0]!.text).toMatch(/\/rendez-vous\/gerer\//);
      expect((await c.get(booked.location!)).status).toBe(404);
    } finally {
      t.clock.set(saved);
    }
    await t.deps.db.delete(jobs).where(like(jobs.kind, 'appointments.%'));
  });
});

describe('agents', () => {
  it('book for someone on the phone, see it in the agenda, record what happened; the visibility of the reason is respected', async () => {
    const browser = await signedInAs(t, agent);
    const reasonsPage = await browser.get('/agenda/prendre');
    expect(reasonsPage.html).toContain(confidential.name);
    const debut = await firstFree(discreet);
    await browser.get(`/agenda/prendre/${discreet.id}/reserver?debut=${encodeURIComponent(debut)}`);
    const bad = await browser.post(`/agenda/prendre/${discreet.id}/reserver`, { debut, name: '', note: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez votre nom et prénom');
    expect(bad.html).toMatch(/<textarea[^>]*name="note"[^>]*>x<\/textarea>/);
    const ok = await browser.post(`/agenda/prendre/${discreet.id}/reserver`, { debut, name: 'Jeanne Domicile', email: 'jeanne@exemple.fr', phone: '0698765432', note: 'Sonner deux fois' });
    expect(ok.status).toBe(303);
    const page = await browser.get(ok.location!);
    expect(page.html).toContain('Jeanne Domicile');
    expect(page.html).toContain('Sonner deux fois');
    // « Discrète »: no e-mail, no SMS.
    expect(await mailsTo('jeanne@exemple.fr')).toHaveLength(0);
    expect(await t.deps.db.select().from(smsOutbox).where(eq(smsOutbox.to, '+33698765432'))).toHaveLength(0);
    const id = ok.location!.split('/').pop()!;
    const [viewed] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'appointment.viewed'), eq(auditEvents.subjectId, id)));
    expect(viewed!.actorId).toBe(agent.userId);

    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(debut));
    const agenda = await browser.get(`/agenda?jour=${day}&agent=`);
    expect(agenda.html).toContain('Jeanne Domicile');
    const week = await browser.get(`/agenda?jour=${day}&vue=semaine&agent=`);
    expect(week.html).toContain('Jeanne Domicile');

    // Before it starts, only « excusé » can be recorded.
    await browser.get(ok.location!);
    const early = await browser.post(`${ok.location!}/suite`, { outcome: 'honoured' });
    expect(early.status).toBe(422);
    expect(early.html).toContain('Le rendez-vous n’a pas encore eu lieu');
    const saved = t.clock.now();
    t.clock.set(new Date(new Date(debut).getTime() + 3_600_000));
    try {
      // Days later: a new session (the first one has expired meanwhile).
      const later = await signedInAs(t, agent);
      await later.get(ok.location!);
      expect((await later.post(`${ok.location!}/suite`, { outcome: 'no_show' })).status).toBe(303);
    } finally {
      t.clock.set(saved);
    }
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row!.status).toBe('no_show');

    // A confidential reason: nothing is sent, and no link exists for the person.
    const debut2 = await firstFree(confidential);
    await browser.get(`/agenda/prendre/${confidential.id}/reserver?debut=${encodeURIComponent(debut2)}`);
    const secret = await browser.post(`/agenda/prendre/${confidential.id}/reserver`, { debut: debut2, name: 'Personne protégée', email: 'protegee@exemple.fr' });
    expect(secret.status).toBe(303);
    expect(await mailsTo('protegee@exemple.fr')).toHaveLength(0);
    const [hidden] = await t.deps.db.select().from(appointments).where(eq(appointments.personEmail, 'protegee@exemple.fr'));
    expect(hidden!.cancelTokenHash).toBeNull();

    // The manager reads the no-show rate per reason and month; an agent may not.
    expect((await browser.get('/agenda/statistiques')).status).toBe(404);
    const stats = await (await signedInAs(t, manager)).get('/agenda/statistiques');
    expect(stats.html).toContain(discreet.name);
    expect(stats.html).toContain('100 %');
  });

  it('move an appointment for the person on the phone; the person is told, with the new time', async () => {
    const c = t.client();
    const debut = await firstFree(reason, 12);
    const booked = await book(c, debut, { name: 'Yvette Déplacée', email: 'yvette@exemple.fr' });
    expect(booked.status).toBe(303);
    const [row] = await t.deps.db.select().from(appointments).where(eq(appointments.personEmail, 'yvette@exemple.fr'));
    const browser = await signedInAs(t, agent);
    const list = await browser.get(`/agenda/rendez-vous/${row!.id}/deplacer`);
    expect(list.html).toContain('Déplacer le rendez-vous de Yvette Déplacée');
    const newStart = await firstFree(reason, 14);
    const confirm = await browser.get(`/agenda/rendez-vous/${row!.id}/deplacer?debut=${encodeURIComponent(newStart)}`);
    expect(confirm.html).toContain('Nouveau créneau');
    expect((await browser.post(`/agenda/rendez-vous/${row!.id}/deplacer`, { debut: newStart })).status).toBe(303);
    const [moved] = await t.deps.db.select().from(appointments).where(eq(appointments.id, row!.id));
    expect(moved!.startAt.toISOString()).toBe(newStart);
    expect((await mailsTo('yvette@exemple.fr')).at(-1)!.subject).toMatch(/^Rendez-vous déplacé au /);
    const past = await browser.post(`/agenda/rendez-vous/${row!.id}/deplacer`, { debut: new Date(t.clock.now().getTime() - 86_400_000).toISOString() });
    expect(past.status).toBe(422);
    expect(past.html).toContain('Ce créneau est déjà passé');
    const elsewhere = await signedInAs(t, otherAgent);
    expect((await elsewhere.get(`/agenda/rendez-vous/${row!.id}/deplacer`)).status).toBe(404);
  });

  it('keep others out: another centre, residents and visitors', async () => {
    const [any] = await t.deps.db.select().from(appointments).where(eq(appointments.socialCentreId, reason.socialCentreId)).limit(1);
    const elsewhere = await signedInAs(t, otherAgent);
    expect((await elsewhere.get(`/agenda/rendez-vous/${any!.id}`)).status).toBe(404);
    expect((await elsewhere.get(`/agenda/prendre/${reason.id}`)).status).toBe(404);
    await elsewhere.get('/agenda');
    expect((await elsewhere.post(`/agenda/rendez-vous/${any!.id}/annuler`, {})).status).toBe(404);
    const visitor = t.client();
    const anon = await visitor.get('/agenda');
    expect(anon.status).toBe(303);
    expect(anon.res.headers.get('location')).toMatch(/^\/connexion/);
    const partner = await signedInAs(t, await createStaffUser(t, 'partner_agent'));
    expect((await partner.get('/agenda')).status).toBe(403);
    // A reason only agents book is not offered online.
    expect((await visitor.get(`/rendez-vous/motifs/${confidential.id}`)).status).toBe(404);
  });

  it('manage their openings and absences, with errors by the field', async () => {
    const browser = await signedInAs(t, agent);
    await browser.get('/agenda/disponibilites');
    const bad = await browser.post('/agenda/disponibilites/ouvertures', { agent: agent.userId, weekday: '5', start: '14:00', end: '9:00', from: '31/02/2026' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('L’heure de fin doit être après l’heure de début');
    expect(bad.html).toContain('Saisissez une date réelle');
    expect(bad.html).toContain('Cochez au moins un motif');
    expect(bad.html).toContain('value="14:00"');
    const ok = await browser.post('/agenda/disponibilites/ouvertures', { agent: agent.userId, weekday: '5', start: '9:00', end: '12:00', from: '', reasons: [reason.id] });
    expect(ok.status).toBe(303);
    const saturdays = (await findFreeSlots(t.deps.db, { reason, now: t.clock.now(), agentId: agent.userId })).filter((s) => s.agentId === agent.userId);
    expect(saturdays.length).toBeGreaterThan(0);
    const firstDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(saturdays[0]!.start);
    await browser.get('/agenda/disponibilites');
    expect((await browser.post('/agenda/disponibilites/absences', { agent: agent.userId, absenceFrom: firstDay, absenceUntil: firstDay, absenceNote: 'Formation' })).status).toBe(303);
    const after = await findFreeSlots(t.deps.db, { reason, now: t.clock.now(), agentId: agent.userId });
    expect(after.some((s) => s.start.getTime() === saturdays[0]!.start.getTime())).toBe(false);
    // Another agent's opening cannot be deleted by this one.
    const [managerOpening] = await t.deps.db.select().from(openingSlots).where(eq(openingSlots.agentId, agent.userId));
    const elsewhere = await signedInAs(t, otherAgent);
    await elsewhere.get('/agenda/disponibilites');
    expect((await elsewhere.post(`/agenda/disponibilites/ouvertures/${managerOpening!.id}/supprimer`, { agent: agent.userId })).status).toBe(404);
  });

  it('get a private calendar feed, which a new link revokes', async () => {
    const browser = await signedInAs(t, agent);
    const start = new Date(t.clock.now().getTime() + 5 * 86_400_000);
    await t.deps.db.insert(appointments).values({ id: crypto.randomUUID(), reasonId: reason.id, agentId: agent.userId, socialCentreId: reason.socialCentreId, startAt: start, endAt: new Date(start.getTime() + 1_800_000), status: 'booked', personName: 'Nina Flux', createdAt: start, updatedAt: start });
    await browser.get('/agenda/lien');
    const first = await browser.post('/agenda/lien', {});
    const url = first.html.match(/http:\/\/[^<]+\/agenda\/flux\/[A-Za-z0-9_-]+\.ics/)![0]!.replace(/^http:\/\/[^/]+/, '');
    const feed = await t.client().request(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const body = await feed.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('RDV : ');
    expect(body).not.toContain('Nina Flux');
    await browser.post('/agenda/lien', {});
    expect((await t.client().request(url)).status).toBe(404);
  });

  it('a manager creates and edits the reasons of the centre; an agent may not', async () => {
    const browser = await signedInAs(t, manager);
    await browser.get('/agenda/motifs/nouveau');
    const bad = await browser.post(`/agenda/motifs/nouveau?centre=${reason.socialCentreId}`, { name: 'Écoute', duration: '3', location: 'on_site', bookableBy: 'residents', minDelayHours: '48', maxDelayDays: '1', visibility: 'hidden' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Saisissez une durée en minutes, entre 5 et 480');
    expect(bad.html).toContain('Le délai maximum doit être plus long que le délai minimum');
    expect(bad.html).toContain('Un motif confidentiel ne se prend que par un agent');
    expect(bad.html).toContain('value="Écoute"');
    const ok = await browser.post(`/agenda/motifs/nouveau?centre=${reason.socialCentreId}`, { name: 'Atelier CV', duration: '45', location: 'video', bookableBy: 'residents', minDelayHours: '24', maxDelayDays: '30', visibility: 'normal', instructions: '' });
    expect(ok.status).toBe(303);
    const list = await browser.get(ok.location!);
    expect(list.html).toContain('Atelier CV');
    const [created] = await t.deps.db.select().from(appointmentReasons).where(eq(appointmentReasons.name, 'Atelier CV'));
    expect(created).toMatchObject({ durationMinutes: 45, location: 'video', minDelayMinutes: 1440, maxDelayDays: 30, socialCentreId: reason.socialCentreId });
    await browser.get(`/agenda/motifs/${created!.id}`);
    expect((await browser.post(`/agenda/motifs/${created!.id}`, { name: 'Atelier CV et lettre', duration: '60', location: 'video', bookableBy: 'agents', minDelayHours: '0', maxDelayDays: '30', visibility: 'no_notifications' })).status).toBe(303);
    const [edited] = await t.deps.db.select().from(appointmentReasons).where(eq(appointmentReasons.id, created!.id));
    expect(edited).toMatchObject({ name: 'Atelier CV et lettre', durationMinutes: 60, bookableBy: 'agents', visibility: 'no_notifications' });
    const plain = await signedInAs(t, agent);
    expect((await plain.get('/agenda/motifs')).status).toBe(404);
    expect((await plain.get(`/agenda/motifs/${created!.id}`)).status).toBe(404);
  });
});

describe('the SMS kept for admins', () => {
  it('lists them with the number masked, shows one whole (journaled), and is for admins only', async () => {
    const admin = await signedInAs(t, await createStaffUser(t, 'admin'));
    const list = await admin.get('/admin/sms');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Aucune passerelle SMS n’est configurée');
    expect(list.html).toContain('+336••••78');
    expect(list.html).not.toContain('+33612345678');
    const [first] = await t.deps.db.select().from(smsOutbox).where(eq(smsOutbox.to, '+33612345678'));
    const one = await admin.get(`/admin/sms/${first!.id}`);
    expect(one.html).toContain('+33612345678');
    const [seen] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sms.viewed'), eq(auditEvents.subjectId, String(first!.id))));
    expect(seen).toBeDefined();
    expect((await (await signedInAs(t, agent)).get('/admin/sms')).status).toBe(403);
  });
});


describe('collective sessions', () => {
  it('an agent opens one; residents take its seats until it is full, cancel by the link; its time is taken from the agent’s individual slots', async () => {
    const browser = await signedInAs(t, agent);
    // A day ten days ahead, with an opening of the agent that day.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(t.clock.now().getTime() + 10 * 86_400_000));
    const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    await t.deps.db.insert(openingSlots).values({ id: crypto.randomUUID(), agentId: agent.userId, socialCentreId: reason.socialCentreId, weekday, startMinute: 13 * 60, endMinute: 18 * 60, fromDate: day, untilDate: day, reasonIds: [reason.id], openOnHolidays: true, createdAt: t.clock.now() });
    const before = await findFreeSlots(t.deps.db, { reason, now: t.clock.now(), agentId: agent.userId, fromDay: day, days: 1 });
    expect(before.filter((s) => s.agentId === agent.userId)).toHaveLength(10);

    await browser.get('/agenda/ateliers');
    const french = day.split('-').reverse().join('/');
    const bad = await browser.post(`/agenda/ateliers?centre=${reason.socialCentreId}`, { title: 'Premiers pas', date: french, start: '16:00', end: '14:00', seats: '1', online: 'oui' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('L’heure de fin doit être après l’heure de début');
    expect(bad.html).toContain('Saisissez un nombre de places entre 2 et 200');
    expect(bad.html).toContain('value="Premiers pas"');
    const ok = await browser.post(`/agenda/ateliers?centre=${reason.socialCentreId}`, { title: 'Premiers pas sur internet', date: french, start: '14:00', end: '16:00', seats: '2', online: 'oui' });
    expect(ok.status).toBe(303);
    const sessionId = ok.location!.split('/').pop()!;
    const after = await findFreeSlots(t.deps.db, { reason, now: t.clock.now(), agentId: agent.userId, fromDay: day, days: 1 });
    expect(after.filter((s) => s.agentId === agent.userId)).toHaveLength(6);
    const twice = await browser.post(`/agenda/ateliers?centre=${reason.socialCentreId}`, { title: 'Autre', date: french, start: '15:00', end: '17:00', seats: '5' });
    expect(twice.status).toBe(422);
    expect(twice.html).toContain('Vous animez déjà un atelier à ce moment');

    const centre = await t.client().get(`/rendez-vous/centres/${reason.socialCentreId}`);
    expect(centre.html).toContain('Premiers pas sur internet');
    expect(centre.html).toContain('2 places libres sur 2');
    const first = t.client();
    await first.get(`/rendez-vous/ateliers/${sessionId}`);
    const noContact = await first.post(`/rendez-vous/ateliers/${sessionId}`, { name: 'Odile', email: '', phone: '' });
    expect(noContact.status).toBe(422);
    expect(noContact.html).toContain('Donnez une adresse e-mail ou un numéro de téléphone');
    const seat = await first.post(`/rendez-vous/ateliers/${sessionId}`, { name: 'Odile Atelier', email: 'odile@exemple.fr' });
    expect(seat.status).toBe(303);
    expect((await first.get(seat.location!)).html).toContain('Place réservée');
    const [mail] = await mailsTo('odile@exemple.fr');
    expect(mail!.attachments![0]!.filename).toBe('atelier.ics');
    const second = t.client();
    await second.get(`/rendez-vous/ateliers/${sessionId}`);
    // Chloé opens the page while one seat is left, and sends the form after Bruno took it.
    const third = t.client();
    await third.get(`/rendez-vous/ateliers/${sessionId}`);
    expect((await second.post(`/rendez-vous/ateliers/${sessionId}`, { name: 'Bruno', phone: '0611111111' })).status).toBe(303);
    expect((await t.client().get(`/rendez-vous/ateliers/${sessionId}`)).html).toContain('Cet atelier est complet');
    const late = await third.post(`/rendez-vous/ateliers/${sessionId}`, { name: 'Chloé', email: 'chloe@exemple.fr' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('Cet atelier est complet');

    await first.get(seat.location!);
    expect((await first.post(`${seat.location!}/annuler`, {})).status).toBe(303);
    expect((await first.get(seat.location!)).html).toContain('Votre inscription est annulée');
    const page = await browser.get(`/agenda/ateliers/${sessionId}`);
    expect(page.html).toContain('Bruno');
    expect(page.html).toContain('1 place libre sur 2');
    const agenda = await browser.get(`/agenda?jour=${day}&agent=`);
    expect(agenda.html).toContain('Premiers pas sur internet');
    expect((await (await signedInAs(t, otherAgent)).get(`/agenda/ateliers/${sessionId}`)).status).toBe(404);
  });
});
