import type { FieldError, FormValues } from '../../platform/http/form.ts';
import { errorFor, valueOf } from '../../platform/http/form.ts';
import { formatParisDateTime } from '../../platform/time/paris.ts';
import { Button, Details, ErrorSummary, Input, NotificationBanner, SummaryList, Table, Tag, WarningText } from '../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import type { StaffUser } from '../accounts/index.ts';
import { AdminNav } from '../../platform/views/admin-nav.tsx';
import { RoleFields, type RoleChoices } from './role-fields.tsx';
import { describeScope, roleLabels, statusLabels, type ScopeNames } from './role-labels.ts';

const errorSummary = (errors: FieldError[]) =>
  errors.length ? <ErrorSummary errorList={errors.map((e) => ({ text: e.message, href: `#${e.field === 'role' ? 'role' : e.field}` }))} /> : null;

export function UsersPage({ ctx, users, names, text, notice }: { ctx: PageContext; users: StaffUser[]; names: ScopeNames; text: string; notice?: string }) {
  return (
    <Layout ctx={ctx} title="Utilisateurs">
      <AdminNav current="/admin/utilisateurs" />
      {notice ? <NotificationBanner type="success" text={notice} /> : null}
      <h1 class="govuk-heading-l">Utilisateurs</h1>
      <Button text="Inviter une personne" href="/admin/utilisateurs/inviter" />
      <form method="get" action="/admin/utilisateurs">
        <Input id="q" name="q" label={{ text: 'Rechercher par nom ou adresse e-mail' }} value={text} classes="govuk-!-width-one-half" />
        <Button text="Rechercher" classes="govuk-button--secondary" />
      </form>
      {users.length === 0 ? (
        <p class="govuk-body">Aucun compte professionnel ne correspond.</p>
      ) : (
        <Table
          caption={`${users.length} compte${users.length > 1 ? 's' : ''} professionnel${users.length > 1 ? 's' : ''}`}
          captionClasses="govuk-table__caption--s"
          head={[{ text: 'Nom' }, { text: 'Rôles' }, { text: 'État' }]}
          rows={users.map((u) => [
            {
              html: (
                <>
                  <a class="govuk-link" href={`/admin/utilisateurs/${u.id}`}>
                    {u.displayName}
                  </a>
                  <br />
                  <span class="govuk-body-s">{u.email}</span>
                </>
              ),
            },
            {
              html: u.grants.length ? (
                <ul class="govuk-list govuk-body-s">
                  {u.grants.map((g) => (
                    <li>
                      {roleLabels[g.role]} — {describeScope(g, names)}
                    </li>
                  ))}
                </ul>
              ) : (
                'Aucun'
              ),
            },
            { html: <Tag text={statusLabels[u.status].text} classes={statusLabels[u.status].colour} /> },
          ])}
        />
      )}
    </Layout>
  );
}

