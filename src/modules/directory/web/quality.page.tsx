// The quality dashboard: how much of the directory is up to date and complete, per type of listing, each
// figure linking to the listings behind it.
import { Button, Input, Pagination, Table } from '../../../platform/views/components/index.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { LISTING_TYPE_LABELS, type ListingType } from '../domain/change-display.ts';
import type { ModerationCounts } from '../db/moderation-queries.ts';
import { QUALITY_FILTER_LABELS, QUALITY_FILTERS, type QualityFigures, type QualityFilter, type QualityListItem } from '../db/quality-queries.ts';
import { ModerationLayout, ScrollRegion } from './moderation-nav.tsx';
import { EDIT_PATHS, historyPath } from './moderation-queue.page.tsx';

const percent = (part: number, total: number) => (total === 0 ? '—' : `${Math.round((part / total) * 100)} %`);
const listHref = (type: ListingType, filter: QualityFilter) => `/admin/annuaire/fiches?type=${type}&filtre=${filter}`;


export function QualityPage(p: { ctx: PageContext; counts: ModerationCounts; figures: QualityFigures[]; today: string }) {
  const shown = QUALITY_FILTERS.filter((f) => f !== 'perimees');
  const noEditor = p.figures.reduce((n, f) => n + (f.counts['sans-editeur'] ?? 0), 0);
  return (
    <ModerationLayout ctx={p.ctx} title="Annuaire : qualité des fiches" current="/admin/annuaire" counts={p.counts}>
      <h1 class="govuk-heading-l">Qualité des fiches de l’annuaire</h1>
      <p class="govuk-body">
        Une fiche est à jour quand elle a été confirmée depuis moins longtemps que sa fréquence de mise à jour. Seules les fiches publiées sont comptées
        (les structures, toutes).
      </p>
      {p.counts.pendingBatches + p.counts.openReports + p.counts.pendingClaims > 0 ? (
        <div class="govuk-inset-text">
          À traiter :{' '}
          <a class="govuk-link" href="/admin/annuaire/moderation">
            {p.counts.pendingBatches} modification{p.counts.pendingBatches > 1 ? 's' : ''} à relire
          </a>
          ,{' '}
          <a class="govuk-link" href="/admin/annuaire/signalements">
            {p.counts.openReports} erreur{p.counts.openReports > 1 ? 's' : ''} signalée{p.counts.openReports > 1 ? 's' : ''}
          </a>{' '}
          et{' '}
          <a class="govuk-link" href="/admin/annuaire/demandes">
            {p.counts.pendingClaims} demande{p.counts.pendingClaims > 1 ? 's' : ''} de gestion
          </a>
          .
        </div>
      ) : null}
      <ScrollRegion label="Fiches par type">
      <Table
        caption="Fiches par type"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[{ text: 'Indicateur' }, ...p.figures.map((f) => ({ text: LISTING_TYPE_LABELS[f.type].many, format: 'numeric' as const }))]}
        rows={[
          [{ text: 'Fiches' }, ...p.figures.map((f) => ({ text: f.total.toLocaleString('fr-FR'), format: 'numeric' as const }))],
          ...shown.map((filter) => [
            { text: QUALITY_FILTER_LABELS[filter] },
            ...p.figures.map((f) => {
              const count = f.counts[filter];
              if (count === null) return { html: <>—<span class="govuk-visually-hidden"> sans objet</span></>, format: "numeric" as const };
              const share = percent(count, f.total);
              return {
                format: 'numeric' as const,
                html: (
                  <a class="govuk-link" href={listHref(f.type, filter)}>
                    {count.toLocaleString('fr-FR')}
                    <span class="govuk-visually-hidden">
                      {' '}
                      {LISTING_TYPE_LABELS[f.type].many.toLowerCase()} : {QUALITY_FILTER_LABELS[filter].toLowerCase()}
                    </span>{' '}
                    ({share})
                  </a>
                ),
              };
            }),
          ]),
        ]}
      />
      </ScrollRegion>
      <p class="govuk-body-s">
        Les parts sont calculées sur le nombre de fiches de chaque type. « — » : sans objet (les horaires et les coordonnées sont ceux des lieux).
      </p>
      <h2 class="govuk-heading-m">Fiches sans éditeur</h2>
      <p class="govuk-body">
        {noEditor === 0
          ? 'Chaque fiche a au moins une personne de sa structure pour la tenir à jour.'
          : `${noEditor.toLocaleString('fr-FR')} fiche${noEditor > 1 ? 's n’ont' : ' n’a'} personne de leur structure pour les tenir à jour : l’équipe annuaire s’en charge, ou invite la structure à demander la gestion de ses fiches.`}
      </p>
      <ul class="govuk-list">
        {p.figures.map((f) => (
          <li>
            <a class="govuk-link" href={listHref(f.type, 'sans-editeur')}>
              {LISTING_TYPE_LABELS[f.type].many} sans éditeur ({(f.counts['sans-editeur'] ?? 0).toLocaleString('fr-FR')})
            </a>
          </li>
        ))}
        {p.figures.map((f) => (
          <li>
            <a class="govuk-link" href={listHref(f.type, 'perimees')}>
              {LISTING_TYPE_LABELS[f.type].many} à mettre à jour ({(f.counts.perimees ?? 0).toLocaleString('fr-FR')})
            </a>
          </li>
        ))}
      </ul>
    </ModerationLayout>
  );
}

