// The national schema v1.0.2 as the product reads it at run time (copied unchanged from the standard).
import type { TableSchema } from '../domain/validate-row.ts';
import schema from './lieux-mediation-numerique-1.0.2/schema.json' with { type: 'json' };

/** Schema v1.0.2 of the « lieux de médiation numérique », as published (Licence Ouverte 2.0). */
export const lieuxMediationNumeriqueSchema: TableSchema = schema as TableSchema;

/** Where the published valid example lives, for tests and documentation. */
export const exampleCsvUrl = new URL('./lieux-mediation-numerique-1.0.2/exemple-valide.csv', import.meta.url);
