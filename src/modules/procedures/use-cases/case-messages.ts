// Messages on a case file. The resident's thread (invitationId null) is between the filer and the agents; each
// partner invitation has its own thread between that partner and the agents. A message may carry files; its
// recipients are told (the filer by e-mail, agents through the notify job and their preferences).
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { caseReference } from '../domain/reference.ts';
import { caseMessages, cases } from '../db/procedures.table.ts';
import { storeCaseFile, type NewCaseFile } from './case-files.ts';
import type { CaseActorRef, ProceduresDeps } from './deps.ts';

export const MESSAGE_MAX_LENGTH = 5000;
export const MESSAGE_MAX_FILES = 3;

export type SendMessageResult = { ok: true; messageId: string } | { ok: false; field: 'body' | 'files'; message: string } | { ok: false; field: null; message: string };

export async function sendCaseMessage(
  deps: ProceduresDeps,
  actor: CaseActorRef,
  input: {
    caseId: string;
    authorKind: 'filer' | 'agent' | 'partner';
    invitationId: string | null;
    body: string;
    files: Array<Pick<NewCaseFile, 'name' | 'bytes'>>;
  },
): Promise<SendMessageResult> {
  const body = input.body.trim();
  if (!body) return { ok: false, field: 'body', message: 'Écrivez votre message' };
  if (body.length > MESSAGE_MAX_LENGTH) return { ok: false, field: 'body', message: `Le message doit faire ${MESSAGE_MAX_LENGTH} caractères au plus` };
  if (input.files.length > MESSAGE_MAX_FILES) return { ok: false, field: 'files', message: `Joignez ${MESSAGE_MAX_FILES} fichiers au plus` };
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, input.caseId));
    if (!row || row.state === 'draft' || row.anonymisedAt) return { ok: false, field: null, message: 'Ce dossier n’existe pas' } as const;
    const messageId = deps.ids.uuid();
    await tx.insert(caseMessages).values({ id: messageId, caseId: row.id, invitationId: input.invitationId, authorKind: input.authorKind, authorUserId: actor.userId, body, createdAt: now });
    for (const f of input.files) {
      const stored = await storeCaseFile(deps, tx, { caseId: row.id, purpose: 'message', messageId, invitationId: input.invitationId, name: f.name, bytes: f.bytes, uploadedByUserId: actor.userId });
      // Throwing rolls the message back: a message never goes without the files the person chose.
      if (!stored.ok) throw new MessageFileRefused(stored.message);
    }
    const reference = caseReference(row.number, row.createdAt);
    await recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'case.message_sent',
      subjectType: 'case',
      subjectId: row.id,
      personId: row.filerUserId ?? undefined,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { reference, authorKind: input.authorKind, invitationId: input.invitationId, files: input.files.length },
    });
    if (input.authorKind === 'agent' && input.invitationId === null && row.contactEmail) {
      await enqueueMail(
        tx,
        {
          to: row.contactEmail,
          subject: `Nouveau message sur votre dossier n° ${reference}`,
          text: ['Bonjour,', '', `Vous avez un nouveau message sur votre dossier n° ${reference}.`, '', `Pour le lire et y répondre : ${deps.config.publicUrl}/demarches/suivi`].join('\n'),
        },
        now,
      );
    }
    if (input.authorKind !== 'agent') {
      await enqueueJob(tx, { kind: 'procedures.notify', payload: { caseId: row.id, event: 'message', messageId } }, now);
    }
    return { ok: true, messageId } as const;
  }).catch((e: unknown) => {
    if (e instanceof MessageFileRefused) return { ok: false, field: 'files', message: e.message } as const;
    throw e;
  });
}

class MessageFileRefused extends Error {}
