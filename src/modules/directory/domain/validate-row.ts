// A Frictionless Table Schema validator for one CSV row, written for the features the national schema of
// « lieux de médiation numérique » uses (string/number/integer/date/boolean, required, pattern, enum,
// minLength/maxLength, minimum/maximum, formats email/uri) plus one Relais extension, `separator`, for the cells
// that hold several values joined by `|`. Unlike the npm library, it reports every fault of a row, in French.

export interface SchemaConstraints {
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface SchemaField {
  readonly name: string;
  readonly type?: string;
  readonly format?: string;
  readonly constraints?: SchemaConstraints;
  /** Relais extension: the cell holds several values joined by this separator; checks apply to each value. */
  readonly separator?: string;
  /** Relais extension: words telling a person what the pattern expects, e.g. « 5 chiffres ». */
  readonly hint?: string;
}

export interface TableSchema {
  readonly fields: readonly SchemaField[];
  readonly primaryKey?: string | readonly string[];
}

export interface FieldError {
  /** The column name, or '' for a fault of the file as a whole. */
  readonly field: string;
  readonly message: string;
}

export type CsvRecord = Readonly<Record<string, string>>;

const quote = (v: string) => `"${v}"`;
const patternCache = new Map<string, RegExp>();

// Table Schema patterns are implicitly anchored (XML Schema regular expressions): the whole value must match.
function fullMatch(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Practical, not RFC 5322: one @, no spaces, a dot in the domain, a top-level domain of two letters or more.
const EMAIL = /^[^\s@"<>(),;:[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/iu;

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isValidWebAddress(value: string): boolean {
  if (!/^https?:\/\//iu.test(value) || /\s/u.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname.includes('.') && !url.hostname.startsWith('.') && !url.hostname.endsWith('.');
  } catch {
    return false;
  }
}

function checkValue(field: SchemaField, value: string): string[] {
  const c = field.constraints ?? {};
  const name = field.name;
  const errors: string[] = [];
  const type = field.type ?? 'string';
  if (type === 'number' || type === 'integer') {
    const ok = type === 'number' ? NUMBER.test(value) : INTEGER.test(value);
    if (!ok) return [`${name} : ${quote(value)} n’est pas un ${type === 'number' ? 'nombre' : 'nombre entier'}`];
    const n = Number(value);
    if (c.minimum !== undefined && c.maximum !== undefined && (n < c.minimum || n > c.maximum)) {
      errors.push(`${name} : ${value} doit être compris entre ${c.minimum} et ${c.maximum}`);
    } else if (c.minimum !== undefined && n < c.minimum) {
      errors.push(`${name} : ${value} doit être supérieur ou égal à ${c.minimum}`);
    } else if (c.maximum !== undefined && n > c.maximum) {
      errors.push(`${name} : ${value} doit être inférieur ou égal à ${c.maximum}`);
    }
  } else if (type === 'date') {
    if (!isValidDate(value)) return [`${name} : ${quote(value)} n’est pas une date valide au format AAAA-MM-JJ`];
  } else if (type === 'boolean') {
    if (!/^(true|false)$/u.test(value)) return [`${name} : ${quote(value)} doit valoir true ou false`];
  } else if (field.format === 'email') {
    if (!isValidEmail(value)) errors.push(`${name} : ${quote(value)} n’est pas une adresse e-mail valide`);
  } else if (field.format === 'uri') {
    if (!isValidWebAddress(value)) {
      errors.push(`${name} : ${quote(value)} n’est pas une adresse web valide (elle doit commencer par https://)`);
    }
  }
  if (c.enum && !c.enum.includes(value)) {
    const allowed = c.enum.join(', ');
    errors.push(`${name} : ${quote(value)} n’est pas une valeur autorisée (valeurs possibles : ${allowed})`);
  }
  const length = [...value].length;
  if (c.minLength !== undefined && length < c.minLength) {
    errors.push(`${name} : ${length} caractères, il en faut au moins ${c.minLength}`);
  }
  if (c.maxLength !== undefined && length > c.maxLength) {
    errors.push(`${name} : ${length} caractères, ${c.maxLength} au plus`);
  }
  // The schema writes its lists of allowed values as patterns over the whole cell; each value is checked
  // against the same pattern so that the message names the value at fault.
  if (c.pattern && !field.separator && !fullMatch(c.pattern, value)) {
    errors.push(`${name} : ${quote(value)} n’a pas le format attendu${field.hint ? ` (${field.hint})` : ''}`);
  } else if (c.pattern && field.separator && !fullMatch(c.pattern, value)) {
    errors.push(`${name} : ${quote(value)} n’est pas une valeur autorisée${field.hint ? ` (${field.hint})` : ''}`);
  }
  return errors;
}

/** Every fault of one cell; an empty cell is absent (Table Schema's default missing value is ""). */
export function validateCell(field: SchemaField, raw: string | undefined): string[] {
  const value = raw ?? '';
  const c = field.constraints ?? {};
  if (value === '') return c.required ? [`Le champ ${field.name} est obligatoire`] : [];
  if (!field.separator) return checkValue(field, value);
  const items = value.split(field.separator);
  if (items.some((i) => i === '')) {
    return [`${field.name} : valeur vide entre deux « ${field.separator} » dans ${quote(value)}`];
  }
  const errors = items.flatMap((item) => checkValue(field, item));
  // Belt and braces: the pattern of the whole cell is the schema's rule, whatever the per-value checks said.
  if (errors.length === 0 && c.pattern && !fullMatch(c.pattern, value)) {
    errors.push(`${field.name} : ${quote(value)} n’a pas le format attendu`);
  }
  return errors;
}

/** Every fault of one row, in the schema's field order. Cells for unknown columns are ignored here. */
export function validateRow(schema: TableSchema, record: CsvRecord): FieldError[] {
  return schema.fields.flatMap((field) =>
    validateCell(field, record[field.name]).map((message) => ({ field: field.name, message })),
  );
}

/** Faults of the header line: missing, unknown, repeated or misplaced columns. */
export function validateHeader(schema: TableSchema, header: readonly string[]): FieldError[] {
  const expected = schema.fields.map((f) => f.name);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) errors.push({ field: name, message: `La colonne ${name} apparaît plusieurs fois` });
    seen.add(name);
    if (!expected.includes(name)) {
      errors.push({
        field: name,
        message: name === '' ? 'Une colonne n’a pas de nom' : `La colonne ${name} ne fait pas partie du schéma`,
      });
    }
  }
  for (const name of expected) {
    if (!seen.has(name)) errors.push({ field: name, message: `La colonne ${name} est manquante` });
  }
  if (errors.length === 0) {
    const position = header.findIndex((name, i) => name !== expected[i]);
    if (position >= 0) {
      errors.push({
        field: header[position]!,
        message:
          `Les colonnes ne sont pas dans l’ordre du schéma : la colonne ${position + 1} est ${header[position]}, ` +
          `le schéma y attend ${expected[position]}`,
      });
    }
  }
  return errors;
}

/** A checker of `unique` constraints across the rows of one file: call it on each row in turn. */
export function uniquenessChecker(schema: TableSchema): (record: CsvRecord, line: number) => FieldError[] {
  const uniqueFields = schema.fields.filter((f) => f.constraints?.unique);
  const seen = new Map<string, Map<string, number>>(uniqueFields.map((f) => [f.name, new Map()]));
  return (record, line) => {
    const errors: FieldError[] = [];
    for (const f of uniqueFields) {
      const value = record[f.name] ?? '';
      if (value === '') continue;
      const lines = seen.get(f.name)!;
      const first = lines.get(value);
      if (first !== undefined) {
        errors.push({ field: f.name, message: `${f.name} : ${quote(value)} est déjà utilisé à la ligne ${first}` });
      } else {
        lines.set(value, line);
      }
    }
    return errors;
  };
}
