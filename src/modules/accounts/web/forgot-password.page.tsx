import { Button, Input } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { FormErrors, hasErrors, msg, type FieldErrors } from './form-errors.tsx';

export function ForgotPasswordPage({ ctx, values, errors }: { ctx: PageContext; values: { email: string }; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Mot de passe oublié" hasErrors={hasErrors(errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={['email']} />
          <h1 class="govuk-heading-l">Mot de passe oublié</h1>
          <p class="govuk-body">
            Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.
          </p>
          <form method="post" action="/mot-de-passe-oublie" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Input
              id="email"
              name="email"
              type="email"
              label={{ text: 'Adresse e-mail' }}
              autocomplete="email"
              spellcheck={false}
              value={values.email}
              errorMessage={msg(errors, 'email')}
            />
            <Button text="Recevoir un lien" />
          </form>
        </div>
      </div>
    </Layout>
  );
}
