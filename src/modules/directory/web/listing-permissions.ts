// Who sees the staff actions on public listings. The pages they lead to check again with their own guards.
import type { Principal } from '../../../platform/http/context.ts';

function staffRoles(p: Principal) {
  return p.kind === 'staff' && p.mfaPassed ? p.roles : [];
}

/** The place's structure's members and the département team (directory moderators, admins) edit a listing. */
export function canEditListing(p: Principal, structureId: string | null): boolean {
  return staffRoles(p).some(
    (r) => r.role === 'admin' || r.role === 'directory_moderator' || (r.role === 'structure_member' && structureId !== null && r.structureId === structureId),
  );
}

/** Agents of the département, structure members and partner agents send people to services (orientations). */
export function canOrient(p: Principal): boolean {
  return staffRoles(p).some((r) => r.role === 'agent' || r.role === 'structure_member' || r.role === 'partner_agent');
}
