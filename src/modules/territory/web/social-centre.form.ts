// Parses the social centre form. The seat commune is resolved separately (resolveCommuneField), since it
// needs the database.
import { z } from 'zod';
import { parseOpeningHours } from '../../../platform/time/opening-hours.ts';
import { centreKinds, type CentreKind } from '../domain/social-centre.ts';

export interface CentreFormValues {
  kind: string;
  name: string;
  commune: string;
  communeInsee: string;
  address: string;
  phone: string;
  email: string;
  openingHours: string;
}

export type CentreFormField = keyof CentreFormValues;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function centreFormValues(body: Record<string, unknown>): CentreFormValues {
  return {
    kind: str(body.kind),
    name: str(body.name).slice(0, 500),
    commune: str(body.commune).slice(0, 200),
    communeInsee: str(body.communeInsee).slice(0, 10),
    address: str(body.address).slice(0, 1000),
    phone: str(body.phone).slice(0, 100),
    email: str(body.email).slice(0, 500),
    openingHours: str(body.openingHours).slice(0, 1000),
  };
}

const optional = (s: string) => (s.trim() === '' ? null : s.trim());

const schema = z.object({
  kind: z.enum(centreKinds, { error: 'Choisissez le type de centre' }),
  name: z
    .string()
    .trim()
    .min(1, 'Saisissez le nom du centre')
    .max(120, 'Le nom doit faire 120 caractères au maximum'),
  address: z
    .string()
    .trim()
    .min(1, 'Saisissez l’adresse du centre')
    .max(300, 'L’adresse doit faire 300 caractères au maximum'),
  phone: z
    .string()
    .transform(optional)
    .refine((v) => v === null || /^(?:\+33\s?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}$/.test(v), {
      message: 'Saisissez un numéro de téléphone à 10 chiffres, par exemple 02 99 00 00 00',
    }),
  email: z
    .string()
    .transform(optional)
    .refine((v) => v === null || z.email().safeParse(v).success, {
      message: 'Saisissez une adresse e-mail valide, par exemple accueil@exemple.fr',
    }),
  openingHours: z
    .string()
    .transform(optional)
    .refine((v) => v === null || parseOpeningHours(v).ok, {
      message: 'Saisissez les horaires au format indiqué, par exemple Mo-Fr 08:30-12:30,13:30-17:00',
    }),
});

export interface ParsedCentreForm {
  kind: CentreKind;
  name: string;
  address: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
}

export function parseCentreForm(values: CentreFormValues):
  | { ok: true; value: ParsedCentreForm }
  | { ok: false; errors: Partial<Record<CentreFormField, string>> } {
  const r = schema.safeParse(values);
  if (r.success) return { ok: true, value: r.data };
  const errors: Partial<Record<CentreFormField, string>> = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as CentreFormField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
