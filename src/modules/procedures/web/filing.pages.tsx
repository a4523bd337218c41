import { BackLink, Button, ErrorSummary, Input, InsetText, NotificationBanner, Panel, SummaryList, TaskList, WarningText } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { communeFieldScript } from '../../territory/index.ts';
import type { AnswerSection } from '../domain/answer-display.ts';
import type { RawAnswers } from '../domain/fields.ts';
import { WHO_MAY_FILE_LABELS, type ProcedureDefinition, type ProcedurePage } from '../domain/procedure.ts';
import { FieldInputs, type FieldErrors } from './field-inputs.tsx';

const paragraphs = (text: string) => text.split(/\n\n+/).map((p) => <p class="govuk-body">{p}</p>);

export function ProcedureListPage(props: { ctx: PageContext; procedures: ProcedureDefinition[] }) {
  const themes = [...new Set(props.procedures.map((p) => p.theme))].sort((a, b) => a.localeCompare(b, 'fr'));
  return (
    <Layout ctx={props.ctx} title="Démarches en ligne">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Démarches en ligne</h1>
          <p class="govuk-body-l">Faites votre demande au département en ligne, avec ou sans compte. Vos réponses sont enregistrées au fur et à mesure.</p>
          <p class="govuk-body">
            Vous avez déjà fait une demande ? <a class="govuk-link" href="/demarches/suivi">Suivre une demande</a>.
          </p>
          {themes.map((theme) => (
            <>
              <h2 class="govuk-heading-m">{theme}</h2>
              <ul class="govuk-list govuk-list--spaced">
                {props.procedures
                  .filter((p) => p.theme === theme)
                  .map((p) => (
                    <li>
                      <a class="govuk-link govuk-!-font-weight-bold" href={`/demarches/${p.slug}`}>
                        {p.title}
                      </a>
                      <br />
                      <span class="govuk-body-s">{p.summary}</span>
                    </li>
                  ))}
              </ul>
            </>
          ))}
        </div>
      </div>
    </Layout>
  );
}

