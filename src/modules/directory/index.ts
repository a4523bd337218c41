// The directory module's public face. The directory issue builds places, services and their pages on it.
export { listStructures, getStructure, type StructureSummary } from './db/structure-queries.ts';
