import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { jsEnabledScript } from '../views/layout.tsx';
import type { AppEnv } from './context.ts';

// A Content-Security-Policy without 'unsafe-inline': the only inline script (GOV.UK Frontend's js-enabled
// class) is allowed by its hash, so pages stay identical for every visitor and can be cached.
const inlineHash = `'sha256-${createHash('sha256').update(jsEnabledScript).digest('base64')}'`;

export function contentSecurityPolicy(extra: { imgSrc?: string[]; connectSrc?: string[]; frameAncestors?: string[] } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineHash}`,
    "style-src 'self'",
    `img-src 'self' data: ${(extra.imgSrc ?? []).join(' ')}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${(extra.connectSrc ?? []).join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Pages refuse to be framed (clickjacking), except the embed pages that ask for it (/integrer).
    `frame-ancestors ${extra.frameAncestors?.length ? extra.frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

const csp = contentSecurityPolicy();

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const h = c.res.headers;
  if (!h.has('content-security-policy')) h.set('content-security-policy', csp);
  h.set('x-content-type-options', 'nosniff');
  // A page may ask for less (pages with a secret token in their address send no Referer at all).
  if (!h.has('referrer-policy')) h.set('referrer-policy', 'strict-origin-when-cross-origin');
  // X-Frame-Options, for browsers without frame-ancestors, can only deny: it is left out of a page whose CSP
  // deliberately allows framing (the embed), and DENY everywhere else.
  if (!h.has('x-frame-options') && /frame-ancestors 'none'/.test(h.get('content-security-policy') ?? '')) h.set('x-frame-options', 'DENY');
  h.set('cross-origin-opener-policy', 'same-origin');
  // The embed script is loaded by other sites' pages: its route says `cross-origin`.
  if (!h.has('cross-origin-resource-policy')) h.set('cross-origin-resource-policy', 'same-origin');
  h.set('permissions-policy', 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)');
  if (c.get('deps')?.config.publicUrl.startsWith('https://')) {
    h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
};
