/** Escapes the wildcards of a LIKE / ILIKE pattern, so that text a person typed matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}
