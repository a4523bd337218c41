// The one write path of the directory: every creation and edit of a structure, place or service goes
// through here, so that the per-field history (listing_changes), the derived opening-hours columns and the
// freshness fields are always kept together. Callers own the transaction and the audit event.
import { eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../../platform/clock.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { closedOnPublicHolidays, parseOpeningHours, weeklyOpenMinutes } from '../../../platform/time/opening-hours.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { listingChanges, places, services, structures, type EditorKind } from './directory.table.ts';

export type PlaceRow = typeof places.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type StructureRow = typeof structures.$inferSelect;

/** What a caller may set on a place; ids, stamps and derived columns are the store's. */
export type PlaceFields = Omit<
  typeof places.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'openWeek' | 'closedOnPublicHolidays' | 'lastEditorKind' | 'updatedOn'
> & { updatedOn?: string };
export type ServiceFields = Omit<typeof services.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'lastEditorKind' | 'updatedOn'> & {
  updatedOn?: string;
};
export type StructureFields = Omit<typeof structures.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'lastEditorKind' | 'updatedOn'> & {
  updatedOn?: string;
};

export interface Actor {
  userId: string | null;
  kind: EditorKind;
}

export interface StoreDeps {
  clock: Clock;
  ids: IdGenerator;
}

const tables = { place: places, service: services, structure: structures } as const;
type EntityType = keyof typeof tables;

// Columns that are bookkeeping, not information a person edits: never in the history.
const NOT_HISTORY = new Set(['id', 'createdAt', 'updatedAt', 'openWeek', 'closedOnPublicHolidays', 'lastEditorKind', 'updatedOn']);

/** Multirange literal of the minutes of the week a place is open; null when the hours are unknown. */
export function openWeekLiteral(openingHours: string | null | undefined): { openWeek: string | null; closedOnPublicHolidays: boolean } {
  if (!openingHours) return { openWeek: null, closedOnPublicHolidays: false };
  const parsed = parseOpeningHours(openingHours);
  if (!parsed.ok) return { openWeek: null, closedOnPublicHolidays: false };
  const ranges = weeklyOpenMinutes(parsed);
  return { openWeek: `{${ranges.map(([a, b]) => `[${a},${b})`).join(',')}}`, closedOnPublicHolidays: closedOnPublicHolidays(parsed) };
}

// Edits by a structure are published at once and wait for a-posteriori moderation; the others do not.
function moderationFor(actor: Actor): 'pending' | 'not_needed' {
  return actor.kind === 'structure' ? 'pending' : 'not_needed';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function writeHistory(
  q: Queryable,
  deps: StoreDeps,
  entityType: EntityType,
  entityId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actor: Actor,
  now: Date,
): Promise<string[]> {
  const batchId = deps.ids.uuid();
  const fields = Object.keys(after).filter((k) => !NOT_HISTORY.has(k) && after[k] !== undefined && !same(before[k], after[k]));
  if (fields.length === 0) return [];
  await q.insert(listingChanges).values(
    fields.map((field) => ({
      id: deps.ids.uuid(),
      entityType,
      entityId,
      batchId,
      field,
      oldValue: (before[field] ?? null) as unknown,
      newValue: (after[field] ?? null) as unknown,
      actorUserId: actor.userId,
      actorKind: actor.kind,
      changedAt: now,
      moderation: moderationFor(actor),
    })),
  );
  return fields;
}

function derived(entityType: EntityType, values: Record<string, unknown>): Record<string, unknown> {
  return entityType === 'place' && 'openingHours' in values ? openWeekLiteral(values.openingHours as string | null) : {};
}

async function create(q: Queryable, deps: StoreDeps, entityType: EntityType, fields: Record<string, unknown>, actor: Actor): Promise<string> {
  const now = deps.clock.now();
  const id = deps.ids.uuid();
  const table = tables[entityType];
  const values = {
    ...fields,
    ...derived(entityType, fields),
    id,
    updatedOn: (fields.updatedOn as string | undefined) ?? parisToday(now),
    lastEditorKind: actor.kind,
    createdAt: now,
    updatedAt: now,
  };
  await q.insert(table).values(values as never);
  // A listing created by a structure is moderated like an edit: every field it filled in is in the history.
  await writeHistory(q, deps, entityType, id, {}, fields, actor, now);
  return id;
}

/**
 * Applies the fields that differ, records one history row per changed field, refreshes `updated_on` and the
 * last editor. Returns the names of the changed fields (empty: nothing written). Throws if the id is unknown.
 */
async function update(
  q: Queryable,
  deps: StoreDeps,
  entityType: EntityType,
  id: string,
  patch: Record<string, unknown>,
  actor: Actor,
  options: { confirmOnly?: boolean } = {},
): Promise<string[]> {
  const table = tables[entityType];
  const [before] = await q.select().from(table).where(eq(table.id, id)).for('update');
  if (!before) throw new Error(`${entityType} ${id} not found`);
  // One moment for the whole save: the listing's stamps and its history rows agree exactly.
  const now = deps.clock.now();
  const changed = await writeHistory(q, deps, entityType, id, before as Record<string, unknown>, patch, actor, now);
  // « Ces informations sont à jour » confirms a listing without changing it: only its date moves.
  if (changed.length === 0 && !options.confirmOnly) return [];
  const set: Record<string, unknown> = { updatedAt: now, lastEditorKind: actor.kind, updatedOn: (patch.updatedOn as string | undefined) ?? parisToday(now) };
  for (const f of changed) set[f] = patch[f];
  Object.assign(set, derived(entityType, Object.fromEntries(changed.map((f) => [f, patch[f]]))));
  await q.update(table).set(set as never).where(eq(table.id, id));
  return changed;
}

export const createPlace = (q: Queryable, deps: StoreDeps, fields: PlaceFields, actor: Actor) => create(q, deps, 'place', fields, actor);
export const createService = (q: Queryable, deps: StoreDeps, fields: ServiceFields, actor: Actor) => create(q, deps, 'service', fields, actor);
export const createStructure = (q: Queryable, deps: StoreDeps, fields: StructureFields, actor: Actor) =>
  create(q, deps, 'structure', fields, actor);

export const updatePlace = (q: Queryable, deps: StoreDeps, id: string, patch: Partial<PlaceFields>, actor: Actor, options?: { confirmOnly?: boolean }) =>
  update(q, deps, 'place', id, patch, actor, options);
export const updateService = (
  q: Queryable,
  deps: StoreDeps,
  id: string,
  patch: Partial<ServiceFields>,
  actor: Actor,
  options?: { confirmOnly?: boolean },
) => update(q, deps, 'service', id, patch, actor, options);
export const updateStructure = (
  q: Queryable,
  deps: StoreDeps,
  id: string,
  patch: Partial<StructureFields>,
  actor: Actor,
  options?: { confirmOnly?: boolean },
) => update(q, deps, 'structure', id, patch, actor, options);

/** For moderation's revert: put one field back to a value, recorded as the département's own change. */
export async function setListingField(
  q: Queryable,
  deps: StoreDeps,
  entityType: EntityType,
  id: string,
  field: string,
  value: unknown,
  actor: Actor,
): Promise<string[]> {
  return update(q, deps, entityType, id, { [field]: value }, actor);
}
