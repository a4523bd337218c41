import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { invitations } from '../db/accounts.table.ts';
import { findUserByEmail } from '../db/users.queries.ts';
import type { AccountsDeps, Actor, RequestMeta } from '../deps.ts';
import { noRequest } from '../deps.ts';
import { isPlausibleEmail, normaliseEmail } from '../domain/email.ts';
import { insertRoleGrant, roleScopeProblem, type RoleGrantInput } from './grant-role.ts';

export const INVITATION_VALIDITY_MS = 7 * 24 * 3_600_000;

export type CreateInvitationResult =
  | { ok: true; userId: string; invitationId: string; link: string }
  | { ok: false; errors: { email?: string; displayName?: string; roles?: string } };

/**
 * An admin invites a staff member: the account (status « invited »), its roles, the invitation (token stored
 * hashed, valid 7 days), the audit events and the mail with the link, all in one transaction.
 */
export async function createInvitation(
  deps: AccountsDeps,
  input: {
    email: string;
    displayName: string;
    invitedBy: Actor;
    roles: RoleGrantInput[];
    meta?: RequestMeta;
    /**
     * An invitation for one task rather than a role (a partner asked for an opinion on one case file): the
     * account has no role, and the mail says what it is for.
     */
    purpose?: { subject: string; lines: string[] };
  },
): Promise<CreateInvitationResult> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  const errors: { email?: string; displayName?: string; roles?: string } = {};
  if (!displayName) errors.displayName = 'Saisissez le nom de la personne';
  if (!email) errors.email = 'Saisissez l’adresse e-mail de la personne';
  else if (!isPlausibleEmail(email)) errors.email = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr';
  if (input.roles.length === 0 && !input.purpose) errors.roles = 'Choisissez au moins un rôle';
  const scope = input.roles.map(roleScopeProblem).find(Boolean);
  if (scope) errors.roles = scope;
  if (Object.keys(errors).length) return { ok: false, errors };
  const taken = 'Un compte existe déjà avec cette adresse e-mail';
  if (await findUserByEmail(deps.db, email)) return { ok: false, errors: { email: taken } };

  const now = deps.clock.now();
  const meta = input.meta ?? noRequest;
  const userId = deps.ids.uuid();
  const invitationId = deps.ids.uuid();
  const token = randomToken();
  const link = `${deps.config.publicUrl}/invitation/${token}`;
  const created = await inTransaction(deps.db, async (tx) => {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into users (id, kind, email, display_name, status, created_at)
          values (${userId}, 'staff', ${email}, ${displayName}, 'invited', ${now.toISOString()})
          on conflict do nothing returning id`,
    );
    if (rows.length === 0) return false;
    await tx.insert(invitations).values({
      id: invitationId,
      userId,
      tokenHash: sha256(token),
      invitedBy: input.invitedBy.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
    });
    await recordAudit(tx, {
      at: now,
      actorId: input.invitedBy.id,
      actorLabel: input.invitedBy.label,
      action: 'account.invited',
      subjectType: 'user',
      subjectId: userId,
      ip: meta.ip,
      requestId: meta.requestId,
      details: { email, displayName, roles: input.roles.map((r) => r.role) },
    });
    for (const grant of input.roles) {
      await insertRoleGrant(tx, deps, { userId, userEmail: email, grant, by: input.invitedBy, meta });
    }
    await enqueueMail(
      tx,
      {
        to: email,
        subject: input.purpose?.subject ?? 'Votre accès à Relais',
        text: [
          `Bonjour ${displayName},`,
          '',
          ...(input.purpose ? [...input.purpose.lines, ''] : []),
          `${input.invitedBy.label} vous a créé un accès professionnel à Relais.`,
          'Pour l’activer, ouvrez ce lien dans les 7 jours et choisissez votre mot de passe :',
          '',
          link,
          '',
          'Vous configurerez ensuite la double authentification avec une application sur votre téléphone.',
          'Si vous ne vous attendiez pas à ce message, ignorez-le.',
        ].join('\n'),
      },
      now,
    );
    return true;
  });
  if (!created) return { ok: false, errors: { email: taken } };
  return { ok: true, userId, invitationId, link };
}
