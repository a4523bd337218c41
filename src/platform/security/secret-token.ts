import { createHash, randomBytes } from 'node:crypto';

/** A random token for a link (reset, invitation): 256 bits, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored as their sha256: a leaked database gives no usable link. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
