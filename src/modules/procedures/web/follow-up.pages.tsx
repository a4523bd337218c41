// What a resident sees after filing: following a case file by number and tracking code, its page (state,
// decision, corrections asked, messages with the team, the answers as filed), and « Mes démarches ».
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import { Button, ErrorSummary, FileUpload, Input, NotificationBanner, SummaryList, Table, Tag, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CASE_STATE_LABELS, type CaseState } from '../domain/case-lifecycle.ts';
import type { AnswerSection } from '../domain/answer-display.ts';
import { dateFr, dateTimeFr, STATE_TAG } from './review.pages.tsx';

export function FollowUpFormPage(props: { ctx: PageContext; values: FormValues; errors: FieldError[] }) {
  return (
    <Layout ctx={props.ctx} title="Suivre une demande" hasErrors={props.errors.length > 0}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.errors.length ? <ErrorSummary errorList={props.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <h1 class="govuk-heading-l">Suivre une demande</h1>
          <p class="govuk-body">Saisissez le numéro de dossier et le code de suivi donnés quand vous avez envoyé votre demande. Ils figurent aussi sur le récépissé et dans l’e-mail de confirmation.</p>
          {props.ctx.principal.kind === 'resident' ? (
            <p class="govuk-body">
              Vos demandes faites avec votre compte sont dans <a class="govuk-link" href="/compte/demarches">Mes démarches</a>.
            </p>
          ) : null}
          <form method="post" action="/demarches/suivi" novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <Input id="reference" name="reference" label={{ text: 'Numéro de dossier', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple 2026-000123' }} value={valueOf(props.values, 'reference')} errorMessage={errorFor(props.errors, 'reference')} classes="govuk-input--width-20" spellcheck={false} />
            <Input id="code" name="code" label={{ text: 'Code de suivi', classes: 'govuk-label--s' }} hint={{ text: '8 caractères, par exemple 7K3M-9QXA' }} value={valueOf(props.values, 'code')} errorMessage={errorFor(props.errors, 'code')} classes="govuk-input--width-10" spellcheck={false} autocomplete="off" autocapitalize="characters" />
            <Button text="Voir ma demande" />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export interface FilerCasePageProps {
  ctx: PageContext;
  caseId: string;
  reference: string;
  title: string;
  state: CaseState;
  filedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  correction: string | null;
  team: string | null;
  letters: Array<{ id: string; name: string }>;
  sections: AnswerSection[];
  events: Array<{ at: Date; title: string; text: string | null }>;
  messages: Array<{ at: Date; mine: boolean; body: string; files: Array<{ id: string; name: string }> }>;
  values: FormValues;
  errors: FieldError[];
  flash: string | null;
}

export function FilerCasePage(p: FilerCasePageProps) {
  const file = (id: string) => `/demarches/dossiers/${p.caseId}/fichiers/${id}`;
  const team = p.team ? `L’équipe « ${p.team} »` : 'L’équipe du département';
  return (
    <Layout ctx={p.ctx} title={`Votre dossier ${p.reference}`} hasErrors={p.errors.length > 0}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          {p.flash ? <NotificationBanner type="success" text={p.flash} /> : null}
          {p.state === 'correction_requested' ? (
            <NotificationBanner
              titleText="Action à faire"
              html={
                <>
                  <p class="govuk-notification-banner__heading">Votre dossier doit être corrigé ou complété</p>
                  {p.correction ? <p class="govuk-body">{p.correction}</p> : null}
                  <p class="govuk-body">
                    <a class="govuk-notification-banner__link" href={`/demarches/brouillon/${p.caseId}/verifier`}>
                      Corriger mon dossier
                    </a>
                  </p>
                </>
              }
            />
          ) : null}
          <span class="govuk-caption-l">{p.title}</span>
          <h1 class="govuk-heading-l">Votre dossier {p.reference}</h1>
          <SummaryList
            rows={[
              { key: { text: 'État' }, value: { html: <Tag text={CASE_STATE_LABELS[p.state]} classes={STATE_TAG[p.state]} /> } },
              { key: { text: 'Envoyé le' }, value: { text: p.filedAt ? dateTimeFr(p.filedAt) : '—' } },
              p.decidedAt ? { key: { text: 'Décision du' }, value: { text: dateFr(p.decidedAt) } } : null,
              p.decisionReason ? { key: { text: 'Motif' }, value: { text: p.decisionReason } } : null,
              { key: { text: 'Récépissé' }, value: { html: <a class="govuk-link" href={`/demarches/dossiers/${p.caseId}/recepisse.pdf`}>Télécharger le récépissé (PDF)</a> } },
              ...p.letters.map((l) => ({ key: { text: 'Courrier de décision' }, value: { html: <a class="govuk-link" href={file(l.id)}>{l.name}</a> } })),
            ]}
          />
          <h2 class="govuk-heading-m">Ce qui s’est passé</h2>
          <Table
            head={[{ text: 'Date' }, { text: 'Étape' }]}
            rows={p.events.map((e) => [{ text: dateTimeFr(e.at) }, { html: <>{e.title}{e.text ? <><br /><span class="govuk-body-s">{e.text}</span></> : null}</> }])}
          />
          <h2 class="govuk-heading-m" id="messages-titre">
            Messages
          </h2>
          {p.messages.length === 0 ? <p class="govuk-body">Aucun message pour l’instant.</p> : null}
          {p.messages.map((m) => (
            <div class="govuk-inset-text">
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{m.mine ? 'Vous' : team}</strong>, le {dateTimeFr(m.at)}
              </p>
              {m.body.split(/\n+/).map((l) => (
                <p class="govuk-body">{l}</p>
              ))}
              {m.files.map((f) => (
                <p class="govuk-body">
                  <a class="govuk-link" href={file(f.id)}>
                    {f.name}
                  </a>
                </p>
              ))}
            </div>
          ))}
          {p.state !== 'accepted' && p.state !== 'refused' && p.state !== 'closed_without_action' ? (
            <form method="post" action={`/demarches/dossiers/${p.caseId}/message`} enctype="multipart/form-data" novalidate>
              <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
              <Textarea id="message" name="message" label={{ text: 'Écrire à l’équipe', classes: 'govuk-label--s' }} value={valueOf(p.values, 'message')} errorMessage={errorFor(p.errors, 'message')} rows={4} />
              <FileUpload id="fichiers" name="fichiers" multiple label={{ text: 'Joindre des documents (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'PDF, JPEG ou PNG, 3 fichiers de 5 Mo au plus' }} errorMessage={errorFor(p.errors, 'fichiers')} />
              <Button text="Envoyer le message" />
            </form>
          ) : null}
          <h2 class="govuk-heading-m">Vos réponses</h2>
          {p.sections.map((s) => (
            <>
              <h3 class="govuk-heading-s">{s.title}</h3>
              <SummaryList
                rows={s.rows.map((r) => ({
                  key: { text: r.label },
                  value: r.fileId ? { html: <a class="govuk-link" href={file(r.fileId)}>{r.lines.join(' ')}</a> } : { html: r.lines.length ? <>{r.lines.map((l, i) => (i ? <><br />{l}</> : l))}</> : <span class="govuk-hint">Pas de réponse</span> },
                }))}
              />
            </>
          ))}
        </div>
      </div>
    </Layout>
  );
}

export function MyProceduresPage(props: {
  ctx: PageContext;
  drafts: Array<{ id: string; title: string; updatedAt: Date }>;
  filed: Array<{ id: string; reference: string; title: string; state: CaseState; filedAt: Date | null }>;
}) {
  return (
    <Layout ctx={props.ctx} title="Mes démarches">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Mes démarches</h1>
          <h2 class="govuk-heading-m">Demandes envoyées</h2>
          {props.filed.length === 0 ? (
            <p class="govuk-body">Aucune demande envoyée avec ce compte.</p>
          ) : (
            <div class="relais-table-scroll" tabindex={0} role="region" aria-label="Demandes envoyées">
            <Table
              head={[{ text: 'Dossier' }, { text: 'Démarche' }, { text: 'État' }, { text: 'Envoyé le' }]}
              rows={props.filed.map((f) => [
                { html: <a class="govuk-link" href={`/demarches/dossiers/${f.id}`}>{f.reference}</a> },
                { text: f.title },
                { html: <Tag text={CASE_STATE_LABELS[f.state]} classes={STATE_TAG[f.state]} /> },
                { text: f.filedAt ? dateFr(f.filedAt) : '—' },
              ])}
            />
            </div>
          )}
          <h2 class="govuk-heading-m">Brouillons</h2>
          {props.drafts.length === 0 ? (
            <p class="govuk-body">Aucun brouillon.</p>
          ) : (
            <ul class="govuk-list">
              {props.drafts.map((d) => (
                <li>
                  <a class="govuk-link" href={`/demarches/brouillon/${d.id}`}>
                    {d.title}
                  </a>{' '}
                  <span class="govuk-body-s">(modifié le {dateFr(d.updatedAt)})</span>
                </li>
              ))}
            </ul>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href="/demarches">Faire une nouvelle demande</a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
