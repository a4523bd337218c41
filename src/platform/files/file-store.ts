// Where the bytes of uploaded and generated files live: one interface, local disk by default, S3-compatible
// object storage by configuration. Keys are chosen by the application (random, never a person's file name),
// so a key never escapes the store's root.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

export interface FileStore {
  readonly kind: 'disk' | 's3';
  /** Writes the whole file under `key` (replacing it); resolves once it is durable. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** A stream of the file, or null when there is none under `key`. */
  get(key: string): Promise<Readable | null>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/u;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`invalid file key: ${key}`);
  return key;
}

/** Files under a directory of the server, written to a temporary name then renamed (never half a file). */
export function diskFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const p = resolve(join(base, checkKey(key)));
    if (!p.startsWith(base + sep)) throw new Error(`invalid file key: ${key}`);
    return p;
  };
  return {
    kind: 'disk',
    async put(key, bytes) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      const tmp = `${p}.${process.pid}.tmp`;
      await writeFile(tmp, bytes, { flush: true });
      await rename(tmp, p);
    },
    async get(key) {
      const p = pathOf(key);
      try {
        await stat(p);
      } catch {
        return null;
      }
      return createReadStream(p);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
