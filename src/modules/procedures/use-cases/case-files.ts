// Files of case files: checked (size, type from the content), kept in the file store under a random key, and
// recorded in case_files. Reading one is the caller's business to allow and to journal (see case-access.ts).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { FILE_TYPES, megabytes, safeFileName, sniffFileType, type FileTypeKey } from '../../../platform/domain/file-type.ts';
import { InfectedFileError, ScannerUnavailableError } from '../../../platform/files/virus-scan.ts';
import { caseFiles } from '../db/procedures.table.ts';
import type { ProceduresDeps } from './deps.ts';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface NewCaseFile {
  caseId: string;
  purpose: (typeof caseFiles.$inferInsert)['purpose'];
  fieldPath?: string | null;
  messageId?: string | null;
  invitationId?: string | null;
  /** The name the person's computer gave it (cleaned before it is kept). */
  name: string;
  bytes: Uint8Array;
  uploadedByUserId: string | null;
  accept?: readonly FileTypeKey[];
  maxBytes?: number;
}

export type StoredCaseFile = typeof caseFiles.$inferSelect;

/** Checks a file and says in French what is wrong with it, naming it; null when it may be kept. */
export function checkCaseFile(input: Pick<NewCaseFile, 'name' | 'bytes' | 'accept' | 'maxBytes'>): { ok: true; contentType: keyof typeof FILE_TYPES; fileName: string } | { ok: false; message: string } {
  const shown = input.name.split(/[/\\]/).pop() || 'Le fichier';
  const max = input.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const accept = input.accept ?? ['pdf', 'jpeg', 'png'];
  if (input.bytes.byteLength === 0) return { ok: false, message: `« ${shown} » est vide` };
  if (input.bytes.byteLength > max) return { ok: false, message: `« ${shown} » est trop gros : le fichier doit faire ${megabytes(max)} au maximum` };
  const type = sniffFileType(input.bytes);
  if (!type || !accept.includes(FILE_TYPES[type].key)) {
    const labels = Object.values(FILE_TYPES)
      .filter((t) => accept.includes(t.key))
      .map((t) => t.label);
    return { ok: false, message: `« ${shown} » doit être un fichier ${labels.join(', ').replace(/, ([^,]*)$/, ' ou $1')}` };
  }
  return { ok: true, contentType: type, fileName: safeFileName(input.name, type) };
}

/**
 * Keeps a checked file: the bytes go to the file store first, then the row is written with `q` (the caller's
 * transaction, so the row commits with the change it belongs to). A failed transaction leaves an orphan in
 * the store, never a row without its bytes.
 */
export async function storeCaseFile(deps: Pick<ProceduresDeps, 'files' | 'ids' | 'clock'>, q: Queryable, input: NewCaseFile): Promise<{ ok: true; file: StoredCaseFile } | { ok: false; message: string }> {
  const checked = checkCaseFile(input);
  if (!checked.ok) return checked;
  const id = deps.ids.uuid();
  const storageKey = `cases/${input.caseId}/${id}`;
  try {
    await deps.files.put(storageKey, input.bytes, checked.contentType);
  } catch (e) {
    if (e instanceof InfectedFileError) return { ok: false, message: `« ${checked.fileName} » contient un virus : il n’a pas été gardé. Vérifiez votre appareil avant d’envoyer un autre fichier.` };
    if (e instanceof ScannerUnavailableError) return { ok: false, message: 'Les fichiers ne peuvent pas être vérifiés pour le moment : réessayez dans quelques minutes.' };
    throw e;
  }
  const [file] = await q
    .insert(caseFiles)
    .values({
      id,
      caseId: input.caseId,
      purpose: input.purpose,
      fieldPath: input.fieldPath ?? null,
      messageId: input.messageId ?? null,
      invitationId: input.invitationId ?? null,
      storageKey,
      fileName: checked.fileName,
      contentType: checked.contentType,
      size: input.bytes.byteLength,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      uploadedByUserId: input.uploadedByUserId,
      createdAt: deps.clock.now(),
    })
    .returning();
  return { ok: true, file: file! };
}

/** The file's row and a stream of its bytes, or null. The caller has checked the reader may see it. */
export async function openCaseFile(deps: Pick<ProceduresDeps, 'files'>, q: Queryable, fileId: string): Promise<{ file: StoredCaseFile; stream: Readable } | null> {
  const [file] = await q.select().from(caseFiles).where(eq(caseFiles.id, fileId));
  if (!file) return null;
  const stream = await deps.files.get(file.storageKey);
  return stream ? { file, stream } : null;
}
