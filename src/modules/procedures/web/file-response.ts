import { Readable } from 'node:stream';
import { attachmentDisposition } from '../../../platform/domain/file-type.ts';

/** A stored file sent for download: under the type it was recognised as, never sniffed, never cached. */
export function fileResponse(file: { contentType: string; fileName: string }, stream: Readable): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { 'content-type': file.contentType, 'content-disposition': attachmentDisposition(file.fileName), 'x-content-type-options': 'nosniff', 'cache-control': 'private, no-store' },
  });
}
