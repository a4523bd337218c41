// Who is the filer of a case file, as a request sees it: the resident account that filed it, or this browser's
// session when it started the draft here, opened the « reprendre » link, or gave the reference and tracking
// code. Anything else gets a 404 (never a hint that the case file exists).
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { updateSessionData } from '../../../platform/http/session.ts';

const KEY = 'procedureCases';
/** A session remembers at most this many case files (the oldest drop out). */
const MAX_REMEMBERED = 20;

export function sessionCaseIds(c: Context<AppEnv>): string[] {
  const v = c.get('session')?.data?.[KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Lets this browser act as the filer of the case file from now on (until the session ends). */
export async function grantFilerAccess(c: Context<AppEnv>, caseId: string): Promise<void> {
  const ids = [caseId, ...sessionCaseIds(c).filter((id) => id !== caseId)].slice(0, MAX_REMEMBERED);
  await updateSessionData(c, { [KEY]: ids });
}

export function filerMayAccess(c: Context<AppEnv>, row: { id: string; filerUserId: string | null; anonymisedAt?: Date | null }): boolean {
  if (row.anonymisedAt) return false;
  const p = c.get('principal');
  if (row.filerUserId) return p.kind === 'resident' && p.userId === row.filerUserId;
  return sessionCaseIds(c).includes(row.id);
}
