// The edits made by structures, waiting for the team's review: one card per save, newest first, with the
// field-by-field difference and the actions (approve the save, revert it, revert one field).
import { errorFor, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { formatParisDateTime } from '../../../platform/time/paris.ts';
import { Button, ErrorSummary, Input, Pagination, Select, SummaryList, Tag } from '../../../platform/views/components/index.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { DayRangeFields } from '../../../platform/views/day-range-fields.tsx';
import { LISTING_TYPE_LABELS, type ListingType } from '../domain/change-display.ts';
import { displayValue, fieldLabel } from './change-values.ts';
import type { BatchView, ChangeView, ModerationCounts } from '../db/moderation-queries.ts';
import { ModerationLayout, ValueView, type Flash } from './moderation-nav.tsx';

export const EDIT_PATHS: Record<ListingType, (id: string) => string> = {
  place: (id) => `/ma-structure/lieux/${id}/modifier`,
  service: (id) => `/ma-structure/services/${id}/modifier`,
  structure: (id) => `/ma-structure/structure/${id}/modifier`,
};

export const historyPath = (type: ListingType, id: string) => `/admin/annuaire/historique/${type}/${id}`;

const MODERATION_TAGS: Record<ChangeView['moderation'], { text: string; classes: string }> = {
  pending: { text: 'À relire', classes: 'govuk-tag--yellow' },
  approved: { text: 'Validée', classes: 'govuk-tag--green' },
  reverted: { text: 'Annulée', classes: 'govuk-tag--red' },
  not_needed: { text: 'Sans relecture', classes: 'govuk-tag--grey' },
};

const ACTOR_KINDS: Record<string, string> = {
  structure: 'la structure',
  departement: 'l’équipe du département',
  import: 'un import',
  seed: 'les données de démonstration',
};

export function ModerationTag({ state }: { state: ChangeView['moderation'] }) {
  return <Tag text={MODERATION_TAGS[state].text} classes={MODERATION_TAGS[state].classes} />;
}

export function whoText(b: { actorName: string | null; actorEmail: string | null }, kind: string): string {
  const person = b.actorName ? `${b.actorName}${b.actorEmail ? ` (${b.actorEmail})` : ''}` : null;
  return person ? `${person}, pour ${ACTOR_KINDS[kind] ?? kind}` : `Par ${ACTOR_KINDS[kind] ?? kind}`;
}

function HiddenFields({ ctx, back }: { ctx: PageContext; back: string }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
      <input type="hidden" name="retour" value={back} />
    </>
  );
}