export function StartPage(props: { ctx: PageContext; def: ProcedureDefinition; refusal: string | null; underMandate?: { value: string; error: string | null } | null }) {
  const { def } = props;
  return (
    <Layout ctx={props.ctx} title={def.title} beforeContent={<BackLink href="/demarches" text="Toutes les démarches" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{def.theme}</span>
          <h1 class="govuk-heading-xl">{def.title}</h1>
          <p class="govuk-body-l">{def.summary}</p>
          {paragraphs(def.description)}
          <h2 class="govuk-heading-m">Qui peut faire cette demande</h2>
          <p class="govuk-body">{WHO_MAY_FILE_LABELS[def.whoMayFile]}.</p>
          <h2 class="govuk-heading-m">Les étapes</h2>
          <ol class="govuk-list govuk-list--number">
            {def.pages.map((p) => (
              <li>{p.title}</li>
            ))}
            <li>Vérifier vos réponses et envoyer</li>
          </ol>
          <p class="govuk-body">Vos réponses sont enregistrées à chaque étape : vous pouvez vous arrêter et reprendre plus tard.</p>
          {props.refusal ? (
            <WarningText text={props.refusal} />
          ) : (
            <form method="post" action={`/demarches/${def.slug}/commencer`} novalidate>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <Button text="Commencer" isStartButton />
            </form>
          )}
          {props.underMandate ? (
            <form method="post" action={`/demarches/${def.slug}/commencer`} novalidate>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <h2 class="govuk-heading-m">Faire cette demande pour une personne</h2>
              <p class="govuk-body">Aidant habilité : avec le mandat de la personne, vous déposez la demande pour elle. Le dossier le dira.</p>
              <Input id="mandat" name="mandat" label={{ text: 'Référence du mandat', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple M-2026-7K3M9Q, sur l’attestation' }} value={props.underMandate.value} errorMessage={props.underMandate.error ? { text: props.underMandate.error } : undefined} classes="govuk-input--width-20" spellcheck={false} />
              <Button text="Commencer pour cette personne" classes="govuk-button--secondary" />
            </form>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

export interface FilingPageProps {
  ctx: PageContext;
  def: ProcedureDefinition;
  caseId: string;
  draftToken: string | null;
  page: ProcedurePage;
  step: { index: number; count: number };
  raw: RawAnswers;
  errors: Array<{ href: string; text: string }>;
  fieldErrors: FieldErrors;
  fileNames: Record<string, string>;
  communeNames: Record<string, string>;
  departement: string;
  backHref: string;
  /** The session had expired: what was posted is shown again, not saved yet. */
  sessionLost?: boolean;
  correction?: string | null;
  savedAt?: string | null;
  /** Came from « Vérifiez vos réponses »: « Continuer » goes back there. */
  backToCheck?: boolean;
}

export function FilingPage(props: FilingPageProps) {
  const base = `/demarches/brouillon/${props.caseId}/${props.page.id}`;
  const action = props.backToCheck ? `${base}?retour=verifier` : base;
  return (
    <Layout ctx={props.ctx} title={props.page.title} hasErrors={props.errors.length > 0} beforeContent={<BackLink href={props.backHref} text="Retour" />} scripts={[communeFieldScript, 'procedure-autosave.js']}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.errors.length ? <ErrorSummary errorList={props.errors} /> : null}
          {props.sessionLost ? (
            <NotificationBanner
              titleText="Important"
              text="Votre session avait expiré : ce que vous venez de saisir n’est pas encore enregistré, mais rien n’est perdu. Vérifiez vos réponses ci-dessous puis appuyez sur « Continuer » pour les enregistrer."
            />
          ) : null}
          {props.correction ? <InsetText text={`Correction demandée : ${props.correction}`} /> : null}
          <span class="govuk-caption-l">
            {props.def.title} — étape {props.step.index} sur {props.step.count}
          </span>
          <h1 class="govuk-heading-l">{props.page.title}</h1>
          {props.page.intro ? <p class="govuk-body">{props.page.intro}</p> : null}
          <form method="post" action={action} enctype="multipart/form-data" novalidate data-autosave={`${base}/enregistrer`}>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            {props.draftToken ? <input type="hidden" name="_draft" value={props.draftToken} /> : null}
            <FieldInputs fields={props.page.fields} raw={props.raw} errors={props.fieldErrors} fileNames={props.fileNames} communeNames={props.communeNames} departement={props.departement} />
            <p class="govuk-body-s relais-autosave-status" aria-live="polite" data-autosave-status>
              {props.savedAt ? `Enregistré à ${props.savedAt}` : ''}
            </p>
            <div class="govuk-button-group">
              <Button text="Continuer" name="action" value="continue" />
              <Button text="Enregistrer et finir plus tard" classes="govuk-button--secondary" name="action" value="later" attributes={{ formnovalidate: 'formnovalidate' }} />
            </div>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function TaskListPage(props: { ctx: PageContext; def: ProcedureDefinition; caseId: string; sections: Array<{ page: ProcedurePage; status: 'todo' | 'done' | 'errors' }>; correction: string | null }) {
  const done = props.sections.filter((s) => s.status === 'done').length;
  return (
    <Layout ctx={props.ctx} title={props.def.title} beforeContent={<BackLink href={`/demarches/${props.def.slug}`} text="Retour" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.correction ? <InsetText text={`Correction demandée : ${props.correction}`} /> : null}
          <h1 class="govuk-heading-xl">{props.def.title}</h1>
          <p class="govuk-body">
            Vous avez complété {done} partie{done > 1 ? 's' : ''} sur {props.sections.length}. Vos réponses sont enregistrées : vous pouvez revenir plus tard.
          </p>
          <TaskList
            idPrefix="parties"
            items={props.sections.map((s) => ({
              title: { text: s.page.title },
              href: `/demarches/brouillon/${props.caseId}/${s.page.id}`,
              status:
                s.status === 'done'
                  ? { text: 'Terminé' }
                  : s.status === 'errors'
                    ? { tag: { text: 'À corriger', classes: 'govuk-tag--red' } }
                    : { tag: { text: 'À compléter', classes: 'govuk-tag--blue' } },
            }))}
          />
          {done === props.sections.length ? (
            <a class="govuk-button" href={`/demarches/brouillon/${props.caseId}/verifier`}>
              Vérifier et envoyer
            </a>
          ) : (
            <p class="govuk-body">Complétez chaque partie pour pouvoir vérifier et envoyer votre demande.</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={`/demarches/brouillon/${props.caseId}/plus-tard`}>
              Recevoir un lien pour reprendre plus tard
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function CheckAnswersPage(props: {
  ctx: PageContext;
  def: ProcedureDefinition;
  caseId: string;
  sections: AnswerSection[];
  idempotencyKey: string;
  correction: string | null;
  errors: Array<{ href: string; text: string }>;
}) {
  const file = (id: string) => `/demarches/dossiers/${props.caseId}/fichiers/${id}`;
  return (
    <Layout ctx={props.ctx} title="Vérifiez vos réponses avant d’envoyer" hasErrors={props.errors.length > 0} beforeContent={<BackLink href={`/demarches/brouillon/${props.caseId}`} text="Retour" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.errors.length ? <ErrorSummary errorList={props.errors} /> : null}
          {props.correction ? <InsetText text={`Correction demandée : ${props.correction}`} /> : null}
          <span class="govuk-caption-l">{props.def.title}</span>
          <h1 class="govuk-heading-l">Vérifiez vos réponses avant d’envoyer</h1>
          {props.sections.map((s) => (
            <>
              <h2 class="govuk-heading-m">{s.title}</h2>
              <SummaryList
                rows={s.rows.map((r) => ({
                  key: { text: r.label },
                  value: r.fileId
                    ? { html: <a class="govuk-link" href={file(r.fileId)}>{r.lines.join(' ')}</a> }
                    : { html: r.lines.length ? <>{r.lines.map((l, i) => (i ? <><br />{l}</> : l))}</> : <span class="govuk-hint">Pas de réponse</span> },
                  actions: { items: [{ href: `/demarches/brouillon/${props.caseId}/${s.pageId}?retour=verifier`, text: 'Modifier', visuallyHiddenText: r.label.toLowerCase() }] },
                }))}
              />
            </>
          ))}
          <h2 class="govuk-heading-m">Envoyer votre demande</h2>
          <p class="govuk-body">En envoyant cette demande, vous confirmez que vos réponses sont exactes à votre connaissance.</p>
          <form method="post" action={`/demarches/brouillon/${props.caseId}/envoyer`} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
            <Button text={props.correction ? 'Renvoyer mon dossier corrigé' : 'Envoyer ma demande'} preventDoubleClick />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function ConfirmationPage(props: { ctx: PageContext; def: ProcedureDefinition; caseId: string; reference: string; trackingCode: string | null; email: string | null; resubmitted: boolean }) {
  return (
    <Layout ctx={props.ctx} title={props.resubmitted ? 'Dossier corrigé envoyé' : 'Demande envoyée'}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Panel titleText={props.resubmitted ? 'Dossier corrigé envoyé' : 'Demande envoyée'} html={<>Votre numéro de dossier<br /><strong>{props.reference}</strong></>} />
          {props.trackingCode ? (
            <>
              <p class="govuk-body">
                Votre code de suivi : <strong class="govuk-!-font-size-24">{props.trackingCode}</strong>
              </p>
              <p class="govuk-body">Notez-le ou gardez le récépissé : avec le numéro de dossier, il permet de suivre votre demande sans compte.</p>
            </>
          ) : null}
          {props.email ? <p class="govuk-body">Nous vous avons envoyé un e-mail de confirmation à {props.email}.</p> : null}
          <p class="govuk-body">
            <a class="govuk-link" href={`/demarches/dossiers/${props.caseId}/recepisse.pdf`}>
              Télécharger le récépissé (PDF)
            </a>
          </p>
          <h2 class="govuk-heading-m">Ce qui va se passer ensuite</h2>
          <p class="govuk-body">Votre demande « {props.def.title} » est transmise à l’équipe qui s’en occupe. Elle l’étudie et peut vous demander une correction ou un document.</p>
          <p class="govuk-body">Vous serez prévenu à chaque étape{props.email ? ' par e-mail' : ''}.</p>
          <p class="govuk-body">
            <a class="govuk-link" href={`/demarches/dossiers/${props.caseId}`}>
              Voir mon dossier
            </a>{' '}
            ou <a class="govuk-link" href="/demarches/suivi">suivre une demande plus tard</a>.
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function ResumeLinkPage(props: { ctx: PageContext; def: ProcedureDefinition; caseId: string; draftToken: string | null; email: string; error: string | null; sent: string | null }) {
  return (
    <Layout ctx={props.ctx} title="Recevoir un lien pour reprendre plus tard" hasErrors={!!props.error} beforeContent={<BackLink href={`/demarches/brouillon/${props.caseId}`} text="Retour" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.error ? <ErrorSummary errorList={[{ text: props.error, href: '#email' }]} /> : null}
          {props.sent ? <NotificationBanner type="success" titleText="C’est fait" text={`Nous avons envoyé un lien à ${props.sent}. Il permet de reprendre votre demande là où vous l’avez laissée.`} /> : null}
          <span class="govuk-caption-l">{props.def.title}</span>
          <h1 class="govuk-heading-l">Recevoir un lien pour reprendre plus tard</h1>
          <p class="govuk-body">Vos réponses sont déjà enregistrées. Pour les retrouver depuis un autre appareil ou plus tard, recevez un lien par e-mail.</p>
          <form method="post" action={`/demarches/brouillon/${props.caseId}/plus-tard`} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            {props.draftToken ? <input type="hidden" name="_draft" value={props.draftToken} /> : null}
            <Input id="email" name="email" type="email" label={{ text: 'Votre adresse e-mail', classes: 'govuk-label--s' }} value={props.email} errorMessage={props.error ? { text: props.error } : undefined} autocomplete="email" spellcheck={false} />
            <Button text="Recevoir le lien" />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function LinkExpiredPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Ce lien ne permet plus de reprendre une demande">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Ce lien ne permet plus de reprendre une demande</h1>
          <p class="govuk-body">La demande a peut-être déjà été envoyée, ou le brouillon a été supprimé parce qu’il n’avait pas été modifié depuis longtemps.</p>
          <p class="govuk-body">
            Une demande envoyée se suit avec son numéro et son code de suivi : <a class="govuk-link" href="/demarches/suivi">suivre une demande</a>. Sinon,{' '}
            <a class="govuk-link" href="/demarches">recommencez une démarche</a>.
          </p>
        </div>
      </div>
    </Layout>
  );
}
