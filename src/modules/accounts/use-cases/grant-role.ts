import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { RoleScope } from '../../../platform/http/context.ts';
import { roleGrants } from '../db/accounts.table.ts';
import { findUserById } from '../db/users.queries.ts';
import type { AccountsDeps, Actor, RequestMeta } from '../deps.ts';
import { noRequest } from '../deps.ts';

/** A role to give; omitted codes mean the whole département. */
export interface RoleGrantInput {
  role: RoleScope['role'];
  socialCentreId?: string | null;
  structureId?: string | null;
  communeCodes?: string[];
  epciCodes?: string[];
}

export type GrantRoleResult = { ok: true; grantId: string } | { ok: false; reason: 'unknown_user' | 'not_staff' | 'scope' };

/** Scope rules of a role: a structure member and a partner agent belong to a structure. */
export function roleScopeProblem(grant: RoleGrantInput): string | null {
  if ((grant.role === 'structure_member' || grant.role === 'partner_agent') && !grant.structureId) {
    return 'Choisissez la structure de cette personne';
  }
  return null;
}

export async function insertRoleGrant(
  tx: Tx,
  deps: Pick<AccountsDeps, 'clock' | 'ids'>,
  input: { userId: string; userEmail: string; grant: RoleGrantInput; by: Actor; meta: RequestMeta },
): Promise<string> {
  const now = deps.clock.now();
  const id = deps.ids.uuid();
  const g = input.grant;
  await tx.insert(roleGrants).values({
    id,
    userId: input.userId,
    role: g.role,
    socialCentreId: g.socialCentreId ?? null,
    structureId: g.structureId ?? null,
    communeCodes: g.communeCodes ?? [],
    epciCodes: g.epciCodes ?? [],
    grantedBy: input.by.id,
    grantedAt: now,
  });
  await recordAudit(tx, {
    at: now,
    actorId: input.by.id,
    actorLabel: input.by.label,
    action: 'role.granted',
    subjectType: 'user',
    subjectId: input.userId,
    ip: input.meta.ip,
    requestId: input.meta.requestId,
    details: {
      grantId: id,
      user: input.userEmail,
      role: g.role,
      socialCentreId: g.socialCentreId ?? null,
      structureId: g.structureId ?? null,
      communeCodes: g.communeCodes ?? [],
      epciCodes: g.epciCodes ?? [],
    },
  });
  return id;
}

export async function grantRole(
  deps: AccountsDeps,
  input: { userId: string; grant: RoleGrantInput; by: Actor; meta?: RequestMeta },
): Promise<GrantRoleResult> {
  if (roleScopeProblem(input.grant)) return { ok: false, reason: 'scope' };
  const user = await findUserById(deps.db, input.userId);
  if (!user) return { ok: false, reason: 'unknown_user' };
  if (user.kind !== 'staff') return { ok: false, reason: 'not_staff' };
  const grantId = await inTransaction(deps.db, (tx) =>
    insertRoleGrant(tx, deps, { userId: user.id, userEmail: user.email, grant: input.grant, by: input.by, meta: input.meta ?? noRequest }),
  );
  return { ok: true, grantId };
}
