// The rules of an orientation: who may see it, what its status is at a given moment, how long it lives.

export const ORIENTATION_VALIDITY_DAYS = 30;
export const SITUATION_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 2000;
const DAY_MS = 86_400_000;

export type OrientationStatus = 'open' | 'accepted' | 'refused' | 'expired';
export type ContactPreference = 'telephone' | 'courriel' | 'prescripteur';

export const contactPreferenceLabels: Record<ContactPreference, string> = {
  telephone: 'Par téléphone',
  courriel: 'Par e-mail',
  prescripteur: 'Par l’intermédiaire de la personne qui l’oriente',
};

export const statusLabels: Record<OrientationStatus, { text: string; classes: string }> = {
  open: { text: 'En attente', classes: 'govuk-tag--blue' },
  accepted: { text: 'Acceptée', classes: 'govuk-tag--green' },
  refused: { text: 'Refusée', classes: 'govuk-tag--red' },
  expired: { text: 'Expirée', classes: 'govuk-tag--grey' },
};

export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + ORIENTATION_VALIDITY_DAYS * DAY_MS);
}

/** An open orientation past its expiry is expired, even before the job has marked it. */
export function statusAt(o: { status: OrientationStatus; expiresAt: Date }, now: Date): OrientationStatus {
  return o.status === 'open' && o.expiresAt.getTime() <= now.getTime() ? 'expired' : o.status;
}

export interface Viewer {
  userId: string;
  roles: ReadonlyArray<{ role: string; structureId: string | null }>;
}

/**
 * Who the viewer is to this orientation: its sender, a member of the receiving structure (any active role
 * scoped to that structure), both, or nobody — then they may not see it (not even the département's admins:
 * it is a person's file, shared with one structure by their consent).
 */
export function relationTo(viewer: Viewer, o: { senderUserId: string; receiverStructureId: string }): { sender: boolean; receiver: boolean } {
  return {
    sender: o.senderUserId === viewer.userId,
    receiver: viewer.roles.some((r) => r.structureId !== null && r.structureId === o.receiverStructureId),
  };
}

/** The date before which an orientation is anonymised. */
export function anonymiseBefore(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** « 3 mars 2026 », Paris time. */
export const frenchDate = (d: Date) => dateFormat.format(d);
