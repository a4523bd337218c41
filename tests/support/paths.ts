import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const tmpDir = fileURLToPath(new URL('../../.tmp', import.meta.url));
export const templateDumpPath = `${tmpDir}/test-template.tar`;
// One template per checkout, so that several checkouts can test against one PostgreSQL server at once.
export const templateDbName = `relais_tpl_${createHash('sha256').update(tmpDir).digest('hex').slice(0, 10)}`;
