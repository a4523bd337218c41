// The SQLSTATE of a database error, whichever engine raised it: drizzle wraps the driver's error in `cause`.
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** An exclusion constraint refused the row (two bookings of one agent overlapping, for instance). */
export const isExclusionViolation = (error: unknown) => sqlState(error) === '23P01';
