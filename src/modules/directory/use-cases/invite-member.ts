// A structure member invites a colleague to manage the structure's listings with them.
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { createInvitation, findUserByEmail, grantRole, isPlausibleEmail, listStructureMembers, normaliseEmail } from '../../accounts/index.ts';
import type { EditingDeps, RequestMeta } from './claim-structure.ts';

export type InviteResult =
  | { ok: true; kind: 'invited' | 'added'; email: string }
  | { ok: false; errors: { email?: string; displayName?: string } };

export async function inviteStructureMember(
  deps: EditingDeps,
  input: { structure: { id: string; name: string }; email: string; displayName: string; by: { id: string; label: string }; meta: RequestMeta },
): Promise<InviteResult> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim().replace(/\s+/gu, ' ');
  const errors: { email?: string; displayName?: string } = {};
  if (!displayName) errors.displayName = 'Saisissez le nom de votre collègue';
  else if (displayName.length > 100) errors.displayName = 'Le nom doit faire 100 caractères au plus';
  if (!email) errors.email = 'Saisissez l’adresse e-mail de votre collègue';
  else if (!isPlausibleEmail(email)) errors.email = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr';
  if (errors.email || errors.displayName) return { ok: false, errors };

  const members = await listStructureMembers(deps.db, input.structure.id);
  if (members.some((m) => m.email.toLowerCase() === email)) {
    return { ok: false, errors: { email: `Cette personne est déjà membre de « ${input.structure.name} »` } };
  }
  const existing = await findUserByEmail(deps.db, email);
  if (existing && existing.kind !== 'staff') {
    return {
      ok: false,
      errors: { email: 'Cette adresse est celle d’un compte personnel d’usager : invitez votre collègue avec son adresse professionnelle' },
    };
  }
  const now = deps.clock.now();
  const auditInvite = (tx: Parameters<typeof recordAudit>[0], userId: string, kind: 'invited' | 'added') =>
    recordAudit(tx, {
      at: now,
      actorId: input.by.id,
      actorLabel: input.by.label,
      action: 'directory.member_invited',
      subjectType: 'structure',
      subjectId: input.structure.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { email, userId, kind, structure: input.structure.name },
    });
  return inTransaction(deps.db, async (tx) => {
    const txDeps = { ...deps, db: tx };
    if (existing) {
      // A professional account already exists (a colleague working for another structure, an agent…): they get
      // the role at once and are told by mail.
      const granted = await grantRole(txDeps, { userId: existing.id, grant: { role: 'structure_member', structureId: input.structure.id }, by: input.by, meta: input.meta });
      if (!granted.ok) return { ok: false as const, errors: { email: 'Cette personne ne peut pas être ajoutée : écrivez à l’équipe annuaire du département' } };
      await auditInvite(tx, existing.id, 'added');
      await enqueueMail(
        tx,
        {
          to: email,
          subject: `Vous pouvez modifier les informations de « ${input.structure.name} »`,
          text: [
            `Bonjour ${existing.displayName},`,
            '',
            `${input.by.label} vous a ajouté(e) aux personnes qui tiennent à jour les informations de « ${input.structure.name} » dans l’annuaire.`,
            `Connectez-vous à Relais puis ouvrez « Ma structure » : ${deps.config.publicUrl}/ma-structure`,
          ].join('\n'),
        },
        now,
      );
      return { ok: true as const, kind: 'added' as const, email };
    }
    const created = await createInvitation(txDeps, {
      email,
      displayName,
      invitedBy: input.by,
      roles: [{ role: 'structure_member', structureId: input.structure.id }],
      meta: input.meta,
    });
    if (!created.ok) return { ok: false as const, errors: created.errors };
    await auditInvite(tx, created.userId, 'invited');
    return { ok: true as const, kind: 'invited' as const, email };
  });
}
