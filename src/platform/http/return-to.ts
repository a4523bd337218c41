/** A `retour` address is followed only when it is a path of this site (not «//evil.example», not «https://…»). */
export function safeReturnTo(raw: string | undefined | null): string | null {
  if (!raw || raw.length > 1000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(raw)) return null;
  try {
    const u = new URL(raw, 'http://relais.invalid');
    if (u.origin !== 'http://relais.invalid') return null;
    return u.pathname + u.search + u.hash;
  } catch {
    return null;
  }
}
