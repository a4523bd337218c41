// Who may edit which listing: members of a structure edit their own structure's listings; the département's
// directory team (directory_moderator) and admins edit any listing. The guards only check roles; these rules
// check the structure of the object.
import type { Context } from 'hono';
import type { AppEnv, Principal } from '../../../platform/http/context.ts';
import { clientIp } from '../../../platform/http/rate-limit.ts';
import type { Editor } from '../use-cases/save-listing.ts';

export const TEAM_ROLES = ['directory_moderator', 'admin'] as const;

export function isDirectoryTeam(p: Principal): boolean {
  return p.kind === 'staff' && p.roles.some((r) => (TEAM_ROLES as readonly string[]).includes(r.role));
}

/** Structures the person is a member of. */
export function memberStructureIds(p: Principal): string[] {
  if (p.kind !== 'staff') return [];
  return [...new Set(p.roles.filter((r) => r.role === 'structure_member' && r.structureId).map((r) => r.structureId!))];
}

export function canEditStructure(p: Principal, structureId: string | null): boolean {
  if (isDirectoryTeam(p)) return true;
  return structureId !== null && memberStructureIds(p).includes(structureId);
}

/** The editor for the history and the journal; the team's edits are not moderated. */
export function editorOf(c: Context<AppEnv>): Editor {
  const p = c.get('principal');
  if (p.kind !== 'staff') throw new Error('editor must be staff');
  return {
    userId: p.userId,
    label: p.email,
    kind: isDirectoryTeam(p) ? 'departement' : 'structure',
    meta: { ip: clientIp(c), requestId: c.get('requestId') ?? null },
  };
}

export function requestMetaOf(c: Context<AppEnv>) {
  return { ip: clientIp(c), requestId: c.get('requestId') ?? null };
}
