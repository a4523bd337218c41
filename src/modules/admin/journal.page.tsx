import type { AuditRow } from '../../platform/audit/search-audit.ts';
import { errorFor, type FieldError, valueOf, type FormValues } from '../../platform/http/form.ts';
import { formatParisDateTime } from '../../platform/time/paris.ts';
import { Button, ErrorSummary, Input, Pagination, Select, Table } from '../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import { AdminNav } from '../../platform/views/admin-nav.tsx';
import { DayRangeFields } from '../../platform/views/day-range-fields.tsx';
import { auditActionLabels, auditFamilies } from './audit-labels.ts';

export interface JournalPageProps {
  ctx: PageContext;
  values: FormValues;
  errors: FieldError[];
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

function pageHref(values: FormValues, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && v && k !== 'page') q.set(k, v);
  q.set('page', String(page));
  return `/admin/journal?${q.toString()}`;
}

export function JournalPage(p: JournalPageProps) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const action = valueOf(p.values, 'action');
  return (
    <Layout ctx={p.ctx} title="Journal d’audit" hasErrors={p.errors.length > 0}>
      <AdminNav current="/admin/journal" />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Journal d’audit</h1>
      <p class="govuk-body">
        Chaque connexion, chaque changement de droits et chaque consultation du dossier d’une personne y est inscrit. Le journal ne peut être ni
        modifié ni effacé.
      </p>
      <form method="get" action="/admin/journal" novalidate class="relais-filters">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <Select
              id="action"
              name="action"
              label={{ text: 'Type d’évènement' }}
              items={[
                { value: '', text: 'Tous', selected: action === '' },
                ...auditFamilies.map((f) => ({ value: f.value, text: `${f.text} (tous)`, selected: action === f.value })),
                ...Object.entries(auditActionLabels).map(([value, text]) => ({ value, text, selected: action === value })),
              ]}
              errorMessage={errorFor(p.errors, 'action')}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <Input id="acteur" name="acteur" label={{ text: 'Auteur (adresse e-mail ou partie)' }} value={valueOf(p.values, 'acteur')} spellcheck={false} />
          </div>
        </div>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <Input id="objet" name="objet" label={{ text: 'Identifiant de l’objet ou de la personne' }} value={valueOf(p.values, 'objet')} spellcheck={false} />
          </div>
          <DayRangeFields values={p.values} errors={p.errors} />
        </div>
        <Button text="Filtrer" classes="govuk-button--secondary" />
      </form>
      <p class="govuk-body" role="status">
        {p.total === 0 ? 'Aucun évènement ne correspond.' : `${p.total} évènement${p.total > 1 ? 's' : ''}, page ${p.page} sur ${pages}.`}
      </p>
      {p.rows.length ? (
        <Table
          caption="Évènements, du plus récent au plus ancien"
          captionClasses="govuk-visually-hidden"
          classes="relais-table--compact"
          head={[{ text: 'Date' }, { text: 'Évènement' }, { text: 'Auteur' }, { text: 'Objet' }, { text: 'Adresse IP' }]}
          rows={p.rows.map((r) => [
            { text: formatParisDateTime(r.at) },
            { text: auditActionLabels[r.action as keyof typeof auditActionLabels] ?? r.action },
            { text: r.actorLabel },
            { text: [r.subjectType, r.subjectId, r.personId ? `personne ${r.personId}` : null].filter(Boolean).join(' ') || '—' },
            { text: r.ip ?? '—' },
          ])}
        />
      ) : null}
      {pages > 1 ? (
        <Pagination
          previous={p.page > 1 ? { href: pageHref(p.values, p.page - 1) } : undefined}
          next={p.page < pages ? { href: pageHref(p.values, p.page + 1) } : undefined}
          items={[...new Set([1, p.page - 1, p.page, p.page + 1, pages])]
            .filter((n) => n >= 1 && n <= pages)
            .sort((a, b) => a - b)
            .map((n) => ({ number: n, href: pageHref(p.values, n), current: n === p.page }))}
        />
      ) : null}
    </Layout>
  );
}
