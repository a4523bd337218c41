// Phone numbers are stored in E.164 (« +33299123456 »); people read and dial them in the national form,
// by pairs (« 02 99 12 34 56 »).
import { normalisePhone } from '../../../platform/domain/phone.ts';

// Codes whose numbers use the French national plan (a trunk 0 and nine digits).
const NATIONAL_PLAN = ['33', '590', '594', '262', '596', '269'];

/** « 02 99 12 34 56 » for a French number; the text as given when it is not one. */
export function readablePhone(phone: string): string {
  const e164 = normalisePhone(phone);
  if (!e164) return phone.trim();
  const digits = e164.slice(1);
  const code = NATIONAL_PLAN.find((c) => digits.startsWith(c) && digits.length - c.length === 9);
  if (code) return `0${digits.slice(code.length)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  // Pacific and Saint-Pierre numbers have no trunk 0: keep the country code.
  const local = digits.replace(/^(687|689|508|681)/, '');
  return `+${digits.slice(0, digits.length - local.length)} ${local.replace(/(\d{2})(?=\d)/g, '$1 ')}`;
}

/** The number to put in a `tel:` link: E.164 when it is a French number, else the digits as given. */
export function telHref(phone: string): string {
  return `tel:${normalisePhone(phone) ?? phone.replace(/[^\d+]/g, '')}`;
}