const EDITOR_KINDS: Record<string, string> = { structure: 'La structure', departement: 'Le département', import: 'Import', seed: 'Démonstration' };
const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function QualityListPage(p: {
  ctx: PageContext;
  counts: ModerationCounts;
  type: ListingType;
  filter: QualityFilter;
  text: string;
  items: QualityListItem[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const href = (n: number) => `/admin/annuaire/fiches?type=${p.type}&filtre=${p.filter}${p.text ? `&q=${encodeURIComponent(p.text)}` : ''}&page=${n}`;
  const title = `${LISTING_TYPE_LABELS[p.type].many} : ${QUALITY_FILTER_LABELS[p.filter].toLowerCase()}`;
  return (
    <ModerationLayout ctx={p.ctx} title={title} current="/admin/annuaire" counts={p.counts}>
      <a class="govuk-back-link" href="/admin/annuaire">
        Qualité des fiches
      </a>
      <h1 class="govuk-heading-l">{title}</h1>
      <form method="get" action="/admin/annuaire/fiches" novalidate>
        <input type="hidden" name="type" value={p.type} />
        <input type="hidden" name="filtre" value={p.filter} />
        <Input id="q" name="q" label={{ text: 'Nom de la fiche (ou partie)' }} value={p.text} classes="govuk-!-width-two-thirds" />
        <Button text="Rechercher" classes="govuk-button--secondary" />
      </form>
      <p class="govuk-body" role="status">
        {p.total === 0 ? 'Aucune fiche.' : `${p.total.toLocaleString('fr-FR')} fiche${p.total > 1 ? 's' : ''}${pages > 1 ? `, page ${p.page} sur ${pages}` : ''}.`}
      </p>
      {p.items.length ? (
        <ScrollRegion label={title}>
        <Table
          caption={title}
          captionClasses="govuk-visually-hidden"
          head={[
            { text: 'Fiche' },
            { text: p.type === 'structure' ? 'Commune' : 'Structure' },
            { text: 'Mise à jour' },
            { text: 'Par' },
            { html: <span class="govuk-visually-hidden">Actions</span> },
          ]}
          rows={p.items.map((i) => [
            {
              html: (
                <a class="govuk-link" href={historyPath(p.type, i.id)}>
                  {i.name}
                </a>
              ),
            },
            { text: p.type === 'structure' ? (i.commune ?? '—') : [i.structureName, i.commune].filter(Boolean).join(', ') || 'Aucune' },
            { text: i.updatedOn ? frenchDate(i.updatedOn) : 'Jamais' },
            { text: i.lastEditorKind ? (EDITOR_KINDS[i.lastEditorKind] ?? i.lastEditorKind) : '—' },
            {
              html: (
                <a class="govuk-link" href={EDIT_PATHS[p.type](i.id)}>
                  Modifier<span class="govuk-visually-hidden"> « {i.name} »</span>
                </a>
              ),
            },
          ])}
        />
        </ScrollRegion>
      ) : null}
      {pages > 1 ? (
        <Pagination
          previous={p.page > 1 ? { href: href(p.page - 1) } : undefined}
          next={p.page < pages ? { href: href(p.page + 1) } : undefined}
          items={[...new Set([1, p.page - 1, p.page, p.page + 1, pages])]
            .filter((x) => x >= 1 && x <= pages)
            .sort((a, b) => a - b)
            .map((x) => ({ number: x, href: href(x), current: x === p.page }))}
        />
      ) : null}
    </ModerationLayout>
  );
}
