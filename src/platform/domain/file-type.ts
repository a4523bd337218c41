// What a file really is, from its first bytes (a name or a browser's declared type proves nothing), and how to
// name and serve it back: always under the type it was recognised as, with a matching extension.

export const FILE_TYPES = {
  'application/pdf': { label: 'PDF', key: 'pdf', extensions: ['.pdf'] },
  'image/jpeg': { label: 'JPEG', key: 'jpeg', extensions: ['.jpg', '.jpeg'] },
  'image/png': { label: 'PNG', key: 'png', extensions: ['.png'] },
} as const;
export type FileType = keyof typeof FILE_TYPES;
/** The short names procedures use in their field definitions (« accept »: ['pdf', 'jpeg']). */
export type FileTypeKey = (typeof FILE_TYPES)[FileType]['key'];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The type the content really has, from its signature; null when it is none of the accepted ones. */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // « %PDF- »
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/** A file name safe to store and to offer for download: no path, no control characters, the right extension. */
export function safeFileName(name: string, type: FileType): string {
  const base = (name.split(/[/\\]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  const extensions: readonly string[] = FILE_TYPES[type].extensions;
  const stem = base === '' || base.startsWith('.') ? 'piece-jointe' + base : base;
  return extensions.some((e) => stem.toLowerCase().endsWith(e)) ? stem : `${stem}${extensions[0]}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} Mo`;
