// « Signaler une erreur »: a short form anyone can fill in, without an account.
import { BackLink, Button, CharacterCount, ErrorSummary, Input, Panel } from '../../../platform/views/components/index.ts';
import { errorFor, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { REPORT_MAX_LENGTH } from './report-error.form.ts';

interface PlaceRef {
  id: string;
  name: string;
  communeName: string;
}

export function ReportErrorPage(props: { ctx: PageContext; place: PlaceRef; values: FormValues; errors: FieldError[]; status?: 422 | 429 }) {
  const { place, values, errors } = props;
  const title = `Signaler une erreur : ${place.name}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0} beforeContent={<BackLink href={`/lieux/${place.id}`} text="Retour à la fiche du lieu" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {errors.length > 0 ? <ErrorSummary errorList={errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <span class="govuk-caption-l">
            {place.name}, {place.communeName}
          </span>
          <h1 class="govuk-heading-l">Signaler une erreur</h1>
          <p class="govuk-body">
            Une adresse, un horaire ou un numéro de téléphone n’est plus bon ? Dites-le à l’équipe du Département qui tient l’annuaire : elle
            vérifie et corrige la fiche.
          </p>
          <form method="post" action={`/lieux/${place.id}/signaler`} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <CharacterCount
              name="message"
              id="message"
              rows={6}
              maxlength={REPORT_MAX_LENGTH}
              label={{ text: 'Qu’est-ce qui est inexact ?', classes: 'govuk-label--s' }}
              hint={{ text: 'Par exemple : « Le lieu est fermé le mercredi depuis janvier. » N’écrivez pas d’informations sur votre situation personnelle.' }}
              value={valueOf(values, 'message')}
              errorMessage={errorFor(errors, 'message')}
            />
            <Input
              name="email"
              id="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              label={{ text: 'Votre adresse e-mail (facultatif)', classes: 'govuk-label--s' }}
              hint={{ text: 'Seulement si vous souhaitez une réponse. Elle ne sert qu’à cela.' }}
              value={valueOf(values, 'email')}
              errorMessage={errorFor(errors, 'email')}
            />
            <Button text="Envoyer le signalement" preventDoubleClick />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function ReportSentPage(props: { ctx: PageContext; place: PlaceRef }) {
  return (
    <Layout ctx={props.ctx} title="Signalement envoyé">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Panel titleText="Signalement envoyé" text="Merci de votre aide." />
          <p class="govuk-body">L’équipe du Département qui tient l’annuaire va vérifier la fiche de {props.place.name} et la corriger si besoin.</p>
          <p class="govuk-body">Si vous avez laissé votre adresse e-mail, elle vous répondra.</p>
          <p class="govuk-body">
            <a class="govuk-link" href={`/lieux/${props.place.id}`}>
              Retour à la fiche du lieu
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
