import type { RoleScope } from '../../../platform/http/context.ts';
import { Button, NotificationBanner, SummaryList } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';

export interface AccountView {
  displayName: string;
  email: string;
  kind: 'resident' | 'staff';
  franceConnect: boolean;
  totpEnabledAt: Date | null;
  recoveryCodesLeft: number;
  roles: RoleScope[];
}

/** Where each role works: the account page is where a professional lands after signing in. */
export function workspaceLinks(roles: ReadonlyArray<RoleScope['role']>): Array<{ href: string; text: string }> {
  const has = (...wanted: Array<RoleScope['role']>) => roles.some((r) => wanted.includes(r));
  const links: Array<{ href: string; text: string }> = [];
  if (has('admin')) links.push({ href: '/admin', text: 'Administration : comptes, rôles, centres, journal' });
  if (has('admin', 'directory_moderator')) links.push({ href: '/admin/annuaire', text: 'Annuaire : qualité des fiches et modération' });
  if (has('structure_member')) {
    links.push({ href: '/ma-structure', text: 'Ma structure : ses lieux et ses services' });
    links.push({ href: '/orientations/recues', text: 'Orientations reçues par ma structure' });
  } else links.push({ href: '/ma-structure/revendiquer', text: 'Gérer la fiche de ma structure dans l’annuaire' });
  if (has('admin', 'agent', 'centre_manager')) links.push({ href: '/agenda', text: 'Rendez-vous : agenda, prise de rendez-vous, disponibilités' });
  if (has('agent', 'centre_manager', 'structure_member')) links.push({ href: '/accompagnements', text: 'Accompagnement numérique : noter une aide, statistiques' });
  else if (has('admin')) links.push({ href: '/accompagnements/statistiques', text: 'Accompagnement numérique : statistiques du département' });
  if (has('agent', 'centre_manager', 'structure_member')) links.push({ href: '/mandats', text: 'Mandats : agir pour une personne qui l’a demandé' });
  if (has('admin', 'agent')) links.push({ href: '/instruction', text: 'Téléprocédures : dossiers à instruire' });
  links.push({ href: '/avis', text: 'Avis demandés sur des dossiers' });
  if (has('admin', 'agent', 'structure_member', 'partner_agent')) {
    links.push({ href: '/orientations', text: 'Mes orientations' });
    links.push({ href: '/lieux', text: 'Trouver un lieu ou un service pour orienter une personne' });
  }
  return links;
}

const roleNames: Record<RoleScope['role'], string> = {
  admin: 'Administrateur du département',
  agent: 'Agent du département',
  centre_manager: 'Responsable d’un centre social',
  structure_member: 'Membre d’une structure',
  partner_agent: 'Agent d’une administration partenaire',
  directory_moderator: 'Équipe annuaire du département (modération)',
};

function scopeText(r: RoleScope): string {
  const parts: string[] = [];
  if (r.socialCentreId) parts.push('un centre social (CDAS/MDS)');
  if (r.structureId) parts.push('une structure');
  if (r.communeCodes.length) parts.push(`${r.communeCodes.length} commune${r.communeCodes.length > 1 ? 's' : ''}`);
  if (r.epciCodes.length) parts.push(`${r.epciCodes.length} intercommunalité${r.epciCodes.length > 1 ? 's' : ''}`);
  return parts.length ? parts.join(', ') : 'tout le département';
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

export function AccountPage({
  ctx,
  account,
  franceConnectAvailable,
  notice,
}: {
  ctx: PageContext;
  account: AccountView;
  franceConnectAvailable: boolean;
  notice: string | null;
}) {
  return (
    <Layout ctx={ctx} title="Mon compte">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {notice ? <NotificationBanner type="success" text={notice} /> : null}
          <h1 class="govuk-heading-l">Mon compte</h1>
          <SummaryList
            rows={[
              { key: { text: 'Nom' }, value: { text: account.displayName } },
              { key: { text: 'Adresse e-mail' }, value: { text: account.email } },
              account.kind === 'resident'
                ? {
                    key: { text: 'Connexion' },
                    value: { text: account.franceConnect ? 'Avec FranceConnect' : 'Avec votre adresse e-mail et votre mot de passe' },
                  }
                : {
                    key: { text: 'Double authentification' },
                    value: {
                      text: account.totpEnabledAt
                        ? `Activée le ${dateFormat.format(account.totpEnabledAt)}. Codes de secours restants : ${account.recoveryCodesLeft}`
                        : 'Pas encore configurée',
                    },
                  },
            ]}
          />
          {account.kind === 'staff' ? (
            <>
              <h2 class="govuk-heading-m">Vos rôles</h2>
              {account.roles.length ? (
                <ul class="govuk-list govuk-list--bullet">
                  {account.roles.map((r) => (
                    <li>
                      {roleNames[r.role]} – {scopeText(r)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="govuk-body">Vous n’avez aucun rôle pour l’instant. Demandez-en un à l’administrateur du département.</p>
              )}
              <h2 class="govuk-heading-m">Vos espaces</h2>
              <ul class="govuk-list">
                {workspaceLinks(account.roles.map((r) => r.role)).map((l) => (
                  <li>
                    <a class="govuk-link" href={l.href}>
                      {l.text}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {account.kind === 'resident' ? (
            <>
              <h2 class="govuk-heading-m">Vos démarches</h2>
              <p class="govuk-body">
                <a class="govuk-link" href="/compte/demarches">
                  Mes démarches : demandes envoyées et brouillons
                </a>
              </p>
            </>
          ) : null}
          {account.kind === 'resident' && franceConnectAvailable && !account.franceConnect ? (
            <>
              <h2 class="govuk-heading-m">FranceConnect</h2>
              <p class="govuk-body">Liez votre compte à FranceConnect pour vous connecter aussi avec impots.gouv.fr, ameli.fr ou un autre compte.</p>
              <form method="post" action="/compte/franceconnect" novalidate>
                <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
                <Button text="Lier mon compte à FranceConnect" classes="govuk-button--secondary" />
              </form>
            </>
          ) : null}
          <h2 class="govuk-heading-m">Mot de passe</h2>
          <p class="govuk-body">
            Pour changer votre mot de passe, <a class="govuk-link" href="/mot-de-passe-oublie">demandez un lien par e-mail</a>.
          </p>
        </div>
      </div>
    </Layout>
  );
}
