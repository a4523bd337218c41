// Reading procedures: the published version of each (what residents file), a version by id (what a case
// file was filed under), the teams.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import type { ProcedureDefinition } from '../domain/procedure.ts';
import { procedures, procedureVersions, reviewTeams } from './procedures.table.ts';

export interface PublishedProcedure {
  procedureId: string;
  versionId: string;
  version: number;
  definition: ProcedureDefinition;
}

export async function getPublishedProcedure(q: Queryable, slug: string): Promise<PublishedProcedure | null> {
  const [row] = await q
    .select({ procedureId: procedures.id, versionId: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(and(eq(procedures.slug, slug), isNull(procedures.closedAt)));
  return row ?? null;
}

/** The procedures open to new filings, for the public list, in the order of their titles. */
export async function listPublishedProcedures(q: Queryable): Promise<PublishedProcedure[]> {
  const rows = await q
    .select({ procedureId: procedures.id, versionId: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(and(isNull(procedures.closedAt), isNotNull(procedureVersions.publishedAt)));
  return rows.sort((a, b) => a.definition.title.localeCompare(b.definition.title, 'fr'));
}

export async function getVersion(q: Queryable, versionId: string): Promise<{ procedureId: string; version: number; definition: ProcedureDefinition; publishedAt: Date | null } | null> {
  const [row] = await q
    .select({ procedureId: procedureVersions.procedureId, version: procedureVersions.version, definition: procedureVersions.definition, publishedAt: procedureVersions.publishedAt })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, versionId));
  return row ?? null;
}

export async function listTeams(q: Queryable): Promise<Array<{ id: string; key: string; name: string; socialCentreId: string | null }>> {
  return q.select({ id: reviewTeams.id, key: reviewTeams.key, name: reviewTeams.name, socialCentreId: reviewTeams.socialCentreId }).from(reviewTeams).orderBy(asc(reviewTeams.name));
}

/** The definition of a procedure's published version (or of version `n`), as its JSON is exchanged. */
export async function exportProcedureVersion(q: Queryable, slug: string, n: number | null): Promise<ProcedureDefinition | null> {
  const [row] = await q
    .select({ definition: procedureVersions.definition })
    .from(procedures)
    .innerJoin(procedureVersions, n === null ? eq(procedureVersions.id, procedures.currentVersionId) : and(eq(procedureVersions.procedureId, procedures.id), eq(procedureVersions.version, n)))
    .where(eq(procedures.slug, slug));
  return row?.definition ?? null;
}
