// The same export as an Excel workbook, written by exceljs's streaming writer: rows are committed as they come
// and the file flows out of a stream, never built whole in memory.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Queryable } from '../../../platform/db/client.ts';
import { exportCaseRows } from './export-cases.ts';

export function exportCasesXlsx(q: Queryable, criteria: { userId: string; procedureId: string }, onError: (e: unknown) => void): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Dossiers');
  void (async () => {
    try {
      for await (const batch of exportCaseRows(q, criteria)) {
        for (const row of batch) sheet.addRow(row).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      onError(e);
      out.destroy(e as Error);
    }
  })();
  return out;
}
