// Recovery codes: 16 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as four groups
// (« abcd-efgh-jkmn-pqrs »), about 80 bits each: a plain sha256 is then enough to store them.
export const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Builds a displayable code from 16 random bytes (the caller supplies the randomness). */
export function formatRecoveryCode(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes.subarray(0, 16)) s += RECOVERY_CODE_ALPHABET[b % RECOVERY_CODE_ALPHABET.length];
  return s.replace(/(.{4})(?!$)/g, '$1-');
}

/** What the person typed, without spaces, dashes and case; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(raw: string): string | null {
  const s = raw.toLowerCase().replace(/[\s-]+/g, '');
  if (s.length !== 16) return null;
  for (const ch of s) if (!RECOVERY_CODE_ALPHABET.includes(ch)) return null;
  return s;
}
