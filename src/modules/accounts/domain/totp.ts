import { Secret, TOTP } from 'otpauth';

// RFC 6238 time-based codes as every authenticator app knows them: SHA-1, 6 digits, 30-second steps.
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Relais';

export function totpUri(secretBase32: string, label: string, issuer = ISSUER): string {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secretBase32), digits: 6, period: TOTP_PERIOD_SECONDS }).toString();
}

/** « ABCD EFGH … »: the secret in groups of four, easier to type by hand. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, '$1 ').trim();
}

/** Only digits, spaces allowed in between (« 123 456 »). */
export function normaliseTotpCode(raw: string): string | null {
  const digits = raw.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step of `code` when it is valid at `now` within one step either way (clock drift of the phone),
 * or null. The caller refuses a step not later than the last one accepted, so a code is used once.
 */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
