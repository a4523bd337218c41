// Attachments of an orientation: a person's documents sent to a structure. Only PDF, JPEG and PNG are accepted,
// recognised by their first bytes (a name or a browser's declared type proves nothing), and a file is always
// served back under the type it was recognised as, with a matching extension (platform/domain/file-type.ts).
import { FILE_TYPES, attachmentDisposition, megabytes, safeFileName, sniffFileType, type FileType } from '../../../platform/domain/file-type.ts';

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES = FILE_TYPES;
export type AttachmentType = FileType;
export { attachmentDisposition, safeFileName, sniffFileType as sniffAttachmentType };

export interface UploadedFile {
  name: string;
  size: number;
  bytes: Uint8Array;
}

export interface CheckedAttachment {
  fileName: string;
  contentType: AttachmentType;
  size: number;
  bytes: Uint8Array;
}

/** Checks the chosen files; the first problem is told in French, naming the file. */
export function checkAttachments(files: UploadedFile[]): { ok: true; attachments: CheckedAttachment[] } | { ok: false; message: string } {
  if (files.length > MAX_ATTACHMENTS) {
    return { ok: false, message: `Joignez ${MAX_ATTACHMENTS} fichiers au maximum (vous en avez choisi ${files.length})` };
  }
  const attachments: CheckedAttachment[] = [];
  for (const f of files) {
    const shown = f.name.split(/[/\\]/).pop() || 'Un fichier';
    if (f.size > MAX_ATTACHMENT_BYTES) {
      return { ok: false, message: `« ${shown} » est trop gros : chaque fichier doit faire ${megabytes(MAX_ATTACHMENT_BYTES)} au maximum` };
    }
    if (f.size === 0) return { ok: false, message: `« ${shown} » est vide` };
    const type = sniffFileType(f.bytes);
    if (!type) return { ok: false, message: `« ${shown} » doit être un fichier PDF, JPEG ou PNG` };
    attachments.push({ fileName: safeFileName(f.name, type), contentType: type, size: f.size, bytes: f.bytes });
  }
  return { ok: true, attachments };
}
