// Words shown to people about appointments.

export const LOCATION_LABELS = {
  on_site: 'Au centre',
  phone: 'Par téléphone',
  video: 'En visioconférence',
  home: 'À domicile',
} as const;

export const STATUS_LABELS = {
  booked: 'Prévu',
  honoured: 'Honoré',
  no_show: 'Absent',
  excused: 'Excusé',
  cancelled: 'Annulé',
} as const;

export const STATUS_TAGS: Record<keyof typeof STATUS_LABELS, string> = {
  booked: 'govuk-tag--blue',
  honoured: 'govuk-tag--green',
  no_show: 'govuk-tag--red',
  excused: 'govuk-tag--yellow',
  cancelled: 'govuk-tag--grey',
};

export const VISIBILITY_LABELS = {
  normal: 'Normale : confirmation, rappel et lien d’annulation par e-mail et SMS',
  no_notifications: 'Discrète : aucun e-mail ni SMS n’est envoyé à la personne',
  hidden: 'Confidentielle : pris par un agent, jamais montré ni envoyé à la personne',
} as const;

/** « 2 heures », « 1 jour », « 45 minutes ». */
export function delayText(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} jour${minutes / 1440 > 1 ? 's' : ''}`;
  if (minutes % 60 === 0) return `${minutes / 60} heure${minutes / 60 > 1 ? 's' : ''}`;
  return `${minutes} minutes`;
}

/** A French mobile number (SMS can reach it): +336… or +337…. */
export function isFrenchMobile(e164: string | null | undefined): e164 is string {
  return !!e164 && /^\+33[67]\d{8}$/.test(e164);
}
