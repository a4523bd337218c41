/** The number people quote: the year the case file was started and its number (« 2026-000123 »). */
export function caseReference(number: number, createdAt: Date): string {
  return `${createdAt.getUTCFullYear()}-${String(number).padStart(6, '0')}`;
}

/** The case number from a reference as typed (« 2026-000123 », « 123 », « n° 2026 000123 »), or null. */
export function parseCaseReference(input: string): number | null {
  const digits = input.replace(/[^0-9-\s]/g, '').trim();
  const m = /^(?:\d{4}[-\s]+)?0*(\d{1,12})$/u.exec(digits);
  return m ? Number(m[1]) : null;
}
