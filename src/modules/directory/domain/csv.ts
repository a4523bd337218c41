// RFC 4180 CSV, read and written as text chunks so that a large import or export never sits whole in memory.
// Pure: the caller brings the chunks (a file stream, a request body, a string) and takes the chunks out.

export interface CsvRow {
  /** The physical line (1-based) where the row starts; a quoted cell may run over several lines. */
  readonly line: number;
  readonly cells: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

type Chunks = Iterable<string> | AsyncIterable<string>;

// A state machine fed chunk by chunk; a quote, a CR/LF pair or the BOM may straddle two chunks.
class CsvParser {
  private cells: string[] = [];
  private cell = '';
  private inQuotes = false;
  private quoteSeen = false; // inside quotes, the previous character was a quote (end, or first half of "")
  private quoted = false; // the current cell started with a quote
  private pendingCR = false;
  private started = false;
  private line = 1;
  private rowLine = 1;
  private firstChunk = true;
  private crInQuotes = false;

  *push(chunk: string): Generator<CsvRow> {
    let text = chunk;
    if (this.firstChunk && text.length > 0) {
      this.firstChunk = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (const ch of text) {
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === '\n') continue; // CRLF already ended the row
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.cell += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the cell; fall through to handle ch outside quotes
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          // A line break inside quotes belongs to the cell; CRLF counts as one line.
          if (ch === '\r' || (ch === '\n' && !this.crInQuotes)) this.line++;
          this.crInQuotes = ch === '\r';
          this.cell += ch;
          continue;
        }
      }
      if (ch === ',') {
        this.endCell();
        this.started = true;
      } else if (ch === '\r' || ch === '\n') {
        if (ch === '\r') this.pendingCR = true;
        const row = this.endRow();
        if (row) yield row;
        this.line++;
        this.rowLine = this.line;
      } else if (ch === '"') {
        if (this.cell !== '' || this.quoted) {
          throw new CsvSyntaxError(this.line, `Ligne ${this.line} : guillemet inattendu au milieu d’une cellule`);
        }
        this.inQuotes = true;
        this.quoted = true;
        this.started = true;
      } else {
        if (this.quoted) {
          throw new CsvSyntaxError(this.line, `Ligne ${this.line} : texte après le guillemet fermant d’une cellule`);
        }
        this.cell += ch;
        this.started = true;
      }
    }
  }


  *end(): Generator<CsvRow> {
    if (this.inQuotes && !this.quoteSeen) {
      throw new CsvSyntaxError(this.rowLine, `Ligne ${this.rowLine} : guillemet ouvert jamais refermé`);
    }
    this.inQuotes = false;
    const row = this.endRow();
    if (row) yield row;
  }

  private endCell() {
    this.cells.push(this.cell);
    this.cell = '';
    this.quoted = false;
  }

  private endRow(): CsvRow | null {
    // A blank line is no row (it is the usual end of a file).
    if (!this.started && this.cell === '' && this.cells.length === 0) return null;
    this.endCell();
    const row = { line: this.rowLine, cells: this.cells };
    this.cells = [];
    this.started = false;
    return row;
  }
}

/** Rows of a CSV text given whole. */
export function* parseCsv(text: string): Generator<CsvRow> {
  const parser = new CsvParser();
  yield* parser.push(text);
  yield* parser.end();
}

/** Rows of a CSV text given as chunks (a stream decoded as UTF-8, or any iterable of strings). */
export async function* readCsv(chunks: Chunks): AsyncGenerator<CsvRow> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

/** Turns cells into a record keyed by the header's names; missing cells are empty, extra cells are dropped. */
export function toRecord(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    record[name] = cells[i] ?? '';
  });
  return record;
}

/** One cell, quoted only when it must be (a comma, a quote, a line break, or spaces at its ends). */
export function escapeCell(value: string): string {
  return /[",\r\n]|^\s|\s$/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One row with its CRLF line ending, as RFC 4180 asks. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(escapeCell).join(',')}\r\n`;
}

/** A whole CSV text from rows held in memory. */
export function toCsv(rows: Iterable<readonly string[]>): string {
  let out = '';
  for (const row of rows) out += csvLine(row);
  return out;
}

/**
 * Streams rows as text chunks of about `chunkSize` characters, for an HTTP response or a file: memory stays
 * flat however many rows come from the (async) iterable.
 */
export async function* writeCsv(
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  chunkSize = 64 * 1024,
): AsyncGenerator<string> {
  let buffer = '';
  for await (const row of rows) {
    buffer += csvLine(row);
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** Splits a multi-valued cell (`a|b|c`); an empty cell is no value. */
export function splitMulti(cell: string, separator = '|'): string[] {
  return cell === '' ? [] : cell.split(separator);
}

export function joinMulti(values: readonly string[], separator = '|'): string {
  return values.join(separator);
}
