// Field readers shared by the edit forms of structures, places and services. Each reads what a person typed,
// returns the value to store, or adds one French message for the field (the page shows it next to the field
// and in the error summary). Nothing here touches the database: communes are resolved by the routes.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { describeOpeningHours, parseOpeningHours } from '../../../platform/time/opening-hours.ts';
import { normalisePhone } from '../../../platform/domain/phone.ts';
import { isValidEmail, isValidWebAddress } from '../domain/validate-row.ts';
import { UPDATE_FREQUENCIES } from '../domain/freshness.ts';

/** Collects the answers and the errors of one form, in the order the fields are read (the page's order). */
export class FieldReader {
  readonly errors: FieldError[] = [];
  constructor(readonly values: FormValues) {}

  fail(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  raw(field: string): string {
    const v = this.values[field];
    return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
  }

  /** Free text; null when empty. */
  text(field: string, opts: { required?: string; max?: number; label?: string } = {}): string | null {
    const v = this.raw(field).replace(/\r\n/gu, '\n');
    if (!v) {
      if (opts.required) this.fail(field, opts.required);
      return null;
    }
    const max = opts.max ?? 200;
    if (v.length > max) this.fail(field, `${opts.label ?? 'Ce texte'} doit faire ${max} caractères au plus (il en fait ${v.length})`);
    return v;
  }

  phone(field: string): string | null {
    const v = this.raw(field);
    if (!v) return null;
    const e164 = normalisePhone(v);
    if (!e164) this.fail(field, 'Saisissez un numéro de téléphone français, par exemple 02 99 12 34 56 ou +33 2 99 12 34 56');
    return e164;
  }

  email(field: string): string | null {
    const v = this.raw(field).toLowerCase();
    if (!v) return null;
    if (!isValidEmail(v)) this.fail(field, 'Saisissez une adresse e-mail valide, par exemple accueil@exemple.fr');
    return v;
  }

  /** Several e-mail addresses, separated by commas, semicolons, spaces or new lines. */
  emails(field: string): string[] {
    const list = split(this.raw(field)).map((e) => e.toLowerCase());
    const bad = list.find((e) => !isValidEmail(e));
    if (bad) this.fail(field, `« ${bad} » n’est pas une adresse e-mail valide : séparez les adresses par des virgules`);
    return unique(list);
  }

  url(field: string, opts: { hostSuffixes?: string[]; hostMessage?: string } = {}): string | null {
    const v = this.raw(field);
    if (!v) return null;
    if (!isValidWebAddress(v)) {
      this.fail(field, 'Saisissez une adresse web complète qui commence par https://, par exemple https://www.exemple.fr');
      return v;
    }
    const host = new URL(v).hostname.toLowerCase();
    if (opts.hostSuffixes && !opts.hostSuffixes.some((s) => host === s || host.endsWith(`.${s}`))) {
      this.fail(field, opts.hostMessage ?? 'Cette adresse web n’est pas acceptée ici');
    }
    return v;
  }

  urls(field: string): string[] {
    const list = split(this.raw(field));
    const bad = list.find((u) => !isValidWebAddress(u));
    if (bad) this.fail(field, `« ${bad} » n’est pas une adresse web complète : elle doit commencer par https://`);
    return unique(list);
  }

  postcode(field: string, required: boolean): string | null {
    const v = this.raw(field).replace(/\s/gu, '');
    if (!v) {
      if (required) this.fail(field, 'Saisissez le code postal');
      return null;
    }
    if (!/^\d{5}$/u.test(v)) this.fail(field, 'Le code postal doit comporter 5 chiffres, par exemple 35000');
    return v;
  }

  /** A decimal number within a range; French decimal commas are accepted. */
  number(field: string, opts: { min: number; max: number; message: string }): number | null {
    const v = this.raw(field).replace(',', '.');
    if (!v) return null;
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/u.test(v) || !Number.isFinite(n) || n < opts.min || n > opts.max) {
      this.fail(field, opts.message);
      return null;
    }
    return n;
  }

  openingHours(field: string): string | null {
    const v = this.raw(field).replace(/\s*\n\s*/gu, '; ');
    if (!v) return null;
    if (!parseOpeningHours(v).ok || !describeOpeningHours(v)) {
      this.fail(
        field,
        'Ces horaires ne sont pas au format attendu : jours (Mo, Tu, We, Th, Fr, Sa, Su, PH) puis heures HH:MM-HH:MM, règles séparées par « ; », par exemple Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00',
      );
    }
    return v;
  }

  /** Checkbox answers, each of which must be one of the allowed values. */
  choices(field: string, allowed: readonly string[]): string[] {
    const v = this.values[field];
    const list = (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
    if (list.some((x) => !allowed.includes(x))) this.fail(field, 'Choisissez parmi les réponses proposées');
    return unique(list.filter((x) => allowed.includes(x)));
  }

  /** One radio answer among the allowed values. */
  choice<T extends string>(field: string, allowed: readonly T[], required: string): T | null {
    const v = this.raw(field);
    if (!v) {
      this.fail(field, required);
      return null;
    }
    if (!allowed.includes(v as T)) {
      this.fail(field, 'Choisissez parmi les réponses proposées');
      return null;
    }
    return v as T;
  }

  yesNo(field: string, required: string): boolean | null {
    const v = this.choice(field, ['oui', 'non'] as const, required);
    return v === null ? null : v === 'oui';
  }

  frequency(field: string): number | null {
    const allowed = UPDATE_FREQUENCIES.map(([d]) => String(d));
    const v = this.choice(field, allowed, 'Choisissez à quelle fréquence vous vérifierez ces informations');
    return v === null ? null : Number(v);
  }
}

function split(text: string): string[] {
  return text
    .split(/[\s,;]+/u)
    .map((x) => x.trim())
    .filter(Boolean);
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** Values of a multi-valued field as the page shows them again (checkboxes). */
export function listOf(values: FormValues | undefined, field: string): string[] {
  const v = values?.[field];
  return Array.isArray(v) ? v : v ? [v] : [];
}