export function InvitePage({ ctx, values, errors, choices }: { ctx: PageContext; values: FormValues; errors: FieldError[]; choices: RoleChoices }) {
  return (
    <Layout ctx={ctx} title="Inviter une personne" hasErrors={errors.length > 0}>
      <AdminNav current="/admin/utilisateurs" />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {errorSummary(errors)}
          <h1 class="govuk-heading-l">Inviter une personne</h1>
          <p class="govuk-body">
            La personne reçoit un courriel avec un lien valable 7 jours pour choisir son mot de passe, puis configure la double authentification.
          </p>
          <form method="post" action="/admin/utilisateurs/inviter" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Input id="nom" name="nom" label={{ text: 'Nom et prénom' }} autocomplete="off" value={valueOf(values, 'nom')} errorMessage={errorFor(errors, 'nom')} />
            <Input
              id="email"
              name="email"
              type="email"
              label={{ text: 'Adresse e-mail professionnelle' }}
              spellcheck={false}
              autocomplete="off"
              value={valueOf(values, 'email')}
              errorMessage={errorFor(errors, 'email')}
            />
            <RoleFields values={values} errors={errors} choices={choices} />
            <Button text="Envoyer l’invitation" />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function UserPage(p: {
  ctx: PageContext;
  user: StaffUser;
  names: ScopeNames;
  choices: RoleChoices;
  values: FormValues;
  errors: FieldError[];
  notice?: string;
  isSelf: boolean;
}) {
  const { user, ctx } = p;
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />;
  return (
    <Layout ctx={ctx} title={user.displayName} hasErrors={p.errors.length > 0}>
      <AdminNav current="/admin/utilisateurs" />
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      {errorSummary(p.errors)}
      <span class="govuk-caption-l">Utilisateur</span>
      <h1 class="govuk-heading-l">{user.displayName}</h1>
      <SummaryList
        rows={[
          { key: { text: 'Adresse e-mail' }, value: { text: user.email } },
          { key: { text: 'État' }, value: { html: <Tag text={statusLabels[user.status].text} classes={statusLabels[user.status].colour} /> } },
          { key: { text: 'Double authentification' }, value: { text: user.mfaEnrolled ? 'Configurée' : 'Pas encore configurée' } },
          { key: { text: 'Dernière connexion' }, value: { text: user.lastSignInAt ? formatParisDateTime(user.lastSignInAt) : 'Jamais' } },
        ]}
      />
      <h2 class="govuk-heading-m">Rôles</h2>
      {user.grants.length === 0 ? <p class="govuk-body">Aucun rôle : la personne ne peut rien faire dans l’espace professionnel.</p> : null}
      {user.grants.map((g) => (
        <SummaryList
          card={{
            title: { text: roleLabels[g.role], headingLevel: 3 },
            actions: { items: [{ href: `/admin/utilisateurs/${user.id}/roles/${g.id}/retirer`, text: 'Retirer', visuallyHiddenText: 'ce rôle' }] },
          }}
          rows={[
            { key: { text: 'Périmètre' }, value: { text: describeScope(g, p.names) } },
            { key: { text: 'Depuis le' }, value: { text: formatParisDateTime(g.grantedAt) } },
          ]}
        />
      ))}
      <Details summaryText="Ajouter un rôle" open={p.errors.length > 0}>
        <form method="post" action={`/admin/utilisateurs/${user.id}/roles`} novalidate>
          {csrf}
          <RoleFields values={p.values} errors={p.errors} choices={p.choices} />
          <Button text="Ajouter ce rôle" />
        </form>
      </Details>
      <h2 class="govuk-heading-m">Accès</h2>
      {user.mfaEnrolled && !p.isSelf ? (
        <form method="post" action={`/admin/utilisateurs/${user.id}/double-authentification`}>
          {csrf}
          <p class="govuk-body">Si la personne a perdu son téléphone et ses codes de secours :</p>
          <Button text="Réinitialiser la double authentification" classes="govuk-button--secondary" />
        </form>
      ) : null}
      {p.isSelf ? (
        <p class="govuk-body">Vous ne pouvez pas désactiver votre propre compte.</p>
      ) : user.status === 'deactivated' ? (
        <form method="post" action={`/admin/utilisateurs/${user.id}/reactiver`}>
          {csrf}
          <Button text="Réactiver le compte" classes="govuk-button--secondary" />
        </form>
      ) : (
        <form method="post" action={`/admin/utilisateurs/${user.id}/desactiver`}>
          {csrf}
          <WarningText text="La personne est déconnectée immédiatement et ne peut plus se connecter. L’historique est conservé." />
          <Button text="Désactiver le compte" classes="govuk-button--warning" />
        </form>
      )}
    </Layout>
  );
}

export function RevokeRolePage({ ctx, user, grantLabel, scope }: { ctx: PageContext; user: StaffUser; grantLabel: string; scope: string }) {
  return (
    <Layout ctx={ctx} title="Retirer un rôle">
      <AdminNav current="/admin/utilisateurs" />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">
            Retirer le rôle « {grantLabel} » à {user.displayName} ?
          </h1>
          <p class="govuk-body">Périmètre : {scope}. L’effet est immédiat ; le rôle reste dans l’historique et le journal.</p>
          <form method="post">
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Button text="Retirer ce rôle" classes="govuk-button--warning" />
          </form>
          <p class="govuk-body">
            <a class="govuk-link" href={`/admin/utilisateurs/${user.id}`}>
              Annuler
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
