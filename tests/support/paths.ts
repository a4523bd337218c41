import { fileURLToPath } from 'node:url';

export const tmpDir = fileURLToPath(new URL('../../.tmp', import.meta.url));
export const templateDumpPath = `${tmpDir}/test-template.tar`;
export const templateDbName = 'relais_test_template';
