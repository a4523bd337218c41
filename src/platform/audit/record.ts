import type { Queryable } from '../db/client.ts';
import { auditEvents } from './audit.table.ts';

/**
 * Typed journal events. Add the new kinds of event here; `action` is stable text that filters rely on.
 * `personId` is set when the event concerns a person's file (the RGPD rights and « who read my file » use it).
 */
export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.locked'
  | 'auth.mfa_enrolled'
  | 'auth.mfa_failed'
  | 'auth.mfa_reset'
  | 'auth.recovery_code_used'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'account.created'
  | 'account.franceconnect_linked'
  | 'account.invited'
  | 'account.invitation_accepted'
  | 'account.deactivated'
  | 'account.reactivated'
  | 'role.granted'
  | 'role.revoked'
  | 'person.viewed'
  | 'territory.social_centre_created'
  | 'territory.social_centre_updated'
  | 'territory.sectorisation_changed'
  | 'directory.place_created'
  | 'directory.place_updated'
  | 'directory.service_created'
  | 'directory.service_updated'
  | 'directory.structure_updated'
  | 'directory.change_approved'
  | 'directory.change_reverted'
  | 'directory.error_reported'
  | 'directory.error_report_handled'
  | 'directory.claim_requested'
  | 'directory.claim_approved'
  | 'directory.claim_rejected'
  | 'directory.member_invited'
  | 'directory.import_run'
  | 'territory.communes_centres_imported'
  | 'orientation.created'
  | 'orientation.viewed'
  | 'orientation.attachment_viewed'
  | 'orientation.accepted'
  | 'orientation.refused'
  | 'orientation.expired'
  | 'orientation.anonymised'
  | 'procedure.version_created'
  | 'procedure.published'
  | 'procedure.closed'
  | 'procedure.team_changed'
  | 'case.filed'
  | 'case.resubmitted'
  | 'case.state_changed'
  | 'case.viewed'
  | 'case.file_viewed'
  | 'case.assigned'
  | 'case.labelled'
  | 'case.message_sent'
  | 'case.note_added'
  | 'case.exported'
  | 'case.draft_purged'
  | 'case.anonymised'
  | 'partner.invited'
  | 'partner.reminded'
  | 'partner.revoked'
  | 'partner.answered'
  | 'partner.case_viewed'
  | 'audit.viewed'
  | 'mail.viewed'
  | 'sms.viewed'
  | 'appointment.booked'
  | 'accompaniment.recorded'
  | 'mandate.created'
  | 'mandate.viewed'
  | 'mandate.used'
  | 'mandate.revoked'
  | 'mandate.attestation_printed'
  | 'mandate.habilitation_granted'
  | 'mandate.habilitation_revoked'
  | 'accompaniment.collective_recorded'
  | 'accompaniment.person_viewed'
  | 'accompaniment.exported'
  | 'appointment.viewed'
  | 'appointment.moved'
  | 'appointment.cancelled'
  | 'appointment.status_recorded'
  | 'appointment.feed_renewed'
  | 'appointment.waitlist_joined'
  | 'appointment.session_created'
  | 'appointment.seat_booked'
  | 'appointment.seat_cancelled'
  | 'system.demo_seeded';

export interface AuditEventInput {
  at: Date;
  /** null for the system itself or an anonymous visitor. */
  actorId: string | null;
  /** Who, readable: the user's e-mail, « système », « visiteur anonyme ». */
  actorLabel: string;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  personId?: string;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one event. Call it with the transaction that makes the change, so both commit together. */
export async function recordAudit(q: Queryable, e: AuditEventInput): Promise<void> {
  await q.insert(auditEvents).values({
    at: e.at,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    personId: e.personId ?? null,
    ip: e.ip ?? null,
    requestId: e.requestId ?? null,
    details: e.details ?? {},
  });
}
