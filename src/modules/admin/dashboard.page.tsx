import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import { AdminNav } from '../../platform/views/admin-nav.tsx';

export function DashboardPage({ ctx, counts }: { ctx: PageContext; counts: { staff: number; invited: number; centres: number; pendingMails: number } }) {
  return (
    <Layout ctx={ctx} title="Administration">
      <AdminNav current="/admin" />
      <h1 class="govuk-heading-l">Administration</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/admin/utilisateurs">
              Utilisateurs
            </a>
          </h2>
          <p class="govuk-body">
            {counts.staff} compte{counts.staff > 1 ? 's' : ''} professionnel{counts.staff > 1 ? 's' : ''}, dont {counts.invited} invitation
            {counts.invited > 1 ? 's' : ''} en attente. Inviter, donner des rôles, désactiver.
          </p>
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/admin/centres">
              Centres sociaux
            </a>
          </h2>
          <p class="govuk-body">
            {counts.centres} MDS ou CDAS et les communes que chacun sert (sectorisation).
          </p>
        </div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/admin/journal">
              Journal d’audit
            </a>
          </h2>
          <p class="govuk-body">Qui s’est connecté, qui a changé quoi, qui a consulté le dossier d’une personne.</p>
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/admin/courriels">
              Courriels
            </a>
          </h2>
          <p class="govuk-body">{counts.pendingMails} courriel{counts.pendingMails > 1 ? 's' : ''} en attente d’envoi.</p>
        </div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/admin/annuaire">
              Annuaire
            </a>
          </h2>
          <p class="govuk-body">Qualité des fiches, modifications des structures à relire, erreurs signalées, demandes de gestion.</p>
        </div>
      </div>
    </Layout>
  );
}
