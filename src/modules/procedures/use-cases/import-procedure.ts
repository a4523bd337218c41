// A procedure version from JSON: checked, stored as a new version (the next number), and published if asked.
// Publishing makes it the version new case files are filed under; earlier case files keep theirs.
import { and, eq, inArray, max } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { checkProcedureDefinition, type ProcedureDefinition } from '../domain/procedure.ts';
import { procedures, procedureVersions, reviewTeams } from '../db/procedures.table.ts';
import type { CaseActorRef, ProceduresDeps } from './deps.ts';

/** JSON with keys in one order: jsonb does not keep the order of the file, so plain strings would differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export type ImportProcedureResult =
  | { ok: true; procedureId: string; versionId: string; version: number; published: boolean; unchanged: boolean }
  | { ok: false; problems: string[] };

/** Team keys the definition names (default team and routing rules) that do not exist. */
async function unknownTeams(q: Queryable, def: ProcedureDefinition): Promise<string[]> {
  const keys = [...new Set([def.team, ...def.routing.flatMap((r) => ('team' in r ? [r.team] : []))])];
  const found = await q.select({ key: reviewTeams.key }).from(reviewTeams).where(inArray(reviewTeams.key, keys));
  return keys.filter((k) => !found.some((f) => f.key === k));
}

export async function importProcedureVersion(
  deps: Pick<ProceduresDeps, 'db' | 'clock' | 'ids'>,
  actor: CaseActorRef,
  input: unknown,
  opts: { publish: boolean },
): Promise<ImportProcedureResult> {
  const checked = checkProcedureDefinition(input);
  if (!checked.ok) return checked;
  const def = checked.definition;
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const missing = await unknownTeams(tx, def);
    if (missing.length) return { ok: false, problems: missing.map((k) => `team : l’équipe « ${k} » n’existe pas`) } as const;
    let [procedure] = await tx.select().from(procedures).where(eq(procedures.slug, def.slug)).for('update');
    if (!procedure) {
      [procedure] = await tx.insert(procedures).values({ id: deps.ids.uuid(), slug: def.slug, createdAt: now }).returning();
    }
    const [{ last } = { last: 0 }] = await tx.select({ last: max(procedureVersions.version) }).from(procedureVersions).where(eq(procedureVersions.procedureId, procedure!.id));
    // Importing the same definition again is not a new version (seeds and re-imports are idempotent).
    const [same] = last
      ? await tx.select().from(procedureVersions).where(and(eq(procedureVersions.procedureId, procedure!.id), eq(procedureVersions.version, last)))
      : [];
    if (same && canonical(same.definition) === canonical(def) && (same.publishedAt !== null || !opts.publish)) {
      return { ok: true, procedureId: procedure!.id, versionId: same.id, version: same.version, published: same.publishedAt !== null, unchanged: true } as const;
    }
    const versionId = deps.ids.uuid();
    const version = (last ?? 0) + 1;
    await tx.insert(procedureVersions).values({
      id: versionId,
      procedureId: procedure!.id,
      version,
      definition: def,
      createdBy: actor.userId,
      createdAt: now,
      publishedBy: opts.publish ? actor.userId : null,
      publishedAt: opts.publish ? now : null,
    });
    if (opts.publish) await tx.update(procedures).set({ currentVersionId: versionId }).where(eq(procedures.id, procedure!.id));
    await recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: opts.publish ? 'procedure.published' : 'procedure.version_created',
      subjectType: 'procedure',
      subjectId: procedure!.id,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { slug: def.slug, version },
    });
    return { ok: true, procedureId: procedure!.id, versionId, version, published: opts.publish, unchanged: false } as const;
  });
}

/** Publishes a draft version: from now on, new case files are filed under it. */
export async function publishProcedureVersion(
  deps: Pick<ProceduresDeps, 'db' | 'clock'>,
  actor: CaseActorRef,
  versionId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const [v] = await tx.select().from(procedureVersions).where(eq(procedureVersions.id, versionId)).for('update');
    if (!v) return { ok: false, message: 'Cette version n’existe pas' } as const;
    if (v.publishedAt) return { ok: false, message: 'Cette version est déjà publiée' } as const;
    const missing = await unknownTeams(tx, v.definition);
    if (missing.length) return { ok: false, message: `L’équipe « ${missing[0]} » n’existe pas : créez-la avant de publier` } as const;
    await tx.update(procedureVersions).set({ publishedAt: now, publishedBy: actor.userId }).where(eq(procedureVersions.id, versionId));
    await tx.update(procedures).set({ currentVersionId: versionId }).where(eq(procedures.id, v.procedureId));
    await recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'procedure.published',
      subjectType: 'procedure',
      subjectId: v.procedureId,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { slug: v.definition.slug, version: v.version },
    });
    return { ok: true } as const;
  });
}
