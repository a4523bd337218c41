import { Button, Input, WarningText } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { FormErrors, hasErrors, msg, type FieldErrors } from './form-errors.tsx';

/** Enrolment: scan the QR code (or type the key), then confirm with a first code. */
export function TotpEnrolPage(props: { ctx: PageContext; qrDataUrl: string; secretGrouped: string; email: string; errors: FieldErrors }) {
  const { ctx, errors } = props;
  return (
    <Layout ctx={ctx} title="Configurer la double authentification" hasErrors={hasErrors(errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={['code']} />
          <h1 class="govuk-heading-l">Configurer la double authentification</h1>
          <p class="govuk-body">
            Votre compte professionnel donne accès à des informations personnelles. En plus de votre mot de passe, vous
            saisirez à chaque connexion un code à 6 chiffres affiché par une application de votre téléphone.
          </p>
          <h2 class="govuk-heading-m">1. Installez une application d’authentification</h2>
          <p class="govuk-body">Par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator.</p>
          <h2 class="govuk-heading-m">2. Ajoutez votre compte Relais dans l’application</h2>
          <p class="govuk-body">Scannez ce QR code avec l’application :</p>
          <p class="govuk-body">
            <img src={props.qrDataUrl} width="200" height="200" alt={`QR code de la double authentification Relais pour ${props.email}`} />
          </p>
          <p class="govuk-body">Si vous ne pouvez pas scanner le QR code, saisissez cette clé dans l’application :</p>
          <p class="govuk-body">
            <code class="relais-secret" id="totp-secret">
              {props.secretGrouped}
            </code>
          </p>
          <h2 class="govuk-heading-m">3. Saisissez le code affiché</h2>
          <form method="post" action="/connexion/double-authentification" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Input
              id="code"
              name="code"
              label={{ text: 'Code à 6 chiffres' }}
              hint={{ text: 'Le code change toutes les 30 secondes.' }}
              classes="govuk-input--width-5"
              inputmode="numeric"
              autocomplete="one-time-code"
              spellcheck={false}
              errorMessage={msg(errors, 'code')}
            />
            <Button text="Valider" />
          </form>
        </div>
      </div>
    </Layout>
  );
}

/** The recovery codes, shown once just after enrolment. */
export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  return (
    <Layout ctx={ctx} title="Vos codes de secours">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Vos codes de secours</h1>
          <p class="govuk-body">
            La double authentification est configurée. Si vous perdez votre téléphone, chacun de ces codes remplace une
            fois le code à 6 chiffres.
          </p>
          <WarningText text="Notez-les ou imprimez-les maintenant et gardez-les en lieu sûr : ils ne seront plus affichés." />
          <ul class="govuk-list relais-recovery-codes">
            {codes.map((c) => (
              <li>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Button element="a" href={next} text="J’ai noté mes codes, continuer" />
        </div>
      </div>
    </Layout>
  );
}

/** Each sign-in: the code of the app, or a recovery code. */
export function TotpVerifyPage({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Code de vérification" hasErrors={hasErrors(errors)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={['code']} />
          <h1 class="govuk-heading-l">Code de vérification</h1>
          <form method="post" action="/connexion/verification" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <Input
              id="code"
              name="code"
              label={{ text: 'Code à 6 chiffres affiché par votre application', classes: 'govuk-label--s' }}
              hint={{ text: 'Si vous n’avez plus votre téléphone, saisissez l’un de vos codes de secours.' }}
              classes="govuk-input--width-20"
              autocomplete="one-time-code"
              spellcheck={false}
              errorMessage={msg(errors, 'code')}
            />
            <Button text="Valider" />
          </form>
          <p class="govuk-body">
            Vous avez perdu votre téléphone et vos codes de secours ? Demandez à un administrateur de votre département de
            réinitialiser votre double authentification.
          </p>
        </div>
      </div>
    </Layout>
  );
}
