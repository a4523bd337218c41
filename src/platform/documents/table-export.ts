// Tables exported for spreadsheets. CSV for French spreadsheets: UTF-8 with a BOM, « ; » between cells, RFC 4180
// quoting, and cells that a spreadsheet would run as a formula (= + - @) defused with a leading apostrophe. XLSX
// through exceljs, for tables small enough to build in memory (the large exports stream, see procedures).
import ExcelJS from 'exceljs';

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[";\n\r]/u.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(';')}\r\n`;

export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('')}`;
}

export async function xlsxDocument(sheetName: string, rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
