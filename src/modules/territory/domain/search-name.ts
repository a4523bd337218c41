// How commune names are compared: lower-case, without accents, with apostrophes, hyphens and other
// punctuation as single spaces. The same function builds the stored `search_name` and normalises queries,
// so « Saint-Méloir-des-Ondes », « saint meloir des ondes » and « SAINT MÉLOIR » all meet.

/** The stored, comparable form of a commune name (or of what a person typed). */
export function toSearchName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Official names never abbreviate (« Saint-Malo »), people often do (« St-Malo », « Ste-Marie »).
const abbreviations: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

export interface ParsedCommuneQuery {
  /** Forms of the name part to look for (the typed one, and the one with abbreviations expanded). */
  names: string[];
  /** Digits typed: a postcode or the start of one. */
  postcode: string | null;
}

/**
 * Splits what a person typed into a name part and a postcode part: « 35400 », « st malo », « Saint-Malo (35400) ».
 * Returns null when nothing searchable is left.
 */
export function parseCommuneQuery(text: string): ParsedCommuneQuery | null {
  const normalised = toSearchName(text.slice(0, 200));
  const words = normalised.split(' ').filter(Boolean);
  const digits = words.filter((w) => /^\d+$/.test(w));
  const letters = words.filter((w) => !/^\d+$/.test(w));
  const postcode = digits.find((d) => d.length >= 2 && d.length <= 5) ?? null;
  const name = letters.join(' ');
  if (!name && !postcode) return null;
  const expanded = letters.map((w) => abbreviations[w] ?? w).join(' ');
  const names = name ? [...new Set([name, expanded])] : [];
  return { names, postcode };
}

/** « Saint-Malo (35400) », or « Marseille (13001 à 13016) » for communes with many postcodes. */
export function communeLabel(c: { name: string; postcodes: string[] }): string {
  const sorted = [...c.postcodes].sort();
  if (sorted.length === 0) return c.name;
  if (sorted.length === 1) return `${c.name} (${sorted[0]})`;
  return `${c.name} (${sorted[0]} à ${sorted[sorted.length - 1]})`;
}
