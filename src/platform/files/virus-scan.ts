// Uploaded files are scanned by ClamAV when a clamd socket is configured (CLAMD_SOCKET: a unix socket path or
// host:port), with clamd's INSTREAM command. A file found infected is refused; clamd configured but unreachable
// refuses the upload too (fail closed): a file is never stored unscanned when scanning was asked for.
import { createConnection, type Socket } from 'node:net';
import type { FileStore } from './file-store.ts';

export class InfectedFileError extends Error {
  constructor(readonly signature: string) {
    super(`infected file: ${signature}`);
  }
}
export class ScannerUnavailableError extends Error {}

export type ScanResult = { clean: true } | { clean: false; signature: string };

function connect(target: string): Socket {
  const hostPort = /^([^/:]+):(\d+)$/u.exec(target);
  return hostPort ? createConnection({ host: hostPort[1]!, port: Number(hostPort[2]) }) : createConnection({ path: target });
}

export function scanWithClamd(target: string, bytes: Uint8Array, timeoutMs = 30_000): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const socket = connect(target);
    let reply = '';
    const timer = setTimeout(() => socket.destroy(new ScannerUnavailableError('clamd n’a pas répondu à temps')), timeoutMs);
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e instanceof ScannerUnavailableError ? e : new ScannerUnavailableError(`clamd injoignable : ${e.message}`));
    });
    socket.on('data', (d) => (reply += d.toString('utf8')));
    socket.on('end', () => {
      clearTimeout(timer);
      const text = reply.replace(/\0/g, '').trim();
      if (/: OK$/u.test(text)) resolve({ clean: true });
      else if (/FOUND$/u.test(text)) resolve({ clean: false, signature: text.replace(/^stream: /u, '').replace(/ FOUND$/u, '') });
      else reject(new ScannerUnavailableError(`réponse inattendue de clamd : ${text}`));
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      const chunk = 64 * 1024;
      for (let i = 0; i < bytes.byteLength; i += chunk) {
        const part = bytes.subarray(i, i + chunk);
        const size = Buffer.alloc(4);
        size.writeUInt32BE(part.byteLength);
        socket.write(size);
        socket.write(part);
      }
      socket.end(Buffer.alloc(4));
    });
  });
}

/** A file store that scans every file before writing it. */
export function scanningFileStore(inner: FileStore, clamdSocket: string): FileStore {
  return {
    kind: inner.kind,
    async put(key, bytes, contentType) {
      const result = await scanWithClamd(clamdSocket, bytes);
      if (!result.clean) throw new InfectedFileError(result.signature);
      await inner.put(key, bytes, contentType);
    },
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
  };
}
