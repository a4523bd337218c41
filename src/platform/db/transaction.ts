import type { Db, Tx } from './client.ts';

/** Runs work in one transaction: every change and its audit event commit together or not at all. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as Tx));
}
