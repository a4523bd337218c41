import { Button, Input, PasswordInput } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { MIN_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import { FormErrors, hasErrors, msg, type FieldErrors } from './form-errors.tsx';

export interface SignUpPageProps {
  ctx: PageContext;
  values: { displayName: string; email: string };
  errors: FieldErrors;
  returnTo: string | null;
}

export function SignUpPage({ ctx, values, errors, returnTo }: SignUpPageProps) {
  const retour = returnTo ? `?retour=${encodeURIComponent(returnTo)}` : '';
  return (
    <Layout ctx={ctx} title="Créer un compte" hasErrors={hasErrors(errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={['displayName', 'email', 'password', 'passwordConfirmation']} />
          <h1 class="govuk-heading-l">Créer un compte</h1>
          <p class="govuk-body">Votre compte vous permet de faire vos demandes en ligne et de les suivre.</p>
          <form method="post" action={`/inscription${retour}`} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Input
              id="displayName"
              name="displayName"
              label={{ text: 'Prénom et nom' }}
              autocomplete="name"
              spellcheck={false}
              value={values.displayName}
              errorMessage={msg(errors, 'displayName')}
            />
            <Input
              id="email"
              name="email"
              type="email"
              label={{ text: 'Adresse e-mail' }}
              hint={{ text: 'Nous l’utiliserons pour vous écrire au sujet de vos demandes.' }}
              autocomplete="email"
              spellcheck={false}
              value={values.email}
              errorMessage={msg(errors, 'email')}
            />
            <PasswordInput
              id="password"
              name="password"
              label={{ text: 'Mot de passe' }}
              hint={{ text: `Au moins ${MIN_PASSWORD_LENGTH} caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner.` }}
              autocomplete="new-password"
              errorMessage={msg(errors, 'password')}
            />
            <PasswordInput
              id="passwordConfirmation"
              name="passwordConfirmation"
              label={{ text: 'Confirmez le mot de passe' }}
              autocomplete="new-password"
              errorMessage={msg(errors, 'passwordConfirmation')}
            />
            <Button text="Créer mon compte" />
          </form>
          <p class="govuk-body">
            Vous avez déjà un compte ?{' '}
            <a class="govuk-link" href={`/connexion${retour}`}>
              Connectez-vous
            </a>
            .
          </p>
        </div>
      </div>
    </Layout>
  );
}
