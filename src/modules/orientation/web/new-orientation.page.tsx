import { errorFor, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import {
  BackLink,
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  FileUpload,
  Input,
  InsetText,
  Radios,
  SummaryList,
  WarningText,
} from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ServiceWithStructure } from '../../directory/index.ts';
import { MAX_ATTACHMENTS } from '../domain/attachment.ts';
import { contactPreferenceLabels, ORIENTATION_VALIDITY_DAYS, SITUATION_MAX_LENGTH } from '../domain/orientation.ts';

export interface NewOrientationPageProps {
  ctx: PageContext;
  service: ServiceWithStructure;
  values: FormValues;
  errors: FieldError[];
  /** After an error: how many files had been chosen (a browser cannot keep them across pages). */
  filesChosen: number | null;
  /** Nobody at the structure can be told (no e-mail, no member): the form is not offered. */
  unreachable?: boolean;
  retentionDays: number;
}

export function NewOrientationPage(props: NewOrientationPageProps) {
  const { service, values, errors } = props;
  const action = `/orientations/nouvelle?service=${encodeURIComponent(service.id)}`;
  return (
    <Layout ctx={props.ctx} title="Orienter une personne" hasErrors={errors.length > 0} beforeContent={<BackLink href="/orientations" text="Mes orientations" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {errors.length ? <ErrorSummary errorList={errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <span class="govuk-caption-l">{service.structure.name}</span>
          <h1 class="govuk-heading-l">Orienter une personne vers « {service.name} »</h1>
          <SummaryList
            rows={[
              { key: { text: 'Service' }, value: { text: service.name } },
              service.summary ? { key: { text: 'En bref' }, value: { text: service.summary } } : null,
              { key: { text: 'Structure' }, value: { text: service.structure.name } },
            ]}
          />
          {props.unreachable ? (
            <WarningText text="Cette structure ne peut pas encore recevoir d’orientation : ni le service ni la structure n’ont d’adresse e-mail, et aucun de ses membres n’a de compte. Contactez-la directement." />
          ) : (
            <form method="post" action={action} enctype="multipart/form-data" novalidate>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <h2 class="govuk-heading-m">La personne</h2>
              <Input id="firstName" name="firstName" label={{ text: 'Prénom', classes: 'govuk-label--s' }} value={valueOf(values, 'firstName')} errorMessage={errorFor(errors, 'firstName')} autocomplete="off" spellcheck={false} classes="govuk-!-width-two-thirds" />
              <Input id="lastName" name="lastName" label={{ text: 'Nom', classes: 'govuk-label--s' }} value={valueOf(values, 'lastName')} errorMessage={errorFor(errors, 'lastName')} autocomplete="off" spellcheck={false} classes="govuk-!-width-two-thirds" />
              <p class="govuk-body">Donnez au moins un moyen de joindre la personne : son téléphone, son adresse e-mail, ou les deux.</p>
              <Input id="phone" name="phone" type="tel" label={{ text: 'Téléphone (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple 06 12 34 56 78' }} value={valueOf(values, 'phone')} errorMessage={errorFor(errors, 'phone')} autocomplete="off" classes="govuk-input--width-20" />
              <Input id="email" name="email" type="email" label={{ text: 'Adresse e-mail (facultatif)', classes: 'govuk-label--s' }} value={valueOf(values, 'email')} errorMessage={errorFor(errors, 'email')} autocomplete="off" spellcheck={false} />
              <Radios
                name="contactPreference"
                idPrefix="contactPreference"
                fieldset={{ legend: { text: 'Comment la structure doit-elle contacter la personne ?', classes: 'govuk-fieldset__legend--s' } }}
                items={(['telephone', 'courriel', 'prescripteur'] as const).map((k) => ({ value: k, text: contactPreferenceLabels[k] }))}
                value={valueOf(values, 'contactPreference') || undefined}
                errorMessage={errorFor(errors, 'contactPreference')}
              />
              <h2 class="govuk-heading-m">Sa situation</h2>
              <CharacterCount
                id="situation"
                name="situation"
                maxlength={SITUATION_MAX_LENGTH}
                rows={8}
                label={{ text: 'Situation de la personne et ce qu’elle attend du service', classes: 'govuk-label--s' }}
                hint={{ text: 'Écrivez seulement ce dont la structure a besoin pour l’aider. N’indiquez pas d’information de santé si elle n’est pas nécessaire.' }}
                value={valueOf(values, 'situation')}
                errorMessage={errorFor(errors, 'situation')}
              />
              <h2 class="govuk-heading-m">Pièces jointes (facultatif)</h2>
              {props.filesChosen !== null ? (
                <InsetText
                  text={
                    props.filesChosen > 0
                      ? `Les fichiers que vous aviez choisis n’ont pas été gardés : un navigateur ne peut pas les conserver d’une page à l’autre. Choisissez-les de nouveau avant d’envoyer.`
                      : 'Si vous voulez joindre des fichiers, choisissez-les maintenant : un navigateur ne peut pas les conserver d’une page à l’autre.'
                  }
                />
              ) : null}
              <FileUpload
                id="attachments"
                name="attachments"
                multiple
                label={{ text: 'Documents utiles à la structure', classes: 'govuk-label--s' }}
                hint={{ text: `${MAX_ATTACHMENTS} fichiers au maximum, au format PDF, JPEG ou PNG, de 5 Mo chacun au maximum.` }}
                errorMessage={errorFor(errors, 'attachments')}
                attributes={{ accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' }}
              />
              <h2 class="govuk-heading-m">L’accord de la personne</h2>
              <Checkboxes
                name="consent"
                idPrefix="consent"
                fieldset={{ legend: { text: 'Ce que la personne accepte', classes: 'govuk-fieldset__legend--s' } }}
                hint={{
                  text: `Lisez-lui ce texte avant d’envoyer. Ses nom, prénom, coordonnées, la description de sa situation et les pièces jointes seront transmis à ${service.structure.name}, pour que la structure la contacte et l’aide. La structure peut les lire pendant ${ORIENTATION_VALIDITY_DAYS} jours pour répondre. Chaque lecture est enregistrée. Tout est effacé ${props.retentionDays} jours après l’envoi. La personne peut refuser : elle n’est alors pas orientée par ce moyen.`,
                }}
                items={[{ value: 'oui', text: 'La personne a compris ce texte et elle est d’accord avec cet envoi' }]}
                values={valueOf(values, 'consent') === 'oui' ? ['oui'] : []}
                errorMessage={errorFor(errors, 'consent')}
              />
              <Button text="Envoyer l’orientation" preventDoubleClick />
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}
