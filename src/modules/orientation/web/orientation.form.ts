// Parses the orientation form (multipart: fields and up to three files) and the answer form.
import { z } from 'zod';
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { normalisePhone } from '../../directory/index.ts';
import { checkAttachments, MAX_ATTACHMENTS, type CheckedAttachment, type UploadedFile } from '../domain/attachment.ts';
import { REASON_MAX_LENGTH, SITUATION_MAX_LENGTH, type ContactPreference } from '../domain/orientation.ts';

/** The fields in page order: the error summary lists them in that order. */
export const ORIENTATION_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'contactPreference', 'situation', 'consent', 'attachments'] as const;
export type OrientationField = (typeof ORIENTATION_FIELDS)[number];

export interface OrientationForm {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  contactPreference: ContactPreference;
  situation: string;
  attachments: CheckedAttachment[];
}

type Body = Record<string, string | File | (string | File)[]>;

const text = (body: Body, name: string, max: number): string => {
  const v = body[name];
  const one = Array.isArray(v) ? v[0] : v;
  // Browsers send a textarea's line breaks as CRLF; they are stored as LF (and counted once).
  return typeof one === 'string' ? one.replace(/\r\n?/g, '\n').slice(0, max) : '';
};

/** The chosen files; an empty file part (no file chosen) is not a file. */
export async function uploadedFiles(body: Body, name: string): Promise<UploadedFile[]> {
  const v = body[name];
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is File => typeof x !== 'string');
  const files: UploadedFile[] = [];
  // Reading stops past the limit: a fourth file is refused without reading it.
  for (const f of list.filter((f) => f.size > 0 || f.name !== '').slice(0, MAX_ATTACHMENTS + 1)) {
    files.push({ name: f.name, size: f.size, bytes: new Uint8Array(await f.slice(0, 16).arrayBuffer()) });
  }
  return files;
}

const emailSchema = z.email();

export function orientationValues(body: Body): FormValues {
  return {
    firstName: text(body, 'firstName', 200),
    lastName: text(body, 'lastName', 200),
    phone: text(body, 'phone', 100),
    email: text(body, 'email', 320),
    contactPreference: text(body, 'contactPreference', 50),
    // A little more than the limit, so that the page shows what was typed and says it is too long.
    situation: text(body, 'situation', SITUATION_MAX_LENGTH + 1000),
    consent: text(body, 'consent', 10),
  };
}

/**
 * Checks every field and the files; the files' bytes are read in full only when everything else is valid.
 * Errors are in page order, one per field.
 */
export async function parseOrientationForm(
  body: Body,
): Promise<{ ok: true; value: OrientationForm } | { ok: false; errors: FieldError[]; values: FormValues; filesChosen: number }> {
  const values = orientationValues(body);
  const v = (k: string) => String(values[k] ?? '').trim();
  const errors: Partial<Record<OrientationField, string>> = {};

  if (!v('firstName')) errors.firstName = 'Saisissez le prénom de la personne';
  else if (v('firstName').length > 100) errors.firstName = 'Le prénom doit faire 100 caractères au maximum';
  if (!v('lastName')) errors.lastName = 'Saisissez le nom de la personne';
  else if (v('lastName').length > 100) errors.lastName = 'Le nom doit faire 100 caractères au maximum';

  const phone = v('phone') ? normalisePhone(v('phone')) : null;
  if (v('phone') && !phone) errors.phone = 'Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78';
  const email = v('email') || null;
  if (email && (email.length > 254 || !emailSchema.safeParse(email).success)) {
    errors.email = 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr';
  }
  const preference = v('contactPreference');
  const isPreference = preference === 'telephone' || preference === 'courriel' || preference === 'prescripteur';
  if (!v('phone') && !email) {
    errors.phone ??= 'Saisissez le téléphone ou l’adresse e-mail de la personne (au moins l’un des deux)';
  } else if (preference === 'telephone' && !v('phone')) {
    errors.phone ??= 'Saisissez le téléphone de la personne, puisqu’elle préfère être contactée par téléphone';
  } else if (preference === 'courriel' && !email) {
    errors.email ??= 'Saisissez l’adresse e-mail de la personne, puisqu’elle préfère être contactée par e-mail';
  }
  if (!isPreference) errors.contactPreference = 'Choisissez comment la structure doit contacter la personne';

  const situation = v('situation');
  if (!situation) errors.situation = 'Décrivez la situation de la personne et ce qu’elle attend du service';
  else if (situation.length > SITUATION_MAX_LENGTH) {
    errors.situation = `La situation doit faire ${SITUATION_MAX_LENGTH.toLocaleString('fr-FR')} caractères au maximum`;
  }
  if (v('consent') !== 'oui') errors.consent = 'Cochez la case pour confirmer que la personne est d’accord avec cet envoi';

  const files = await uploadedFiles(body, 'attachments');
  const checked = checkAttachments(files);
  if (!checked.ok) errors.attachments = checked.message;

  const list = ORIENTATION_FIELDS.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f]! }));
  if (list.length || !checked.ok) return { ok: false, errors: list, values, filesChosen: files.length };

  // Everything is valid: now read the accepted files whole.
  const all = Array.isArray(body.attachments) ? body.attachments : body.attachments === undefined ? [] : [body.attachments];
  const real = all.filter((x): x is File => typeof x !== 'string' && (x.size > 0 || x.name !== ''));
  const attachments = await Promise.all(
    checked.attachments.map(async (a, i) => ({ ...a, bytes: new Uint8Array(await real[i]!.arrayBuffer()) })),
  );
  return {
    ok: true,
    value: {
      firstName: v('firstName'),
      lastName: v('lastName'),
      phone,
      email,
      contactPreference: preference as ContactPreference,
      situation,
      attachments,
    },
  };
}

export type AnswerForm = { ok: true; decision: 'accept' | 'refuse'; reason: string | null } | { ok: false; errors: FieldError[]; values: FormValues };

export function parseAnswerForm(body: Body): AnswerForm {
  const decision = text(body, 'decision', 20);
  const reason = text(body, 'reason', REASON_MAX_LENGTH + 500).trim();
  const values = { decision, reason };
  const errors: FieldError[] = [];
  if (decision !== 'accept' && decision !== 'refuse') errors.push({ field: 'decision', message: 'Choisissez si vous acceptez ou refusez l’orientation' });
  if (decision === 'refuse' && !reason) errors.push({ field: 'reason', message: 'Expliquez pourquoi vous refusez : la personne qui a orienté en sera informée' });
  else if (reason.length > REASON_MAX_LENGTH) {
    errors.push({ field: 'reason', message: `Le message doit faire ${REASON_MAX_LENGTH.toLocaleString('fr-FR')} caractères au maximum` });
  }
  if (errors.length) return { ok: false, errors, values };
  return { ok: true, decision: decision as 'accept' | 'refuse', reason: reason || null };
}
