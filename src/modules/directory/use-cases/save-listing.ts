// Saving a structure's listings from the edit forms: through the listing store (per-field history,
// moderation state, freshness) with the audit event in the same transaction.
import type { AuditAction } from '../../../platform/audit/record.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import {
  createPlace,
  createService,
  updatePlace,
  updateService,
  updateStructure,
  type PlaceFields,
  type ServiceFields,
  type StructureFields,
} from '../db/listing-store.ts';
import type { EditingDeps, RequestMeta } from './claim-structure.ts';

/** Who saves: a member of the structure (moderated afterwards) or the département team (not moderated). */
export interface Editor {
  userId: string;
  label: string;
  kind: 'structure' | 'departement';
  meta: RequestMeta;
}

type Entity = 'place' | 'service' | 'structure';

async function audit(tx: Parameters<typeof recordAudit>[0], deps: EditingDeps, editor: Editor, action: AuditAction, entity: Entity, id: string, details: Record<string, unknown>) {
  await recordAudit(tx, {
    at: deps.clock.now(),
    actorId: editor.userId,
    actorLabel: editor.label,
    action,
    subjectType: entity,
    subjectId: id,
    ip: editor.meta.ip,
    requestId: editor.meta.requestId,
    details: { ...details, editorKind: editor.kind, moderation: editor.kind === 'structure' ? 'pending' : 'not_needed' },
  });
}

const actorOf = (e: Editor) => ({ userId: e.userId, kind: e.kind });

export async function createPlaceFor(deps: EditingDeps, editor: Editor, fields: PlaceFields): Promise<string> {
  return inTransaction(deps.db, async (tx) => {
    const id = await createPlace(tx, deps, fields, actorOf(editor));
    await audit(tx, deps, editor, 'directory.place_created', 'place', id, { structureId: fields.structureId ?? null, name: fields.name });
    return id;
  });
}

export async function savePlace(deps: EditingDeps, editor: Editor, id: string, patch: Partial<PlaceFields>): Promise<string[]> {
  return inTransaction(deps.db, async (tx) => {
    const changed = await updatePlace(tx, deps, id, patch, actorOf(editor));
    if (changed.length) await audit(tx, deps, editor, 'directory.place_updated', 'place', id, { fields: changed });
    return changed;
  });
}

export async function createServiceFor(deps: EditingDeps, editor: Editor, fields: ServiceFields): Promise<string> {
  return inTransaction(deps.db, async (tx) => {
    const id = await createService(tx, deps, fields, actorOf(editor));
    await audit(tx, deps, editor, 'directory.service_created', 'service', id, { structureId: fields.structureId, name: fields.name });
    return id;
  });
}

export async function saveService(deps: EditingDeps, editor: Editor, id: string, patch: Partial<ServiceFields>): Promise<string[]> {
  return inTransaction(deps.db, async (tx) => {
    const changed = await updateService(tx, deps, id, patch, actorOf(editor));
    if (changed.length) await audit(tx, deps, editor, 'directory.service_updated', 'service', id, { fields: changed });
    return changed;
  });
}

export async function saveStructure(deps: EditingDeps, editor: Editor, id: string, patch: Partial<StructureFields>): Promise<string[]> {
  return inTransaction(deps.db, async (tx) => {
    const changed = await updateStructure(tx, deps, id, patch, actorOf(editor));
    if (changed.length) await audit(tx, deps, editor, 'directory.structure_updated', 'structure', id, { fields: changed });
    return changed;
  });
}

const updaters = { place: updatePlace, service: updateService, structure: updateStructure } as const;
const updatedAction: Record<Entity, AuditAction> = {
  place: 'directory.place_updated',
  service: 'directory.service_updated',
  structure: 'directory.structure_updated',
};

/** « Ces informations sont toujours exactes »: the listing's date moves to today, nothing else changes. */
export async function confirmListing(deps: EditingDeps, editor: Editor, entity: Entity, id: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    await updaters[entity](tx, deps, id, {}, actorOf(editor), { confirmOnly: true });
    await audit(tx, deps, editor, updatedAction[entity], entity, id, { confirmedUnchanged: true, fields: [] });
  });
}
