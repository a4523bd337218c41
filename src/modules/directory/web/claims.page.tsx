// Requests of people to manage a structure's listings: the list waiting for a decision, and the decision page.
import { errorFor, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { formatParisDateTime } from '../../../platform/time/paris.ts';
import { Button, ErrorSummary, Radios, SummaryList, Table, Textarea } from '../../../platform/views/components/index.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import type { ClaimView, ModerationCounts } from '../db/moderation-queries.ts';
import { ModerationLayout, ScrollRegion, type Flash } from './moderation-nav.tsx';
import { historyPath } from './moderation-queue.page.tsx';

export function ClaimsPage(p: { ctx: PageContext; counts: ModerationCounts; flash?: Flash | undefined; claims: ClaimView[] }) {
  return (
    <ModerationLayout ctx={p.ctx} title="Demandes de gestion" current="/admin/annuaire/demandes" counts={p.counts} flash={p.flash}>
      <h1 class="govuk-heading-l">Demandes de gestion</h1>
      <p class="govuk-body">
        Des personnes demandent à gérer les fiches de leur structure. Celles dont l’adresse e-mail est au nom du site de la structure sont acceptées
        automatiquement ; les autres attendent votre décision.
      </p>
      {p.claims.length === 0 ? (
        <p class="govuk-body" role="status">
          Aucune demande en attente.
        </p>
      ) : (
        <ScrollRegion label="Demandes de gestion">
        <Table
          caption={`${p.claims.length} demande${p.claims.length > 1 ? 's' : ''} en attente, de la plus ancienne à la plus récente`}
          captionClasses="govuk-table__caption--s"
          head={[{ text: 'Reçue le' }, { text: 'Structure' }, { text: 'Personne' }, { html: <span class="govuk-visually-hidden">Action</span> }]}
          rows={p.claims.map((cl) => [
            { text: formatParisDateTime(cl.createdAt) },
            { text: cl.structureName },
            { text: [cl.userName, cl.userEmail].filter(Boolean).join(', ') },
            {
              html: (
                <a class="govuk-link" href={`/admin/annuaire/demandes/${cl.id}`}>
                  Décider<span class="govuk-visually-hidden"> de la demande pour « {cl.structureName} »</span>
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

export function ClaimPage(p: { ctx: PageContext; counts: ModerationCounts; claim: ClaimView; values: FormValues; errors: FieldError[] }) {
  const cl = p.claim;
  const siretMatches = cl.structureSiret ? cl.structureSiret === cl.siret : null;
  return (
    <ModerationLayout ctx={p.ctx} title="Demande de gestion" current="/admin/annuaire/demandes" counts={p.counts} hasErrors={p.errors.length > 0}>
      <a class="govuk-back-link" href="/admin/annuaire/demandes">
        Demandes de gestion
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <h1 class="govuk-heading-l">Demande de gestion de « {cl.structureName} »</h1>
          <SummaryList
            rows={[
              { key: { text: 'Personne' }, value: { text: [cl.userName, cl.userEmail].filter(Boolean).join(', ') } },
              { key: { text: 'Reçue le' }, value: { text: formatParisDateTime(cl.createdAt) } },
              {
                key: { text: 'SIRET donné' },
                value: {
                  text: `${cl.siret}${siretMatches === null ? ' (la structure n’a pas encore de SIRET connu)' : siretMatches ? ' (c’est celui de la structure)' : ' (ce n’est pas celui de la structure)'}`,
                },
              },
              { key: { text: 'Site de la structure' }, value: { text: cl.structureWebsite ?? 'Non connu' } },
              { key: { text: 'Message' }, value: { text: cl.message ?? 'Aucun' } },
              {
                key: { text: 'Structure' },
                value: {
                  html: (
                    <a class="govuk-link" href={historyPath('structure', cl.structureId)}>
                      Historique de la fiche de la structure
                    </a>
                  ),
                },
              },
            ]}
          />
          {cl.status !== 'pending' ? (
            <p class="govuk-body">Cette demande a déjà été décidée.</p>
          ) : (
            <form method="post" action={`/admin/annuaire/demandes/${cl.id}`} novalidate>
              <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
              <Radios
                name="decision"
                fieldset={{ legend: { text: 'Votre décision', classes: 'govuk-fieldset__legend--m' } }}
                hint={{ text: 'La personne est prévenue par e-mail.' }}
                value={valueOf(p.values, 'decision')}
                errorMessage={errorFor(p.errors, 'decision')}
                items={[
                  { value: 'approve', text: 'Accepter : cette personne pourra modifier les fiches de la structure' },
                  { value: 'reject', text: 'Refuser' },
                ]}
              />
              {/* Always shown rather than revealed under « Refuser »: GOV.UK Frontend's conditional reveal puts
                  aria-expanded on radio inputs, which ARIA does not allow (see admin/role-fields.tsx). */}
              <Textarea
                id="reason"
                name="reason"
                label={{ text: 'Motif du refus', classes: 'govuk-label--s' }}
                hint={{ text: 'Seulement si vous refusez. Il est envoyé à la personne.' }}
                value={valueOf(p.values, 'reason')}
                errorMessage={errorFor(p.errors, 'reason')}
              />
              <Button text="Enregistrer la décision" />
            </form>
          )}
        </div>
      </div>
    </ModerationLayout>
  );
}
