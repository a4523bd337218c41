// Who may see a case file. Agents see the case files of the teams they belong to (and decide on them); a
// supervisor of the team may also reopen. Department admins manage procedures and teams but read case files
// only as team members. The filer's and partners' access are checked by their own pages (tracking code in the
// session, resident account, invitation).
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { cases, reviewTeamMembers } from '../db/procedures.table.ts';

export interface TeamMembership {
  teamId: string;
  role: 'reviewer' | 'supervisor';
}

export async function teamsOf(q: Queryable, userId: string): Promise<TeamMembership[]> {
  return q.select({ teamId: reviewTeamMembers.teamId, role: reviewTeamMembers.role }).from(reviewTeamMembers).where(eq(reviewTeamMembers.userId, userId));
}

/** The agent's role on this case file (through its team), or null: then they must get a 404, never the file. */
export async function agentRoleOnCase(q: Queryable, userId: string, caseId: string): Promise<'reviewer' | 'supervisor' | null> {
  const [row] = await q
    .select({ role: reviewTeamMembers.role })
    .from(cases)
    .innerJoin(reviewTeamMembers, and(eq(reviewTeamMembers.teamId, cases.teamId), eq(reviewTeamMembers.userId, userId)))
    .where(and(eq(cases.id, caseId), sql`${cases.state} <> 'draft'`));
  return row?.role ?? null;
}
