import { z } from 'zod';
import { isValidEmail } from '../domain/validate-row.ts';

export const REPORT_MAX_LENGTH = 2000;

// A repeated or missing field arrives as an array or nothing: read its first value as text.
const text = () => z.preprocess((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')), z.string());

export const reportErrorForm = z.object({
  message: text()
    // Browsers send line breaks as CRLF but count them as one character (maxlength): count them the same way.
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'Décrivez ce qui est inexact sur cette fiche')
        .max(REPORT_MAX_LENGTH, 'Décrivez l’erreur en 2\u00a0000 caractères au plus'),
    ),
  email: text()
    .transform((v) => v.trim())
    .refine((v) => v === '' || isValidEmail(v), 'Entrez une adresse e-mail valide, comme nom@exemple.fr, ou laissez ce champ vide')
    .transform((v) => (v === '' ? null : v.toLowerCase())),
});
