import { Hono } from 'hono';
import { recordAudit } from '../../platform/audit/record.ts';
import { searchAudit, type AuditFilters } from '../../platform/audit/search-audit.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import type { FieldError, FormValues } from '../../platform/http/form.ts';
import { allow } from '../../platform/http/guard.ts';
import { pageContext } from '../../platform/http/render.tsx';
import { parseDayRange } from '../../platform/http/day-range.ts';
import { actorOf, requestMetaOf } from './actor.ts';
import { JournalPage } from './journal.page.tsx';

const PAGE_SIZE = 50;

export const journalRoutes = new Hono<AppEnv>();

/** Reads the filters of the query string; dates are days in Paris time, « au » is inclusive. */
export function parseJournalFilters(values: FormValues): { filters: AuditFilters; errors: FieldError[] } {
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string).trim() : '');
  const errors: FieldError[] = [];
  const filters: AuditFilters = {};
  if (text('action')) filters.action = text('action');
  if (text('acteur')) filters.actor = text('acteur');
  if (text('objet')) filters.subjectId = text('objet');
  const range = parseDayRange(values);
  if (range.from) filters.from = range.from;
  if (range.to) filters.to = range.to;
  errors.push(...range.errors);
  return { filters, errors };
}

journalRoutes.get('/admin/journal', allow.staff('admin'), async (c) => {
  const deps = c.get('deps');
  const values = c.req.query();
  const { filters, errors } = parseJournalFilters(values);
  const page = Math.max(1, Number.parseInt(values.page ?? '1', 10) || 1);
  const ctx = await pageContext(c);
  if (errors.length) {
    return c.html(<JournalPage ctx={ctx} values={values} errors={errors} rows={[]} total={0} page={1} pageSize={PAGE_SIZE} />, 422);
  }
  const { rows, total } = await searchAudit(deps.db, filters, { number: page, size: PAGE_SIZE });
  // Reading the journal is itself journaled: who looked, with which filters.
  await recordAudit(deps.db, {
    at: deps.clock.now(),
    ...actorOf(c),
    action: 'audit.viewed',
    ...requestMetaOf(c),
    details: { filters: values },
  });
  return c.html(<JournalPage ctx={ctx} values={values} errors={[]} rows={rows} total={total} page={page} pageSize={PAGE_SIZE} />);
});
