// Who sets the « aidant habilité » flag: an admin; a centre's manager for the centre's agents; for a structure,
// its referent (the member whose request to manage the structure was approved).
import { sql } from 'drizzle-orm';
import type { Principal } from '../../../platform/http/context.ts';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import type { MandateOwner } from './mandates.ts';

export async function managedOwners(q: Queryable, p: Principal): Promise<MandateOwner[] | 'all'> {
  if (p.kind !== 'staff') return [];
  if (p.roles.some((r) => r.role === 'admin')) return 'all';
  const out: MandateOwner[] = p.roles.filter((r) => r.role === 'centre_manager' && r.socialCentreId).map((r) => ({ kind: 'centre' as const, id: r.socialCentreId! }));
  const structureIds = p.roles.filter((r) => r.role === 'structure_member' && r.structureId).map((r) => r.structureId!);
  if (structureIds.length) {
    const approved = await queryRows<{ structure_id: string }>(
      q,
      sql`select distinct structure_id from structure_claims where user_id = ${p.userId} and status = 'approved' and structure_id in (${sql.join(structureIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
    );
    out.push(...approved.map((a) => ({ kind: 'structure' as const, id: a.structure_id })));
  }
  return out;
}

export type Member = { id: string; name: string; email: string; habilitated: boolean };

/** The people who could be habilitated for the owner (its agents, or its members), with their current flag. */
export async function membersOf(q: Queryable, owner: MandateOwner): Promise<Member[]> {
  const roles = owner.kind === 'centre' ? sql`g.role in ('agent', 'centre_manager') and g.social_centre_id = ${owner.id}` : sql`g.role = 'structure_member' and g.structure_id = ${owner.id}`;
  return queryRows<Member>(
    q,
    sql`select distinct u.id, u.display_name as name, u.email,
          exists (select 1 from aidant_habilitations h where h.user_id = u.id and h.owner_id = ${owner.id} and h.revoked_at is null) as habilitated
        from users u join role_grants g on g.user_id = u.id
        where ${roles} and g.revoked_at is null and u.status = 'active' order by name`,
  );
}
