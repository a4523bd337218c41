// Child process of tests/durability.test.ts: boots the real server (same configuration, lock and PGlite
// settings as `npm start`), then writes rows one after the other through the real database layer and prints
// « ack <n> » only once each commit has returned. The test kills it with SIGKILL at an arbitrary moment.
import { loadConfig } from '../../src/config.ts';
import { appMeta } from '../../src/platform/db/meta.table.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { startServer } from '../../src/server.ts';

const server = await startServer(loadConfig());
process.stdout.write(`ready ${server.port}\n`);
for (let n = 1; ; n++) {
  await inTransaction(server.database.db, async (tx) => {
    await tx.insert(appMeta).values({ key: `durability:${n}`, value: { n }, updatedAt: new Date() });
  });
  // Synchronous on a pipe (Linux): once written, the parent will read it even if we die right after.
  process.stdout.write(`ack ${n}\n`);
}
