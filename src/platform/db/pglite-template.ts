// Creating a PGlite data directory from nothing (its initdb) takes seconds; restoring a prepared one is much
// faster. `npm ci` (the prepare script) builds a template — an empty database with the migrations applied —
// and the first start restores it into the new data directory. Migrations still run at start, so a template
// built before newer migrations is merely less complete, never wrong. Without the template, PGlite runs its initdb.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const modules = new URL('../../../node_modules/', import.meta.url);
// The template is only valid for the PGlite version that wrote it.
const pgliteVersion = (JSON.parse(readFileSync(new URL('@electric-sql/pglite/package.json', modules), 'utf8')) as { version: string }).version;

export const pgliteTemplatePath = fileURLToPath(
  new URL(`.cache/relais/pglite-${pgliteVersion}-template.tar.gz`, modules),
);

/** True when the directory does not exist yet or is empty: PGlite would run its initdb there. */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

export function readPgliteTemplate(): Blob | undefined {
  if (!existsSync(pgliteTemplatePath)) return undefined;
  return new Blob([readFileSync(pgliteTemplatePath)]);
}

export function writePgliteTemplate(dump: Uint8Array): void {
  mkdirSync(dirname(pgliteTemplatePath), { recursive: true });
  writeFileSync(pgliteTemplatePath, dump);
}
