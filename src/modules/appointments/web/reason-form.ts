// A reason (motif) as a centre's manager types it: every rule checked, with the French message by the field.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { valueOf } from '../../../platform/http/form.ts';
import type { ReasonRow } from '../db/slot-queries.ts';

export type ReasonInput = Pick<ReasonRow, 'name' | 'durationMinutes' | 'location' | 'bookableBy' | 'minDelayMinutes' | 'maxDelayDays' | 'instructions' | 'visibility'>;

const LOCATIONS = ['on_site', 'phone', 'video', 'home'] as const;
const BOOKABLE = ['residents', 'agents'] as const;
const VISIBILITIES = ['normal', 'no_notifications', 'hidden'] as const;

const int = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null);

export function reasonValues(r: ReasonRow): FormValues {
  return {
    name: r.name,
    duration: String(r.durationMinutes),
    location: r.location,
    bookableBy: r.bookableBy,
    minDelayHours: String(r.minDelayMinutes / 60),
    maxDelayDays: String(r.maxDelayDays),
    instructions: r.instructions ?? '',
    visibility: r.visibility,
  };
}

export function readReason(values: FormValues): { ok: true; reason: ReasonInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = valueOf(values, 'name').trim();
  if (!name) errors.push({ field: 'name', message: 'Saisissez le nom du motif' });
  else if (name.length > 120) errors.push({ field: 'name', message: 'Le nom doit faire 120 caractères au plus' });
  const duration = int(valueOf(values, 'duration'));
  if (duration === null || duration < 5 || duration > 480) errors.push({ field: 'duration', message: 'Saisissez une durée en minutes, entre 5 et 480' });
  const location = valueOf(values, 'location') as ReasonInput['location'];
  if (!LOCATIONS.includes(location)) errors.push({ field: 'location', message: 'Choisissez où a lieu le rendez-vous' });
  const bookableBy = valueOf(values, 'bookableBy') as ReasonInput['bookableBy'];
  if (!BOOKABLE.includes(bookableBy)) errors.push({ field: 'bookableBy', message: 'Choisissez qui peut prendre ce rendez-vous' });
  const minHours = int(valueOf(values, 'minDelayHours'));
  if (minHours === null || minHours > 720) errors.push({ field: 'minDelayHours', message: 'Saisissez un délai en heures, entre 0 et 720' });
  const maxDays = int(valueOf(values, 'maxDelayDays'));
  if (maxDays === null || maxDays < 1 || maxDays > 365) errors.push({ field: 'maxDelayDays', message: 'Saisissez un nombre de jours entre 1 et 365' });
  else if (minHours !== null && minHours >= maxDays * 24) errors.push({ field: 'maxDelayDays', message: 'Le délai maximum doit être plus long que le délai minimum' });
  const instructions = valueOf(values, 'instructions').trim();
  if (instructions.length > 1000) errors.push({ field: 'instructions', message: 'Les consignes doivent faire 1 000 caractères au plus' });
  const visibility = valueOf(values, 'visibility') as ReasonInput['visibility'];
  if (!VISIBILITIES.includes(visibility)) errors.push({ field: 'visibility', message: 'Choisissez la confidentialité du motif' });
  else if (visibility === 'hidden' && bookableBy === 'residents') errors.push({ field: 'visibility', message: 'Un motif confidentiel ne se prend que par un agent : choisissez « Les agents seulement »' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, reason: { name, durationMinutes: duration!, location, bookableBy, minDelayMinutes: minHours! * 60, maxDelayDays: maxDays!, instructions: instructions || null, visibility } };
}