/** One save: heading, who and when, the table of its fields, and the actions still possible. */
export function BatchCard({ ctx, batch, back, headingLevel = 2, showListing = true }: { ctx: PageContext; batch: BatchView; back: string; headingLevel?: 2 | 3; showListing?: boolean }) {
  const pending = batch.changes.some((c) => c.moderation === 'pending');
  const revertable = !batch.isCreation && batch.changes.some((c) => c.moderation !== 'reverted');
  const first = batch.changes[0]!;
  const title = showListing ? `${LISTING_TYPE_LABELS[batch.entityType].one} « ${batch.listingName} »` : `Modification du ${formatParisDateTime(batch.changedAt)}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="govuk-summary-card" aria-labelledby={`lot-${batch.batchId}`}>
      <div class="govuk-summary-card__title-wrapper">
        <Heading class="govuk-summary-card__title" id={`lot-${batch.batchId}`}>
          {showListing ? (
            <a class="govuk-link" href={historyPath(batch.entityType, batch.entityId)}>
              {title}
            </a>
          ) : (
            title
          )}
        </Heading>
      </div>
      <div class="govuk-summary-card__content">
        <p class="govuk-body-s">
          {whoText(batch, first.actorKind)}, le {formatParisDateTime(batch.changedAt)}
          {showListing && batch.structureName && batch.entityType !== 'structure' ? <> · structure « {batch.structureName} »</> : null}
          {batch.isCreation ? <> · fiche créée par cette modification</> : null}
        </p>
        <SummaryList
          rows={batch.changes.map((c) => ({
            key: { text: fieldLabel(c.field) },
            value: {
              html: (
                <>
                  <p class="govuk-body-s govuk-!-margin-bottom-1">
                    <strong>Avant :</strong>
                  </p>
                  <div class="govuk-body-s govuk-!-margin-bottom-2">
                    <ValueView lines={displayValue(c.field, c.oldValue)} />
                  </div>
                  <p class="govuk-body-s govuk-!-margin-bottom-1">
                    <strong>Après :</strong>
                  </p>
                  <div class="govuk-body-s govuk-!-margin-bottom-2">
                    <ValueView lines={displayValue(c.field, c.newValue)} />
                  </div>
                  <p class="govuk-body-s govuk-!-margin-bottom-2">
                    <ModerationTag state={c.moderation} />
                    {c.moderatorName && c.moderatedAt ? (
                      <>
                        {' '}
                        {c.moderatorName}, {formatParisDateTime(c.moderatedAt)}
                      </>
                    ) : null}
                  </p>
                  {!batch.isCreation && c.moderation !== 'reverted' ? (
                    <form method="post" action={`/admin/annuaire/modifications/${c.id}/annuler`} novalidate>
                      <HiddenFields ctx={ctx} back={back} />
                      <Button
                        classes="govuk-button--secondary govuk-!-margin-bottom-0"
                        html={
                          <>
                            Annuler<span class="govuk-visually-hidden"> la modification du champ « {fieldLabel(c.field)} »</span>
                          </>
                        }
                      />
                    </form>
                  ) : null}
                </>
              ),
            },
          }))}
        />
        {pending || revertable ? (
          <div class="govuk-button-group">
            {pending ? (
              <form method="post" action={`/admin/annuaire/moderation/${batch.batchId}/valider`} novalidate>
                <HiddenFields ctx={ctx} back={back} />
                <Button
                  classes="govuk-!-margin-bottom-0"
                  html={
                    <>
                      Valider<span class="govuk-visually-hidden"> la modification de « {batch.listingName} »</span>
                    </>
                  }
                />
              </form>
            ) : null}
            {revertable && batch.changes.filter((c) => c.moderation !== 'reverted').length > 1 ? (
              <form method="post" action={`/admin/annuaire/moderation/${batch.batchId}/annuler`} novalidate>
                <HiddenFields ctx={ctx} back={back} />
                <Button
                  classes="govuk-button--warning govuk-!-margin-bottom-0"
                  html={
                    <>
                      Tout annuler<span class="govuk-visually-hidden"> dans la modification de « {batch.listingName} »</span>
                    </>
                  }
                />
              </form>
            ) : null}
            <a class="govuk-link" href={EDIT_PATHS[batch.entityType](batch.entityId)}>
              Modifier la fiche<span class="govuk-visually-hidden"> « {batch.listingName} »</span>
            </a>
          </div>
        ) : null}
      </div>
    </section>
  );
}

export interface QueuePageProps {
  ctx: PageContext;
  counts: ModerationCounts;
  flash?: Flash | undefined;
  values: FormValues;
  errors: FieldError[];
  batches: BatchView[];
  total: number;
  page: number;
  pageSize: number;
}

function pageHref(values: FormValues, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && v && k !== 'page') q.set(k, v);
  q.set('page', String(page));
  return `/admin/annuaire/moderation?${q.toString()}`;
}

export function QueuePage(p: QueuePageProps) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const type = valueOf(p.values, 'type');
  const back = pageHref(p.values, p.page);
  return (
    <ModerationLayout ctx={p.ctx} title="Modifications à relire" current="/admin/annuaire/moderation" counts={p.counts} flash={p.flash} hasErrors={p.errors.length > 0}>
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Modifications à relire</h1>
      <p class="govuk-body">
        Les structures publient leurs modifications tout de suite. Relisez-les : validez-les, ou annulez un champ ou toute la modification pour remettre
        l’ancienne valeur.
      </p>
      <form method="get" action="/admin/annuaire/moderation" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter">
            <Select
              id="type"
              name="type"
              label={{ text: 'Type de fiche' }}
              items={[
                { value: '', text: 'Toutes', selected: type === '' },
                ...(['place', 'service', 'structure'] as const).map((t) => ({ value: t, text: LISTING_TYPE_LABELS[t].many, selected: type === t })),
              ]}
              errorMessage={errorFor(p.errors, 'type')}
            />
          </div>
          <div class="govuk-grid-column-one-quarter">
            <Input id="structure" name="structure" label={{ text: 'Structure (nom ou partie)' }} value={valueOf(p.values, 'structure')} />
          </div>
          <DayRangeFields values={p.values} errors={p.errors} />
        </div>
        <Button text="Filtrer" classes="govuk-button--secondary" />
      </form>
      <p class="govuk-body" role="status">
        {p.total === 0
          ? 'Aucune modification à relire.'
          : `${p.total} modification${p.total > 1 ? 's' : ''} à relire${pages > 1 ? `, page ${p.page} sur ${pages}` : ''}.`}
      </p>
      {p.batches.map((b) => (
        <BatchCard ctx={p.ctx} batch={b} back={back} />
      ))}
      {pages > 1 ? (
        <Pagination
          previous={p.page > 1 ? { href: pageHref(p.values, p.page - 1) } : undefined}
          next={p.page < pages ? { href: pageHref(p.values, p.page + 1) } : undefined}
          items={[...new Set([1, p.page - 1, p.page, p.page + 1, pages])]
            .filter((x) => x >= 1 && x <= pages)
            .sort((a, b) => a - b)
            .map((x) => ({ number: x, href: pageHref(p.values, x), current: x === p.page }))}
        />
      ) : null}
    </ModerationLayout>
  );
}
