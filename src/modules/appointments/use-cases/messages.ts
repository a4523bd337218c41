// What the person is told, by e-mail (with the calendar file) and SMS: at booking, 48 hours before, when the
// appointment moves or is cancelled. The reason's visibility is respected in every message: a « discrète » or
// « confidentielle » reason sends nothing at all. Each message carries a fresh link to cancel or move; it
// replaces the previous one (only its hash is kept).
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { enqueueSms } from '../../../platform/sms/sms.ts';
import { formatParisDay, formatParisTime } from '../../../platform/time/paris.ts';
import { themes } from '../../../platform/views/theme.ts';
import { getSocialCentre } from '../../territory/index.ts';
import { appointments } from '../db/appointments.table.ts';
import type { ReasonRow } from '../db/slot-queries.ts';
import { icsCalendar } from '../domain/ics.ts';
import { delayText, isFrenchMobile, LOCATION_LABELS } from '../domain/labels.ts';
import type { AppointmentsDeps } from './deps.ts';

export type AppointmentRow = typeof appointments.$inferSelect;
export type PersonMessage = 'booked' | 'reminder' | 'moved' | 'cancelled';

/** A new link to manage the appointment; the previous one stops working. */
export async function rotateManageToken(tx: Tx, appointmentId: string): Promise<string> {
  const token = randomToken();
  await tx.update(appointments).set({ cancelTokenHash: sha256(token) }).where(eq(appointments.id, appointmentId));
  return token;
}

export const manageUrl = (publicUrl: string, token: string) => `${publicUrl}/rendez-vous/gerer/${token}`;

/** Messages go out only for reasons of normal visibility. */
export const notifies = (reason: Pick<ReasonRow, 'visibility'>) => reason.visibility === 'normal';

/** `token`: the manage link's token when the caller just made it (booking shows it on screen too). */
export async function tellPerson(deps: AppointmentsDeps, tx: Tx, appt: AppointmentRow, reason: ReasonRow, kind: PersonMessage, token?: string): Promise<void> {
  if (!notifies(reason) || (!appt.personEmail && !isFrenchMobile(appt.personPhone))) return;
  const now = deps.clock.now();
  const centre = await getSocialCentre(tx, appt.socialCentreId);
  const theme = themes[deps.config.departement];
  const centreName = centre?.name ?? theme.logoText;
  const when = `${formatParisDay(appt.startAt, true)} à ${formatParisTime(appt.startAt)}`;
  const link = kind === 'cancelled' ? null : manageUrl(deps.config.publicUrl, token ?? (await rotateManageToken(tx, appt.id)));
  const place = reason.location === 'on_site' ? `${centreName}, ${centre?.address ?? ''}`.replace(/, $/, '') : LOCATION_LABELS[reason.location];
  const heading: Record<PersonMessage, { subject: string; lead: string; sms: string }> = {
    booked: { subject: `Rendez-vous confirmé le ${when}`, lead: 'Votre rendez-vous est confirmé.', sms: 'RDV confirmé' },
    reminder: { subject: `Rappel : rendez-vous le ${when}`, lead: 'Nous vous rappelons votre rendez-vous.', sms: 'Rappel RDV' },
    moved: { subject: `Rendez-vous déplacé au ${when}`, lead: 'Votre rendez-vous a changé d’horaire. Voici le nouveau.', sms: 'RDV déplacé' },
    cancelled: { subject: `Rendez-vous annulé (${when})`, lead: 'Votre rendez-vous est annulé.', sms: 'RDV annulé' },
  };
  const h = heading[kind];
  if (appt.personEmail) {
    const lines = [
      `Bonjour ${appt.personName ?? ''},`.replace(' ,', ','),
      '',
      h.lead,
      '',
      `Motif : ${reason.name}`,
      `Date : ${when} (${reason.durationMinutes} minutes)`,
      `Lieu : ${place}`,
      ...(reason.instructions && kind !== 'cancelled' ? ['', reason.instructions] : []),
      '',
      link
        ? `Pour annuler ou changer de créneau, jusqu’à ${delayText(reason.minDelayMinutes)} avant le rendez-vous : ${link}\n(Ce lien remplace ceux des messages précédents.)`
        : `Pour prendre un autre rendez-vous : ${deps.config.publicUrl}/rendez-vous`,
      '',
      kind === 'cancelled' ? 'Le fichier joint retire le rendez-vous de votre agenda.' : 'Le fichier joint ajoute le rendez-vous à votre agenda.',
      '',
      `${centreName}${centre?.phone ? ` — ${centre.phone}` : ''}`,
    ];
    const ics = icsCalendar(
      [
        {
          uid: `${appt.id}@${new URL(deps.config.publicUrl).hostname}`,
          start: appt.startAt,
          end: appt.endAt,
          summary: `Rendez-vous : ${reason.name}`,
          location: place,
          description: link ? `Annuler ou déplacer : ${link}` : null,
          status: kind === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
          sequence: appt.sequence,
        },
      ],
      now,
      kind === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    );
    await enqueueMail(
      tx,
      {
        to: appt.personEmail,
        subject: `${h.subject} — ${centreName}`,
        text: lines.join('\n'),
        attachments: [{ filename: 'rendez-vous.ics', contentType: `text/calendar; charset=utf-8; method=${kind === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`, content: ics }],
      },
      now,
    );
  }
  if (isFrenchMobile(appt.personPhone)) {
    const short = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'numeric' }).format(appt.startAt);
    await enqueueSms(tx, { to: appt.personPhone, text: `${h.sms} ${centreName} le ${short} à ${formatParisTime(appt.startAt)}.${link ? ` Annuler ou déplacer : ${link}` : ''}` }, now);
  }
}
