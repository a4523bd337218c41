import { and, count, desc, eq, gte, ilike, like, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { escapeLike } from '../db/escape-like.ts';
import { auditEvents } from './audit.table.ts';

export interface AuditFilters {
  /** Exact action (« auth.sign_in ») or a family ending with a dot (« auth. »). */
  action?: string;
  /** Part of the actor's label (their e-mail). */
  actor?: string;
  /** The object concerned (a user id, a case file id…). */
  subjectId?: string;
  /** The person whose file was read or changed. */
  personId?: string;
  /** Inclusive start and exclusive end, as instants. */
  from?: Date;
  to?: Date;
}

export type AuditRow = typeof auditEvents.$inferSelect;

export async function searchAudit(
  q: Queryable,
  filters: AuditFilters,
  page: { number: number; size: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where: SQL[] = [];
  if (filters.action) {
    where.push(filters.action.endsWith('.') ? like(auditEvents.action, `${escapeLike(filters.action)}%`) : eq(auditEvents.action, filters.action));
  }
  if (filters.actor) where.push(ilike(auditEvents.actorLabel, `%${escapeLike(filters.actor)}%`));
  if (filters.subjectId) where.push(eq(auditEvents.subjectId, filters.subjectId));
  if (filters.personId) where.push(eq(auditEvents.personId, filters.personId));
  if (filters.from) where.push(gte(auditEvents.at, filters.from));
  if (filters.to) where.push(lt(auditEvents.at, filters.to));
  const condition = where.length ? and(...where) : undefined;
  const [totalRow] = await q.select({ n: count() }).from(auditEvents).where(condition);
  const rows = await q
    .select()
    .from(auditEvents)
    .where(condition)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(page.size)
    .offset((page.number - 1) * page.size);
  return { rows, total: Number(totalRow?.n ?? 0) };
}
