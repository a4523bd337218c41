// A-posteriori moderation of the edits made by structures: the département team approves a save, or puts
// the old values back. A value is put back only if the field still holds what that edit wrote: otherwise
// someone changed it since, and reverting blindly would erase their work.
import { and, asc, eq, gt, inArray, ne } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { AppDeps } from '../../../platform/http/context.ts';
import { sameValue, type ListingType } from '../domain/change-display.ts';
import { listingChanges, places, services, structures } from '../db/directory.table.ts';
import { setListingField } from '../db/listing-store.ts';

export type ModerationDeps = Pick<AppDeps, 'db' | 'clock' | 'ids'>;

export interface Moderator {
  id: string;
  label: string;
}

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export type ApproveResult = { ok: true; approved: number } | { ok: false; reason: 'not_found' | 'nothing_pending' };

/** Approves every pending change of one save. */
export async function approveBatch(deps: ModerationDeps, input: { batchId: string; by: Moderator; meta: RequestMeta }): Promise<ApproveResult> {
  return inTransaction(deps.db, async (tx) => {
    const rows = await tx.select().from(listingChanges).where(eq(listingChanges.batchId, input.batchId)).for('update');
    if (rows.length === 0) return { ok: false as const, reason: 'not_found' as const };
    const pending = rows.filter((r) => r.moderation === 'pending');
    if (pending.length === 0) return { ok: false as const, reason: 'nothing_pending' as const };
    const now = deps.clock.now();
    await tx
      .update(listingChanges)
      .set({ moderation: 'approved', moderatedBy: input.by.id, moderatedAt: now })
      .where(and(eq(listingChanges.batchId, input.batchId), eq(listingChanges.moderation, 'pending')));
    const first = pending[0]!;
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'directory.change_approved',
      subjectType: first.entityType,
      subjectId: first.entityId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { batchId: input.batchId, fields: pending.map((r) => r.field) },
    });
    return { ok: true as const, approved: pending.length };
  });
}

export interface RevertRefusal {
  field: string;
  why: 'changed_since' | 'creation' | 'already_reverted';
}

export type RevertResult =
  | { ok: true; reverted: string[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'refused'; refusals: RevertRefusal[] };

const tables = { place: places, service: services, structure: structures } as const;

/**
 * Puts back the old value of one change (`changeId`) or of every change of a save (`batchId`) that is not
 * reverted yet, through the store (recorded as the département's own change), and marks the changes reverted.
 * All or nothing: if one field cannot be reverted, nothing is and the refusals say why.
 */
export async function revertChanges(
  deps: ModerationDeps,
  input: ({ batchId: string } | { changeId: string }) & { by: Moderator; meta: RequestMeta },
): Promise<RevertResult> {
  return inTransaction(deps.db, async (tx) => {
    const rows = await tx
      .select()
      .from(listingChanges)
      .where('batchId' in input ? eq(listingChanges.batchId, input.batchId) : eq(listingChanges.id, input.changeId))
      .orderBy(asc(listingChanges.field))
      .for('update');
    if (rows.length === 0) return { ok: false as const, reason: 'not_found' as const };
    const wanted = 'batchId' in input ? rows.filter((r) => r.moderation !== 'reverted') : rows;
    const refusals = await revertProblems(tx, wanted);
    if (wanted.length === 0) refusals.push(...rows.map((r) => ({ field: r.field, why: 'already_reverted' as const })));
    if (refusals.length) return { ok: false as const, reason: 'refused' as const, refusals };

    const now = deps.clock.now();
    const actor = { userId: input.by.id, kind: 'departement' as const };
    for (const r of wanted) {
      await setListingField(tx, deps, r.entityType, r.entityId, r.field, r.oldValue, actor);
    }
    await tx
      .update(listingChanges)
      .set({ moderation: 'reverted', moderatedBy: input.by.id, moderatedAt: now })
      .where(inArray(listingChanges.id, wanted.map((r) => r.id)));
    const first = wanted[0]!;
    await recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'directory.change_reverted',
      subjectType: first.entityType,
      subjectId: first.entityId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: {
        batchId: first.batchId,
        changes: wanted.map((r) => ({ changeId: r.id, field: r.field, restored: r.oldValue, removed: r.newValue })),
      },
    });
    return { ok: true as const, reverted: wanted.map((r) => r.field) };
  });
}

type ChangeRow = typeof listingChanges.$inferSelect;

async function revertProblems(tx: Tx, rows: ChangeRow[]): Promise<RevertRefusal[]> {
  const refusals: RevertRefusal[] = [];
  for (const r of rows) {
    const refuse = (why: RevertRefusal['why']) => refusals.push({ field: r.field, why });
    if (r.moderation === 'reverted') {
      refuse('already_reverted');
      continue;
    }
    const table = tables[r.entityType as ListingType];
    const [listing] = await tx.select().from(table).where(eq(table.id, r.entityId)).for('update');
    if (!listing) {
      refuse('changed_since');
      continue;
    }
    // A listing created by this save has nothing to go back to: its fields had no value before. (The store
    // stamps a new listing and its first history rows with the same moment.)
    if (r.changedAt.getTime() === listing.createdAt.getTime()) {
      refuse('creation');
      continue;
    }
    const later = await tx
      .select({ id: listingChanges.id })
      .from(listingChanges)
      .where(
        and(
          eq(listingChanges.entityType, r.entityType),
          eq(listingChanges.entityId, r.entityId),
          eq(listingChanges.field, r.field),
          gt(listingChanges.changedAt, r.changedAt),
          ne(listingChanges.batchId, r.batchId),
        ),
      )
      .limit(1);
    const current = (listing as Record<string, unknown>)[r.field];
    if (later.length > 0 || !sameValue(current, r.newValue)) refuse('changed_since');
  }
  return refusals;
}
