// Named queries on orientations. The tables are defined with the directory's (directory.table.ts); only this
// module writes them.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { orientationAttachments, orientations } from '../../directory/index.ts';

export type OrientationRow = typeof orientations.$inferSelect;
export interface AttachmentSummary {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function findOrientation(q: Queryable, id: string): Promise<OrientationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await q.select().from(orientations).where(eq(orientations.id, id));
  return row;
}

export async function findOrientationByTokenHash(q: Queryable, tokenHash: string): Promise<OrientationRow | undefined> {
  const [row] = await q.select().from(orientations).where(eq(orientations.tokenHash, tokenHash));
  return row;
}

export async function listAttachments(q: Queryable, orientationId: string): Promise<AttachmentSummary[]> {
  return q
    .select({
      id: orientationAttachments.id,
      fileName: orientationAttachments.fileName,
      contentType: orientationAttachments.contentType,
      size: orientationAttachments.size,
    })
    .from(orientationAttachments)
    .where(eq(orientationAttachments.orientationId, orientationId))
    .orderBy(asc(orientationAttachments.createdAt), asc(orientationAttachments.fileName));
}

export async function getAttachment(q: Queryable, orientationId: string, attachmentId: string) {
  if (!isUuid(attachmentId)) return undefined;
  const [row] = await q
    .select()
    .from(orientationAttachments)
    .where(and(eq(orientationAttachments.id, attachmentId), eq(orientationAttachments.orientationId, orientationId)));
  return row;
}

// Lists are bounded: a person's working list, not an archive.
const LIST_LIMIT = 500;

export async function listSentBy(q: Queryable, userId: string): Promise<OrientationRow[]> {
  return q.select().from(orientations).where(eq(orientations.senderUserId, userId)).orderBy(desc(orientations.createdAt)).limit(LIST_LIMIT);
}

export async function listReceivedBy(q: Queryable, structureIds: string[]): Promise<OrientationRow[]> {
  if (structureIds.length === 0) return [];
  return q
    .select()
    .from(orientations)
    .where(inArray(orientations.receiverStructureId, structureIds))
    .orderBy(desc(orientations.createdAt))
    .limit(LIST_LIMIT);
}
