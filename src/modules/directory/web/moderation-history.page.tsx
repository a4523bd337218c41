// A listing's whole history: every save, by whom, with each field's moderation state and the revert still
// possible from here.
import { SummaryList } from '../../../platform/views/components/index.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { LISTING_TYPE_LABELS } from '../domain/change-display.ts';
import type { BatchView, ListingHead, ModerationCounts } from '../db/moderation-queries.ts';
import { ModerationLayout, type Flash } from './moderation-nav.tsx';
import { BatchCard, EDIT_PATHS, historyPath } from './moderation-queue.page.tsx';

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function HistoryPage(p: { ctx: PageContext; counts: ModerationCounts; flash?: Flash | undefined; listing: ListingHead; batches: BatchView[] }) {
  const { listing } = p;
  const back = historyPath(listing.type, listing.id);
  return (
    <ModerationLayout ctx={p.ctx} title={`Historique de « ${listing.name} »`} current="/admin/annuaire/moderation" counts={p.counts} flash={p.flash}>
      <span class="govuk-caption-l">Historique · {LISTING_TYPE_LABELS[listing.type].one}</span>
      <h1 class="govuk-heading-l">{listing.name}</h1>
      <SummaryList
        rows={[
          listing.type !== 'structure' && listing.structureName
            ? {
                key: { text: 'Structure' },
                value: {
                  html: listing.structureId ? (
                    <a class="govuk-link" href={historyPath('structure', listing.structureId)}>
                      {listing.structureName}
                    </a>
                  ) : (
                    listing.structureName
                  ),
                },
              }
            : null,
          listing.communeName ? { key: { text: 'Commune' }, value: { text: listing.communeName } } : null,
          { key: { text: 'Dernière mise à jour' }, value: { text: listing.updatedOn ? frenchDate(listing.updatedOn) : 'Jamais confirmée' } },
          listing.status ? { key: { text: 'Publication' }, value: { text: listing.status === 'published' ? 'Publiée' : 'Masquée' } } : null,
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={EDIT_PATHS[listing.type](listing.id)}>
          Modifier la fiche
        </a>
        {listing.type === 'place' ? (
          <>
            {' · '}
            <a class="govuk-link" href={`/lieux/${listing.id}`}>
              Voir la page publique
            </a>
          </>
        ) : null}
      </p>
      <h2 class="govuk-heading-m">Modifications</h2>
      {p.batches.length === 0 ? <p class="govuk-body">Aucune modification enregistrée depuis la création de la fiche.</p> : null}
      {p.batches.map((b) => (
        <BatchCard ctx={p.ctx} batch={b} back={back} headingLevel={3} showListing={false} />
      ))}
    </ModerationLayout>
  );
}
