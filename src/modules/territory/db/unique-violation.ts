// PostgreSQL reports a unique index violation with SQLSTATE 23505; drizzle wraps the driver's error in `cause`.
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (x.code === '23505') {
      if (!constraint) return true;
      const name = x.constraint ?? x.constraint_name;
      return name === constraint || (typeof x.message === 'string' && x.message.includes(constraint));
    }
  }
  return false;
}
