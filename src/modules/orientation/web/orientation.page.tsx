import { errorFor, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { BackLink, Button, ErrorSummary, NotificationBanner, Radios, SummaryList, Tag, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { OrientationRow, AttachmentSummary } from '../db/orientation-queries.ts';
import { contactPreferenceLabels, frenchDate, REASON_MAX_LENGTH, statusLabels, type OrientationStatus } from '../domain/orientation.ts';

export interface OrientationPageProps {
  ctx: PageContext;
  orientation: OrientationRow;
  status: OrientationStatus;
  serviceName: string | null;
  structureName: string | null;
  senderLabel: string;
  attachments: AttachmentSummary[];
  /** Where links of this page point: the e-mailed link's pages, or the signed-in ones. */
  base: string;
  /** The receiving structure may still answer here. */
  canAnswer: boolean;
  backLink: { href: string; text: string } | null;
  answerErrors?: FieldError[];
  answerValues?: FormValues;
  notice?: string | undefined;
}

const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} Ko` : `${(n / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`);
const typeLabel = (t: string) => (t === 'application/pdf' ? 'PDF' : t === 'image/png' ? 'PNG' : 'JPEG');

export function OrientationPage(props: OrientationPageProps) {
  const o = props.orientation;
  const errors = props.answerErrors ?? [];
  const tag = statusLabels[props.status];
  const name = [o.personFirstName, o.personLastName].filter(Boolean).join(' ');
  // « d’Aïcha », « de Paul »: French elides « de » before a vowel.
  const title = o.anonymisedAt ? 'Orientation anonymisée' : `Orientation ${/^[aeiouàâäéèêëîïôöùûüœh]/i.test(name) ? 'd’' : 'de '}${name}`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0} beforeContent={props.backLink ? <BackLink href={props.backLink.href} text={props.backLink.text} /> : undefined}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {errors.length ? <ErrorSummary errorList={errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          {props.notice ? <NotificationBanner type="success" text={props.notice} /> : null}
          <span class="govuk-caption-l">{props.structureName ?? 'Structure'}{props.serviceName ? ` – ${props.serviceName}` : ''}</span>
          <h1 class="govuk-heading-l">{title}</h1>
          <p class="govuk-body">
            <Tag text={tag.text} classes={tag.classes} />
          </p>
          <SummaryList
            rows={[
              { key: { text: 'Orientée par' }, value: { text: props.senderLabel } },
              { key: { text: 'Envoyée le' }, value: { text: frenchDate(o.createdAt) } },
              props.status === 'open' ? { key: { text: 'À traiter avant le' }, value: { text: frenchDate(o.expiresAt) } } : null,
              o.answeredAt ? { key: { text: 'Réponse le' }, value: { text: frenchDate(o.answeredAt) } } : null,
              o.answerReason ? { key: { text: props.status === 'refused' ? 'Motif du refus' : 'Message de la structure' }, value: { text: o.answerReason } } : null,
            ]}
          />
          {o.anonymisedAt ? (
            <p class="govuk-body">Les informations sur la personne ont été effacées le {frenchDate(o.anonymisedAt)}, à la fin de la durée de conservation.</p>
          ) : (
            <>
              <h2 class="govuk-heading-m">La personne</h2>
              <SummaryList
                rows={[
                  { key: { text: 'Nom' }, value: { text: name } },
                  { key: { text: 'Téléphone' }, value: { text: o.personPhone ?? 'Non indiqué' } },
                  { key: { text: 'Adresse e-mail' }, value: { text: o.personEmail ?? 'Non indiquée' } },
                  { key: { text: 'Préfère être contactée' }, value: { text: contactPreferenceLabels[o.contactPreference] } },
                  { key: { text: 'Accord de la personne' }, value: { text: `Donné le ${frenchDate(o.consentAt)}` } },
                ]}
              />
              <h2 class="govuk-heading-m">Sa situation</h2>
              {(o.situation ?? '')
                .split(/\n\s*\n/)
                .map((para) => (
                  <p class="govuk-body">
                    {para.split('\n').map((line, i) => (i === 0 ? line : [<br />, line]))}
                  </p>
                ))}
              <h2 class="govuk-heading-m">Pièces jointes</h2>
              {props.attachments.length === 0 ? (
                <p class="govuk-body">Aucune pièce jointe.</p>
              ) : (
                <ul class="govuk-list">
                  {props.attachments.map((a) => (
                    <li>
                      <a class="govuk-link" href={`${props.base}/pieces/${a.id}`} download>
                        {a.fileName}
                      </a>{' '}
                      ({typeLabel(a.contentType)}, {size(a.size)})
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {props.canAnswer ? (
            <form method="post" action={`${props.base}`} novalidate>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <Radios
                name="decision"
                idPrefix="decision"
                fieldset={{ legend: { text: 'Votre réponse', classes: 'govuk-fieldset__legend--m' } }}
                hint={{ text: 'La personne qui a orienté reçoit votre réponse par e-mail.' }}
                items={[
                  { value: 'accept', text: 'J’accepte : nous allons contacter la personne' },
                  { value: 'refuse', text: 'Je refuse' },
                ]}
                value={valueOf(props.answerValues, 'decision') || undefined}
                errorMessage={errorFor(errors, 'decision')}
              />
              <Textarea
                id="reason"
                name="reason"
                rows={4}
                label={{ text: 'Motif du refus, ou message pour la personne qui a orienté', classes: 'govuk-label--s' }}
                hint={{ text: `Obligatoire pour refuser. ${REASON_MAX_LENGTH.toLocaleString('fr-FR')} caractères au maximum.` }}
                value={valueOf(props.answerValues, 'reason')}
                errorMessage={errorFor(errors, 'reason')}
              />
              <Button text="Envoyer la réponse" preventDoubleClick />
            </form>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}
