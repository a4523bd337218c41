// The agents' inbox: the case files of the teams an agent belongs to (never drafts), by tab, filters, full-text
// search and sort, 50 per page. Pages are read with LIMIT 51 (the 51st says whether there is a next page) and
// no total count: on a million case files, counting costs more than the page itself.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import type { CaseState } from '../domain/case-lifecycle.ts';
import { foldAccents } from '../domain/procedure.ts';

export const INBOX_TABS = ['a-traiter', 'mes-dossiers', 'suivis', 'termines', 'tous'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export const INBOX_TAB_LABELS: Readonly<Record<InboxTab, string>> = {
  'a-traiter': 'À traiter',
  'mes-dossiers': 'Mes dossiers',
  suivis: 'Suivis',
  termines: 'Terminés',
  tous: 'Tous',
};
export const INBOX_SORTS = ['depot-recent', 'depot-ancien', 'mise-a-jour'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
export const PAGE_SIZE = 50;

export interface InboxCriteria {
  userId: string;
  tab: InboxTab;
  procedureId?: string | null;
  state?: CaseState | null;
  communeCode?: string | null;
  assigneeId?: string | null;
  labelId?: string | null;
  /** YYYY-MM-DD, Paris days, inclusive. */
  filedFrom?: string | null;
  filedTo?: string | null;
  text?: string | null;
  sort?: InboxSort;
  page?: number;
}

export type InboxRow = {
  id: string;
  number: number;
  created_at: Date;
  state: CaseState;
  filer_name: string | null;
  commune_code: string | null;
  commune_name: string | null;
  procedure_title: string;
  assignee_name: string | null;
  filed_at: Date;
  updated_at: Date;
  labels: Array<{ name: string; colour: string }> | null;
};

const DECIDED = sql`('accepted', 'refused', 'closed_without_action')`;

/** The conditions of a tab and filters (shared by the inbox and the export). */
export function inboxConditions(c: Omit<InboxCriteria, 'sort' | 'page'>): SQL {
  const where: SQL[] = [
    sql`c.state <> 'draft'`,
    sql`c.team_id in (select team_id from review_team_members where user_id = ${c.userId})`,
  ];
  switch (c.tab) {
    case 'a-traiter':
      // New case files, resubmitted corrections, and those in review that nobody has taken.
      where.push(sql`(c.state = 'filed' or (c.state = 'in_review' and c.assignee_id is null))`);
      break;
    case 'mes-dossiers':
      where.push(sql`c.assignee_id = ${c.userId} and c.state not in ${DECIDED}`);
      break;
    case 'suivis':
      where.push(sql`exists (select 1 from case_followers f where f.case_id = c.id and f.user_id = ${c.userId})`);
      break;
    case 'termines':
      where.push(sql`c.state in ${DECIDED}`);
      break;
    case 'tous':
      break;
  }
  if (c.procedureId) where.push(sql`c.procedure_id = ${c.procedureId}`);
  if (c.state) where.push(sql`c.state = ${c.state}`);
  if (c.communeCode) where.push(sql`c.commune_code = ${c.communeCode}`);
  if (c.assigneeId) where.push(c.assigneeId === 'personne' ? sql`c.assignee_id is null` : sql`c.assignee_id = ${c.assigneeId}`);
  if (c.labelId) where.push(sql`exists (select 1 from case_label_links l where l.case_id = c.id and l.label_id = ${c.labelId})`);
  if (c.filedFrom) where.push(sql`c.filed_at >= (${c.filedFrom}::date)::timestamp at time zone 'Europe/Paris'`);
  if (c.filedTo) where.push(sql`c.filed_at < (${c.filedTo}::date + 1)::timestamp at time zone 'Europe/Paris'`);
  const text = (c.text ?? '').trim();
  if (text) {
    const number = /^(?:\d{4}-)?0*(\d{1,12})$/u.exec(text);
    where.push(number ? sql`(c.number = ${Number(number[1])} or c.search @@ websearch_to_tsquery('french', ${foldAccents(text)}))` : sql`c.search @@ websearch_to_tsquery('french', ${foldAccents(text)})`);
  }
  return sql.join(where, sql` and `);
}

export async function searchInbox(q: Queryable, c: InboxCriteria): Promise<{ rows: InboxRow[]; hasNext: boolean; page: number }> {
  const page = Math.max(1, Math.min(200, c.page ?? 1));
  // The same orders as the partial indexes (cases_filed_idx, cases_updated_idx), nulls included, so that
  // PostgreSQL walks them instead of sorting.
  const order =
    c.sort === 'depot-ancien'
      ? sql`c.filed_at asc nulls first, c.number asc nulls first`
      : c.sort === 'mise-a-jour'
        ? sql`c.updated_at desc nulls last, c.number desc nulls last`
        : sql`c.filed_at desc nulls last, c.number desc nulls last`;
  const rows = await queryRows<InboxRow>(
    q,
    sql`select c.id, c.number, c.created_at, c.state, c.filer_name, c.commune_code, m.name as commune_name, v.definition->>'title' as procedure_title,
               u.display_name as assignee_name, c.filed_at, c.updated_at,
               (select json_agg(json_build_object('name', l.name, 'colour', l.colour) order by l.name) from case_label_links ll join case_labels l on l.id = ll.label_id where ll.case_id = c.id) as labels
        from (select * from cases c where ${inboxConditions(c)} order by ${order} limit ${PAGE_SIZE + 1} offset ${(page - 1) * PAGE_SIZE}) c
        join procedure_versions v on v.id = c.version_id
        left join communes m on m.insee = c.commune_code
        left join users u on u.id = c.assignee_id
        order by ${order}`,
  );
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE, page };
}
