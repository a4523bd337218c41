// The objects of a large JSON array, one at a time as the chunks arrive, so that a file of 100,000 places never
// sits whole in memory. Accepts a top-level array (`[{…}, {…}]`) or an object holding the array in one of its
// properties (`{"lieux": [{…}]}`, `{"data": […]}`). Pure: the caller brings the chunks.

export class JsonStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

export interface JsonItem {
  /** 1-based position in the array. */
  readonly index: number;
  readonly value: unknown;
}

export async function* readJsonArray(chunks: Iterable<string> | AsyncIterable<string>): AsyncGenerator<JsonItem> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let arrayDepth = -1; // depth inside the array of items once found
  let item = '';
  let capturing = false;
  let index = 0;
  let sawContent = false;
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') {
        inString = true;
        continue;
      }
      if (ch === '{' || ch === '[') {
        if (!sawContent && depth === 0) sawContent = true;
        if (arrayDepth < 0 && ch === '[' && depth <= 1) {
          depth++;
          arrayDepth = depth;
          continue;
        }
        if (arrayDepth >= 0 && depth === arrayDepth && !capturing) {
          capturing = true;
          start = i;
        }
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (depth < 0) throw new JsonStreamError('Le fichier JSON est mal formé : accolade ou crochet fermant en trop');
        if (capturing && depth === arrayDepth) {
          item += chunk.slice(start, i + 1);
          capturing = false;
          index++;
          let value: unknown;
          try {
            value = JSON.parse(item);
          } catch {
            throw new JsonStreamError(`Le fichier JSON est mal formé dans l’élément ${index} du tableau`);
          }
          item = '';
          yield { index, value };
        } else if (depth === arrayDepth - 1 && arrayDepth >= 0 && ch === ']') {
          arrayDepth = -2; // the array is over; ignore the rest (closing braces)
        }
      } else if (arrayDepth >= 0 && depth === arrayDepth && !capturing && !/[\s,]/u.test(ch)) {
        throw new JsonStreamError(`Le fichier JSON est mal formé : l’élément ${index + 1} du tableau n’est pas un objet`);
      } else if (depth === 0 && !/\s/u.test(ch) && !(ch === '\ufeff' && !sawContent)) {
        throw new JsonStreamError('Le fichier JSON doit contenir un tableau de lieux');
      }
    }
    if (capturing) {
      item += chunk.slice(start);
      start = 0;
    }
  }
  if (inString || depth !== 0) throw new JsonStreamError('Le fichier JSON est incomplet (il s’arrête au milieu d’un élément)');
  if (arrayDepth === -1) throw new JsonStreamError('Le fichier JSON doit contenir un tableau de lieux');
}

/**
 * A JSON object of a place into text cells: lists joined by `separator`, numbers and booleans written out,
 * null as empty. Nested objects have no meaning in these formats: they are reported.
 */
export function jsonToRecord(value: unknown, separator: string): { record: Record<string, string>; errors: { field: string; message: string }[] } {
  const record: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { record, errors: [{ field: '', message: 'L’élément n’est pas un objet JSON' }] };
  }
  const scalar = (v: unknown): string | null =>
    v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(v)) {
      const items = v.map(scalar);
      if (items.some((i) => i === null)) errors.push({ field: key, message: `${key} : une liste ne peut contenir que du texte ou des nombres` });
      else record[key] = (items as string[]).filter((i) => i !== '').join(separator);
      continue;
    }
    const s = scalar(v);
    if (s === null) errors.push({ field: key, message: `${key} : un objet imbriqué n’est pas accepté ici` });
    else record[key] = s;
  }
  return { record, errors };
}
