// What the département team reads to moderate the directory: the edits waiting for review (grouped by save),
// a listing's whole history, and the counts shown in the area's navigation.
import { and, asc, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/client.ts';
import { escapeLike } from '../../../platform/db/escape-like.ts';
import { queryRows } from '../../../platform/db/client.ts';
import type { ListingType } from '../domain/change-display.ts';
import { errorReports, listingChanges, places, services, structureClaims, structures } from './directory.table.ts';

export type Moderation = (typeof listingChanges.$inferSelect)['moderation'];

export interface ChangeView {
  id: string;
  batchId: string;
  entityType: ListingType;
  entityId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  actorKind: string;
  actorName: string | null;
  actorEmail: string | null;
  changedAt: Date;
  moderation: Moderation;
  moderatorName: string | null;
  moderatedAt: Date | null;
}

export interface BatchView {
  batchId: string;
  entityType: ListingType;
  entityId: string;
  listingName: string;
  structureId: string | null;
  structureName: string | null;
  actorName: string | null;
  actorEmail: string | null;
  changedAt: Date;
  /** The listing was created by this save (its fields had no value before). */
  isCreation: boolean;
  changes: ChangeView[];
}

export interface QueueFilters {
  type?: ListingType;
  /** Part of the structure's name. */
  structure?: string;
  from?: Date;
  to?: Date;
}

const ownStructure = alias(structures, 'own_structure');
const owner = alias(structures, 'owner');

// The listing whatever its type, its owning structure, and the people named (users belong to the accounts
// module: read through sub-selects, never written).
function changeColumns() {
  return {
    id: listingChanges.id,
    batchId: listingChanges.batchId,
    entityType: listingChanges.entityType,
    entityId: listingChanges.entityId,
    field: listingChanges.field,
    oldValue: listingChanges.oldValue,
    newValue: listingChanges.newValue,
    actorKind: listingChanges.actorKind,
    actorName: sql<string | null>`(select u.display_name from users u where u.id = ${listingChanges.actorUserId})`,
    actorEmail: sql<string | null>`(select u.email from users u where u.id = ${listingChanges.actorUserId})`,
    changedAt: listingChanges.changedAt,
    moderation: listingChanges.moderation,
    moderatorName: sql<string | null>`(select u.display_name from users u where u.id = ${listingChanges.moderatedBy})`,
    moderatedAt: listingChanges.moderatedAt,
    listingName: sql<string | null>`coalesce(${places.name}, ${services.name}, ${ownStructure.name})`,
    // The store stamps a created listing and its first history a moment apart (two clock readings): a save
    // within a second of the listing's creation is that creation.
    isCreation: sql<boolean>`coalesce(${places.createdAt}, ${services.createdAt}, ${ownStructure.createdAt}) >= ${listingChanges.changedAt} - interval '1 second'`,
    structureId: owner.id,
    structureName: owner.name,
  };
}

function joined(q: Queryable) {
  return q
    .select(changeColumns())
    .from(listingChanges)
    .leftJoin(places, and(eq(listingChanges.entityType, 'place'), eq(places.id, listingChanges.entityId)))
    .leftJoin(services, and(eq(listingChanges.entityType, 'service'), eq(services.id, listingChanges.entityId)))
    .leftJoin(ownStructure, and(eq(listingChanges.entityType, 'structure'), eq(ownStructure.id, listingChanges.entityId)))
    .leftJoin(owner, eq(owner.id, sql`coalesce(${places.structureId}, ${services.structureId}, ${ownStructure.id})`));
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

function toChange(r: JoinedRow): ChangeView {
  return {
    id: r.id,
    batchId: r.batchId,
    entityType: r.entityType,
    entityId: r.entityId,
    field: r.field,
    oldValue: r.oldValue,
    newValue: r.newValue,
    actorKind: r.actorKind,
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    changedAt: r.changedAt,
    moderation: r.moderation,
    moderatorName: r.moderatorName,
    moderatedAt: r.moderatedAt,
  };
}

function toBatches(rows: JoinedRow[]): BatchView[] {
  const batches = new Map<string, BatchView>();
  for (const r of rows) {
    let b = batches.get(r.batchId);
    if (!b) {
      b = {
        batchId: r.batchId,
        entityType: r.entityType,
        entityId: r.entityId,
        listingName: r.listingName ?? '(fiche supprimée)',
        structureId: r.structureId,
        structureName: r.structureName,
        actorName: r.actorName,
        actorEmail: r.actorEmail,
        changedAt: r.changedAt,
        isCreation: r.isCreation === true,
        changes: [],
      };
      batches.set(r.batchId, b);
    }
    b.changes.push(toChange(r));
  }
  return [...batches.values()];
}

function queueConditions(filters: QueueFilters): SQL[] {
  const where: SQL[] = [eq(listingChanges.moderation, 'pending')];
  if (filters.type) where.push(eq(listingChanges.entityType, filters.type));
  if (filters.from) where.push(gte(listingChanges.changedAt, filters.from));
  if (filters.to) where.push(lt(listingChanges.changedAt, filters.to));
  if (filters.structure) where.push(ilike(owner.name, `%${escapeLike(filters.structure)}%`));
  return where;
}

/** Saves waiting for review, newest first, one page of batches, with the number of batches in all. */
export async function listPendingBatches(
  q: Queryable,
  filters: QueueFilters,
  page: { number: number; size: number },
): Promise<{ batches: BatchView[]; total: number }> {
  const where = and(...queueConditions(filters));
  const heads = await q
    .select({ batchId: listingChanges.batchId, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(listingChanges)
    .leftJoin(places, and(eq(listingChanges.entityType, 'place'), eq(places.id, listingChanges.entityId)))
    .leftJoin(services, and(eq(listingChanges.entityType, 'service'), eq(services.id, listingChanges.entityId)))
    .leftJoin(ownStructure, and(eq(listingChanges.entityType, 'structure'), eq(ownStructure.id, listingChanges.entityId)))
    .leftJoin(owner, eq(owner.id, sql`coalesce(${places.structureId}, ${services.structureId}, ${ownStructure.id})`))
    .where(where)
    .groupBy(listingChanges.batchId)
    .orderBy(desc(sql`max(${listingChanges.changedAt})`), asc(listingChanges.batchId))
    .limit(page.size)
    .offset((page.number - 1) * page.size);
  if (heads.length === 0) return { batches: [], total: 0 };
  const rows = await joined(q)
    .where(and(eq(listingChanges.moderation, 'pending'), inArray(listingChanges.batchId, heads.map((h) => h.batchId))))
    .orderBy(desc(listingChanges.changedAt), asc(listingChanges.batchId), asc(listingChanges.field));
  const byId = new Map(toBatches(rows).map((b) => [b.batchId, b]));
  return { batches: heads.map((h) => byId.get(h.batchId)).filter((b): b is BatchView => !!b), total: heads[0]!.total };
}

/** One batch with all its changes, whatever their moderation state. */
export async function getBatch(q: Queryable, batchId: string): Promise<BatchView | undefined> {
  const rows = await joined(q).where(eq(listingChanges.batchId, batchId)).orderBy(asc(listingChanges.field));
  return toBatches(rows)[0];
}

/** Every change of one listing, newest save first. */
export async function listingHistory(q: Queryable, type: ListingType, id: string): Promise<BatchView[]> {
  const rows = await joined(q)
    .where(and(eq(listingChanges.entityType, type), eq(listingChanges.entityId, id)))
    .orderBy(desc(listingChanges.changedAt), asc(listingChanges.batchId), asc(listingChanges.field));
  return toBatches(rows);
}

export interface ListingHead {
  type: ListingType;
  id: string;
  name: string;
  structureId: string | null;
  structureName: string | null;
  communeName: string | null;
  updatedOn: string | null;
  status: string | null;
}

/** The name and owner of a listing, for the history page's heading. */
export async function findListingHead(q: Queryable, type: ListingType, id: string): Promise<ListingHead | undefined> {
  const [row] =
    type === 'place'
      ? await queryRows<Record<string, unknown>>(
          q,
          sql`select p.name, p.structure_id, s.name as structure_name, p.commune_name, p.updated_on::text as updated_on, p.status
              from places p left join structures s on s.id = p.structure_id where p.id = ${id}`,
        )
      : type === 'service'
        ? await queryRows<Record<string, unknown>>(
            q,
            sql`select v.name, v.structure_id, s.name as structure_name, null as commune_name, v.updated_on::text as updated_on, v.status
                from services v left join structures s on s.id = v.structure_id where v.id = ${id}`,
          )
        : await queryRows<Record<string, unknown>>(
            q,
            sql`select s.name, s.id as structure_id, s.name as structure_name, null as commune_name, s.updated_on::text as updated_on, null as status
                from structures s where s.id = ${id}`,
          );
  if (!row) return undefined;
  return {
    type,
    id,
    name: String(row.name),
    structureId: (row.structure_id as string | null) ?? null,
    structureName: (row.structure_name as string | null) ?? null,
    communeName: (row.commune_name as string | null) ?? null,
    updatedOn: (row.updated_on as string | null) ?? null,
    status: (row.status as string | null) ?? null,
  };
}

export interface ModerationCounts {
  pendingBatches: number;
  openReports: number;
  pendingClaims: number;
}

/** The counts of the area's navigation, in one round trip. */
export async function moderationCounts(q: Queryable): Promise<ModerationCounts> {
  const [row] = await queryRows<{ batches: number; reports: number; claims: number }>(
    q,
    sql`select
          (select count(distinct batch_id)::int from listing_changes where moderation = 'pending') as batches,
          (select count(*)::int from error_reports where status = 'open') as reports,
          (select count(*)::int from structure_claims where status = 'pending') as claims`,
  );
  return { pendingBatches: Number(row?.batches ?? 0), openReports: Number(row?.reports ?? 0), pendingClaims: Number(row?.claims ?? 0) };
}

export interface ErrorReportView {
  id: string;
  placeId: string;
  placeName: string;
  communeName: string;
  message: string;
  reporterEmail: string | null;
  status: 'open' | 'resolved' | 'dismissed';
  createdAt: Date;
}

const reportColumns = {
  id: errorReports.id,
  placeId: errorReports.placeId,
  placeName: places.name,
  communeName: places.communeName,
  message: errorReports.message,
  reporterEmail: errorReports.reporterEmail,
  status: errorReports.status,
  createdAt: errorReports.createdAt,
};

/** Reports not handled yet, oldest first (they have waited longest). */
export async function listOpenErrorReports(q: Queryable, limit = 200): Promise<ErrorReportView[]> {
  return q
    .select(reportColumns)
    .from(errorReports)
    .innerJoin(places, eq(places.id, errorReports.placeId))
    .where(eq(errorReports.status, 'open'))
    .orderBy(asc(errorReports.createdAt), asc(errorReports.id))
    .limit(limit);
}

export async function getErrorReport(q: Queryable, id: string): Promise<ErrorReportView | undefined> {
  const [row] = await q.select(reportColumns).from(errorReports).innerJoin(places, eq(places.id, errorReports.placeId)).where(eq(errorReports.id, id));
  return row;
}

export interface ClaimView {
  id: string;
  structureId: string;
  structureName: string;
  structureSiret: string | null;
  structureWebsite: string | null;
  siret: string;
  message: string | null;
  status: 'pending' | 'approved' | 'rejected';
  userName: string | null;
  userEmail: string | null;
  createdAt: Date;
}

const claimColumns = {
  id: structureClaims.id,
  structureId: structureClaims.structureId,
  structureName: structures.name,
  structureSiret: structures.siret,
  structureWebsite: structures.website,
  siret: structureClaims.siret,
  message: structureClaims.message,
  status: structureClaims.status,
  userName: sql<string | null>`(select u.display_name from users u where u.id = ${structureClaims.userId})`,
  userEmail: sql<string | null>`(select u.email from users u where u.id = ${structureClaims.userId})`,
  createdAt: structureClaims.createdAt,
};

/** Requests to manage a structure waiting for a decision, oldest first. */
export async function listPendingClaims(q: Queryable, limit = 200): Promise<ClaimView[]> {
  return q
    .select(claimColumns)
    .from(structureClaims)
    .innerJoin(structures, eq(structures.id, structureClaims.structureId))
    .where(eq(structureClaims.status, 'pending'))
    .orderBy(asc(structureClaims.createdAt), asc(structureClaims.id))
    .limit(limit);
}

export async function getClaim(q: Queryable, id: string): Promise<ClaimView | undefined> {
  const [row] = await q.select(claimColumns).from(structureClaims).innerJoin(structures, eq(structures.id, structureClaims.structureId)).where(eq(structureClaims.id, id));
  return row;
}

export async function batchIdOfChange(q: Queryable, changeId: string): Promise<string | undefined> {
  const [row] = await q.select({ batchId: listingChanges.batchId }).from(listingChanges).where(eq(listingChanges.id, changeId));
  return row?.batchId;
}
