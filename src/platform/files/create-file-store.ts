import type { Config } from '../../config.ts';
import { diskFileStore, type FileStore } from './file-store.ts';
import { s3FileStore } from './s3-file-store.ts';
import { scanningFileStore } from './virus-scan.ts';

/** The file store the configuration asks for: S3 when configured, else the disk; scanned when clamd is. */
export function createFileStore(config: Config): FileStore {
  const store = config.files.s3 ? s3FileStore(config.files.s3) : diskFileStore(config.files.dir);
  return config.files.clamdSocket ? scanningFileStore(store, config.files.clamdSocket) : store;
}
