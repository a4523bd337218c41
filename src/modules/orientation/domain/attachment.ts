// Attachments of an orientation: a person's documents sent to a structure. Only PDF, JPEG and PNG are accepted,
// recognised by their first bytes (a name or a browser's declared type proves nothing), and a file is always
// served back under the type it was recognised as, with a matching extension.

export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['.pdf'] },
  'image/jpeg': { label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  'image/png': { label: 'PNG', extensions: ['.png'] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The type the content really has, from its signature; null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // « %PDF- »
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** A file name safe to store and to offer for download: no path, no control characters, the right extension. */
export function safeFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[/\\]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  const extensions: readonly string[] = ATTACHMENT_TYPES[type].extensions;
  const stem = base === '' || base.startsWith('.') ? 'piece-jointe' + base : base;
  return extensions.some((e) => stem.toLowerCase().endsWith(e)) ? stem : `${stem}${extensions[0]}`;
}

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

const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} Mo`;

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
    const type = sniffAttachmentType(f.bytes);
    if (!type) return { ok: false, message: `« ${shown} » doit être un fichier PDF, JPEG ou PNG` };
    attachments.push({ fileName: safeFileName(f.name, type), contentType: type, size: f.size, bytes: f.bytes });
  }
  return { ok: true, attachments };
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
