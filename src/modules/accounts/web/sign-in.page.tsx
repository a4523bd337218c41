import { Button, Input, NotificationBanner, PasswordInput } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { FormErrors, hasErrors, msg, type FieldErrors } from './form-errors.tsx';

export interface SignInPageProps {
  ctx: PageContext;
  values: { email: string };
  errors: FieldErrors;
  returnTo: string | null;
  franceConnect: boolean;
  /** A message to show above the form (after a password change, a sign-out…). */
  notice?: string | null;
}

export function SignInPage({ ctx, values, errors, returnTo, franceConnect, notice }: SignInPageProps) {
  const retour = returnTo ? `?retour=${encodeURIComponent(returnTo)}` : '';
  return (
    <Layout ctx={ctx} title="Se connecter" hasErrors={hasErrors(errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={['email', 'password']} />
          {notice ? <NotificationBanner type="success" text={notice} /> : null}
          <h1 class="govuk-heading-l">Se connecter</h1>
          {franceConnect ? (
            <>
              <h2 class="govuk-heading-m">Avec FranceConnect</h2>
              <p class="govuk-body">
                Utilisez l’un de vos comptes existants (impots.gouv.fr, ameli.fr, l’Identité Numérique La Poste…). Réservé aux
                particuliers.
              </p>
              <form method="post" action={`/connexion/franceconnect${retour}`} novalidate>
                <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
                <Button text="S’identifier avec FranceConnect" />
              </form>
              <p class="govuk-body">
                <a class="govuk-link" href="https://franceconnect.gouv.fr/" rel="noopener" target="_blank">
                  Qu’est-ce que FranceConnect ? (nouvelle fenêtre)
                </a>
              </p>
              <h2 class="govuk-heading-m">Avec votre adresse e-mail</h2>
            </>
          ) : null}
          <form method="post" action={`/connexion${retour}`} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Input
              id="email"
              name="email"
              type="email"
              label={{ text: 'Adresse e-mail' }}
              autocomplete="username"
              spellcheck={false}
              value={values.email}
              errorMessage={msg(errors, 'email')}
            />
            <PasswordInput id="password" name="password" label={{ text: 'Mot de passe' }} errorMessage={msg(errors, 'password')} />
            <Button text="Se connecter" />
          </form>
          <p class="govuk-body">
            <a class="govuk-link" href="/mot-de-passe-oublie">
              Mot de passe oublié ?
            </a>
          </p>
          <h2 class="govuk-heading-m">Vous n’avez pas de compte ?</h2>
          <p class="govuk-body">
            <a class="govuk-link" href={`/inscription${retour}`}>
              Créer un compte
            </a>{' '}
            pour suivre vos démarches. Les professionnels reçoivent une invitation de leur administrateur.
          </p>
        </div>
      </div>
    </Layout>
  );
}
