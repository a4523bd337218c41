import type { Config } from '../../config.ts';
import { diskFileStore, type FileStore } from './file-store.ts';

/** The file store the configuration asks for. */
export function createFileStore(config: Config): FileStore {
  return diskFileStore(config.files.dir);
}
