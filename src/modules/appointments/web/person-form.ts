// The person's name and a way to reach them, as typed on the booking and waiting-list forms.
import { normalisePhone } from '../../../platform/domain/phone.ts';
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { valueOf } from '../../../platform/http/form.ts';
import { isPlausibleEmail, normaliseEmail } from '../../accounts/index.ts';
import type { Person } from '../use-cases/booking.ts';

export function readPerson(values: FormValues, opts: { emailRequired?: boolean; contactRequired?: boolean } = {}): { ok: true; person: Person } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = valueOf(values, 'name').trim().replace(/\s+/g, ' ');
  const emailText = valueOf(values, 'email').trim();
  const phoneText = valueOf(values, 'phone').trim();
  if (!name) errors.push({ field: 'name', message: 'Saisissez votre nom et prénom' });
  else if (name.length > 120) errors.push({ field: 'name', message: 'Le nom doit faire 120 caractères au plus' });
  let email: string | null = null;
  if (emailText) {
    email = normaliseEmail(emailText);
    if (!isPlausibleEmail(email)) errors.push({ field: 'email', message: 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr' });
  } else if (opts.emailRequired) errors.push({ field: 'email', message: 'Saisissez votre adresse e-mail : c’est par là que nous vous écrirons' });
  let phone: string | null = null;
  if (phoneText) {
    phone = normalisePhone(phoneText);
    if (!phone) errors.push({ field: 'phone', message: 'Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78' });
  }
  if (opts.contactRequired && !emailText && !phoneText) errors.push({ field: 'email', message: 'Donnez une adresse e-mail ou un numéro de téléphone pour être prévenu' });
  errors.sort((a, b) => ['name', 'email', 'phone'].indexOf(a.field) - ['name', 'email', 'phone'].indexOf(b.field));
  return errors.length ? { ok: false, errors } : { ok: true, person: { name, email, phone } };
}

/** « 2026-12-01T08:00:00.000Z » from the query or the form; anything else is null. */
export function readStart(text: string | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?Z$/.test(text)) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}
