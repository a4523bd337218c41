// E-mail addresses are compared without case and surrounding spaces (the unique index is on lower(email)).
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces. The mail decides the rest.
const shape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && shape.test(email);
}
