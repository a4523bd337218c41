import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { structureMemberEmails } from '../../accounts/index.ts';
import { getService, orientationAttachments, orientations, type ServiceWithStructure } from '../../directory/index.ts';
import type { CheckedAttachment } from '../domain/attachment.ts';
import { expiryFrom, frenchDate, type ContactPreference } from '../domain/orientation.ts';
import type { Actor, OrientationDeps } from './deps.ts';

export interface NewOrientation {
  serviceId: string;
  person: { firstName: string; lastName: string; phone: string | null; email: string | null };
  contactPreference: ContactPreference;
  situation: string;
  attachments: CheckedAttachment[];
  sender: { userId: string; name: string; email: string; structureId: string | null; socialCentreId: string | null };
}

export type CreateOrientationResult =
  | { ok: true; id: string; token: string; recipients: string[] }
  | { ok: false; reason: 'service_not_found' | 'no_recipient' };

/**
 * Where the receiving structure is told: the service's own address, else the structure's, else every member
 * of the structure with an account. Empty: nobody can be told, so the orientation cannot be sent.
 */
export async function orientationRecipients(q: OrientationDeps['db'], service: ServiceWithStructure): Promise<string[]> {
  if (service.email) return [service.email];
  if (service.structure.email) return [service.structure.email];
  return structureMemberEmails(q, service.structure.id);
}

export async function createOrientation(deps: OrientationDeps, actor: Actor, input: NewOrientation): Promise<CreateOrientationResult> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const service = await getService(tx, input.serviceId);
    if (!service || service.status !== 'published') return { ok: false, reason: 'service_not_found' } as const;
    const recipients = await orientationRecipients(tx, service);
    if (recipients.length === 0) return { ok: false, reason: 'no_recipient' } as const;
    const id = deps.ids.uuid();
    // The link is the receiving structure's credential: only its hash is stored, and it dies with the orientation.
    const token = randomToken();
    const expiresAt = expiryFrom(now);
    await tx.insert(orientations).values({
      id,
      serviceId: service.id,
      receiverStructureId: service.structure.id,
      senderUserId: input.sender.userId,
      senderStructureId: input.sender.structureId,
      senderSocialCentreId: input.sender.socialCentreId,
      personFirstName: input.person.firstName,
      personLastName: input.person.lastName,
      personPhone: input.person.phone,
      personEmail: input.person.email,
      contactPreference: input.contactPreference,
      situation: input.situation,
      consentAt: now,
      status: 'open',
      tokenHash: sha256(token),
      expiresAt,
      createdAt: now,
      updatedAt: now,
    });
    if (input.attachments.length) {
      await tx.insert(orientationAttachments).values(
        input.attachments.map((a) => ({
          id: deps.ids.uuid(),
          orientationId: id,
          fileName: a.fileName,
          contentType: a.contentType,
          size: a.size,
          data: Buffer.from(a.bytes),
          createdAt: now,
        })),
      );
    }
    await recordAudit(tx, {
      at: now,
      ...actor,
      action: 'orientation.created',
      subjectType: 'orientation',
      subjectId: id,
      details: { serviceId: service.id, receiverStructureId: service.structure.id, attachments: input.attachments.length, recipients: recipients.length },
    });
    const link = `${deps.config.publicUrl}/orientations/reponse/${token}`;
    // The mail carries no personal data of the person (a mailbox is less protected than Relais): only the link.
    const text = [
      'Bonjour,',
      '',
      `${input.sender.name} (${input.sender.email}) vous oriente une personne pour le service « ${service.name} » de ${service.structure.name}.`,
      '',
      `Pour lire sa demande et y répondre (accepter ou refuser), ouvrez ce lien avant le ${frenchDate(expiresAt)} :`,
      link,
      '',
      'Ce lien suffit pour consulter la demande, sans compte : il donne accès aux données personnelles de la personne. Ne le transférez pas.',
      `Les membres de la structure qui ont un compte Relais retrouvent aussi la demande dans « Orientations reçues » : ${deps.config.publicUrl}/orientations/recues`,
      '',
      'Relais',
    ].join('\n');
    for (const to of recipients) {
      await enqueueMail(tx, { to, subject: `Une personne vous est orientée : ${service.name}`, text }, now);
    }
    return { ok: true, id, token, recipients } as const;
  });
}
