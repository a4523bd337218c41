// Run by `npm ci` (prepare): an in-memory PGlite with every migration applied, dumped to
// node_modules/.cache/relais, so that the first `npm start` restores it instead of running PGlite's initdb.
import { openDatabase } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { pgliteTemplatePath, writePgliteTemplate } from '../src/platform/db/pglite-template.ts';

const database = await openDatabase({ kind: 'pglite', dataDir: null });
await migrate(database);
const dump = await database.pglite!.dumpDataDir('gzip');
writePgliteTemplate(new Uint8Array(await dump.arrayBuffer()));
await database.close();
console.log(`Base embarquée préparée : ${pgliteTemplatePath}`);
