import type { Child } from 'hono/jsx';
import { Button, PasswordInput } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { MIN_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import { FormErrors, hasErrors, msg, type FieldErrors } from './form-errors.tsx';

/** Choosing a password: after a reset link, or to accept an invitation. */
export function ChoosePasswordPage(props: {
  ctx: PageContext;
  title: string;
  intro: Child;
  action: string;
  button: string;
  errors: FieldErrors;
}) {
  const { ctx, errors } = props;
  return (
    <Layout ctx={ctx} title={props.title} hasErrors={hasErrors(errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={['password', 'passwordConfirmation']} />
          <h1 class="govuk-heading-l">{props.title}</h1>
          {props.intro}
          <form method="post" action={props.action} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <PasswordInput
              id="password"
              name="password"
              label={{ text: 'Nouveau mot de passe' }}
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
            <Button text={props.button} />
          </form>
        </div>
      </div>
    </Layout>
  );
}
