import { Hono } from 'hono';
import { recordAudit } from '../../platform/audit/record.ts';
import { searchAudit, type AuditFilters } from '../../platform/audit/search-audit.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import type { FieldError, FormValues } from '../../platform/http/form.ts';
import { allow } from '../../platform/http/guard.ts';
import { pageContext } from '../../platform/http/render.tsx';
import { parisMidnight, parseFrenchDate } from '../../platform/time/paris.ts';
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
  for (const [field, label] of [
    ['du', 'de début'],
    ['au', 'de fin'],
  ] as const) {
    if (!text(field)) continue;
    const d = parseFrenchDate(text(field));
    if (!d) {
      errors.push({ field, message: `La date ${label} doit être une vraie date, par exemple 01/11/2026` });
      continue;
    }
    if (field === 'du') filters.from = parisMidnight(d.year, d.month, d.day);
    else filters.to = parisMidnight(d.year, d.month, d.day + 1);
  }
  if (filters.from && filters.to && filters.from >= filters.to) {
    errors.push({ field: 'au', message: 'La date de fin doit être après la date de début' });
  }
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
