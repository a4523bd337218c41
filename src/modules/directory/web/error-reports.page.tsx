// Errors reported by visitors on place pages: the list of open ones, and the page to close one with a note.
import { errorFor, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { formatParisDateTime } from '../../../platform/time/paris.ts';
import { Button, ErrorSummary, Radios, SummaryList, Table, Textarea } from '../../../platform/views/components/index.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import type { ErrorReportView, ModerationCounts } from '../db/moderation-queries.ts';
import { ModerationLayout, ScrollRegion, type Flash } from './moderation-nav.tsx';
import { EDIT_PATHS, historyPath } from './moderation-queue.page.tsx';

export function ErrorReportsPage(p: { ctx: PageContext; counts: ModerationCounts; flash?: Flash | undefined; reports: ErrorReportView[] }) {
  return (
    <ModerationLayout ctx={p.ctx} title="Erreurs signalées" current="/admin/annuaire/signalements" counts={p.counts} flash={p.flash}>
      <h1 class="govuk-heading-l">Erreurs signalées</h1>
      <p class="govuk-body">Les visiteurs signalent une erreur depuis la page d’un lieu. Corrigez la fiche si besoin, puis indiquez ce que vous avez fait.</p>
      {p.reports.length === 0 ? (
        <p class="govuk-body" role="status">
          Aucune erreur signalée en attente.
        </p>
      ) : (
        <ScrollRegion label="Erreurs signalées">
        <Table
          caption={`${p.reports.length} signalement${p.reports.length > 1 ? 's' : ''} à traiter, du plus ancien au plus récent`}
          captionClasses="govuk-table__caption--s"
          head={[{ text: 'Reçu le' }, { text: 'Lieu' }, { text: 'Message' }, { html: <span class="govuk-visually-hidden">Action</span> }]}
          rows={p.reports.map((r) => [
            { text: formatParisDateTime(r.createdAt) },
            {
              html: (
                <>
                  <a class="govuk-link" href={historyPath('place', r.placeId)}>
                    {r.placeName}
                  </a>
                  <span class="govuk-body-s govuk-!-display-block">{r.communeName}</span>
                </>
              ),
            },
            { text: r.message.length > 200 ? `${r.message.slice(0, 200)}…` : r.message },
            {
              html: (
                <a class="govuk-link" href={`/admin/annuaire/signalements/${r.id}`}>
                  Traiter<span class="govuk-visually-hidden"> le signalement sur « {r.placeName} »</span>
                </a>
              ),
            },
          ])}
        />
        </ScrollRegion>
      )}
    </ModerationLayout>
  );
}

export function ErrorReportPage(p: { ctx: PageContext; counts: ModerationCounts; report: ErrorReportView; values: FormValues; errors: FieldError[] }) {
  const r = p.report;
  return (
    <ModerationLayout ctx={p.ctx} title="Traiter une erreur signalée" current="/admin/annuaire/signalements" counts={p.counts} hasErrors={p.errors.length > 0}>
      <a class="govuk-back-link" href="/admin/annuaire/signalements">
        Erreurs signalées
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <h1 class="govuk-heading-l">Erreur signalée sur « {r.placeName} »</h1>
          <SummaryList
            rows={[
              { key: { text: 'Reçue le' }, value: { text: formatParisDateTime(r.createdAt) } },
              { key: { text: "Message" }, value: { text: r.message } },
              { key: { text: 'Adresse e-mail de la personne' }, value: { text: r.reporterEmail ?? 'Non donnée' } },
              {
                key: { text: 'Lieu' },
                value: {
                  html: (
                    <ul class="govuk-list">
                      <li>
                        <a class="govuk-link" href={`/lieux/${r.placeId}`}>
                          Page publique du lieu
                        </a>
                      </li>
                      <li>
                        <a class="govuk-link" href={EDIT_PATHS.place(r.placeId)}>
                          Modifier la fiche
                        </a>
                      </li>
                      <li>
                        <a class="govuk-link" href={historyPath('place', r.placeId)}>
                          Historique de la fiche
                        </a>
                      </li>
                    </ul>
                  ),
                },
              },
            ]}
          />
          {r.status !== 'open' ? (
            <p class="govuk-body">Ce signalement a déjà été traité.</p>
          ) : (
            <form method="post" action={`/admin/annuaire/signalements/${r.id}`} novalidate>
              <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
              <Radios
                name="issue"
                fieldset={{ legend: { text: 'Qu’en avez-vous fait ?', classes: 'govuk-fieldset__legend--m' } }}
                value={valueOf(p.values, 'issue')}
                errorMessage={errorFor(p.errors, 'issue')}
                items={[
                  { value: 'resolved', text: 'Corrigé', hint: { text: 'La fiche a été corrigée, par vous ou par la structure.' } },
                  { value: 'dismissed', text: 'Pas une erreur', hint: { text: 'La fiche était juste, ou le message ne concerne pas la fiche.' } },
                ]}
              />
              <Textarea
                id="note"
                name="note"
                label={{ text: 'Note', classes: 'govuk-label--s' }}
                hint={{ text: 'Ce que vous avez fait ou vérifié. Elle reste dans le journal.' }}
                value={valueOf(p.values, 'note')}
                errorMessage={errorFor(p.errors, 'note')}
              />
              <Button text="Enregistrer" />
            </form>
          )}
        </div>
      </div>
    </ModerationLayout>
  );
}
