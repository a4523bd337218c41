// A whole CSV file checked against a Table Schema, row by row as the chunks arrive: the header, every fault of
// every row, repeated identifiers, rows of the wrong width and CSV syntax errors, each with its line number.
// Used for the per-row report of an import and to prove that the open-data export validates.
import { CsvSyntaxError, readCsv, toRecord } from './csv.ts';
import { uniquenessChecker, validateHeader, validateRow, type FieldError, type TableSchema } from './validate-row.ts';

export interface LineReport {
  readonly line: number;
  readonly errors: readonly FieldError[];
}

/** Reports only the lines that have faults; a file that yields nothing is valid. */
export async function* validateCsvFile(
  schema: TableSchema,
  chunks: Iterable<string> | AsyncIterable<string>,
): AsyncGenerator<LineReport> {
  let header: readonly string[] | null = null;
  const unique = uniquenessChecker(schema);
  try {
    for await (const { line, cells } of readCsv(chunks)) {
      if (!header) {
        header = cells;
        const errors = validateHeader(schema, header);
        if (errors.length > 0) yield { line, errors };
        continue;
      }
      const errors: FieldError[] = [];
      if (cells.length !== header.length) {
        const message = `La ligne a ${cells.length} cellules, l’en-tête en a ${header.length}`;
        errors.push({ field: '', message });
      }
      const record = toRecord(header, cells);
      errors.push(...validateRow(schema, record), ...unique(record, line));
      if (errors.length > 0) yield { line, errors };
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    yield { line: e.line, errors: [{ field: '', message: e.message }] };
    return;
  }
  if (!header) yield { line: 1, errors: [{ field: '', message: 'Le fichier est vide' }] };
}
