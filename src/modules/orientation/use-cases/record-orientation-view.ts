import { recordAudit } from '../../../platform/audit/record.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import type { Actor, OrientationDeps } from './deps.ts';

/** How the reader reached the file: the e-mailed link, or their account as its sender or a receiving member. */
export type ViewedAs = 'link' | 'sender' | 'receiver';

// Reading an orientation is reading a person's file: every view is in the journal.
export async function recordOrientationView(q: Queryable, deps: Pick<OrientationDeps, 'clock'>, actor: Actor, orientationId: string, as: ViewedAs) {
  await recordAudit(q, { at: deps.clock.now(), ...actor, action: 'orientation.viewed', subjectType: 'orientation', subjectId: orientationId, details: { as } });
}

export async function recordAttachmentView(
  q: Queryable,
  deps: Pick<OrientationDeps, 'clock'>,
  actor: Actor,
  orientationId: string,
  attachmentId: string,
  as: ViewedAs,
) {
  await recordAudit(q, {
    at: deps.clock.now(),
    ...actor,
    action: 'orientation.attachment_viewed',
    subjectType: 'orientation',
    subjectId: orientationId,
    details: { attachmentId, as },
  });
}
