// Opinions of partner administrations: the agent's page on a case file (ask, remind, revoke, read the answers)
// and the partner's pages (their invitations, the case file's answers, their answer, messages with the agents).
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import {
  BackLink,
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  FileUpload,
  Input,
  InsetText,
  NotificationBanner,
  Radios,
  SummaryList,
  Table,
  Tag,
  Textarea,
} from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { AnswerSection } from '../domain/answer-display.ts';
import { dateFr, dateTimeFr } from './review.pages.tsx';

const STATUS = {
  pending: { text: 'En attente', classes: 'govuk-tag--blue' },
  answered: { text: 'Avis donné', classes: 'govuk-tag--green' },
  revoked: { text: 'Retirée', classes: 'govuk-tag--grey' },
  expired: { text: 'Délai dépassé', classes: 'govuk-tag--orange' },
} as const;

export interface InvitationView {
  id: string;
  email: string;
  organisation: string;
  status: keyof typeof STATUS;
  deadline: string;
  question: string | null;
  confidential: boolean;
  answerText: string | null;
  answerYesNo: boolean | null;
  answeredAt: Date | null;
  files: Array<{ id: string; name: string }>;
  messages: Array<{ at: Date; who: string; body: string }>;
}

const deadlineFr = (d: string) => dateFr(new Date(`${d}T12:00:00Z`));

export function AgentOpinionsPage(p: { ctx: PageContext; caseId: string; reference: string; invitations: InvitationView[]; values: FormValues; errors: FieldError[]; flash: string | null; decided: boolean }) {
  const base = `/instruction/dossiers/${p.caseId}/avis`;
  return (
    <Layout ctx={p.ctx} title={`Avis externes — dossier ${p.reference}`} hasErrors={p.errors.length > 0} beforeContent={<BackLink href={`/instruction/dossiers/${p.caseId}`} text={`Dossier ${p.reference}`} />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field === 'deadline' ? 'deadline-day' : e.field}` }))} /> : null}
          {p.flash ? <NotificationBanner type="success" text={p.flash} /> : null}
          <span class="govuk-caption-l">Dossier {p.reference}</span>
          <h1 class="govuk-heading-l">Avis externes</h1>
          {p.invitations.length === 0 ? <p class="govuk-body">Aucun avis demandé pour ce dossier.</p> : null}
          {p.invitations.map((i) => (
            <div class="govuk-!-margin-bottom-8">
              <h2 class="govuk-heading-m">
                {i.organisation} <Tag text={STATUS[i.status].text} classes={STATUS[i.status].classes} />
              </h2>
              <SummaryList
                rows={[
                  { key: { text: 'Personne' }, value: { text: i.email } },
                  { key: { text: 'Date limite' }, value: { text: deadlineFr(i.deadline) } },
                  { key: { text: 'Confidentiel' }, value: { text: i.confidential ? 'Oui' : 'Non' } },
                  i.question ? { key: { text: 'Question' }, value: { text: i.question } } : null,
                  i.answerYesNo !== null ? { key: { text: 'Réponse' }, value: { text: i.answerYesNo ? 'Oui' : 'Non' } } : null,
                  i.answerText ? { key: { text: 'Avis' }, value: { text: i.answerText } } : null,
                  ...i.files.map((f) => ({ key: { text: 'Pièce jointe' }, value: { html: <a class="govuk-link" href={`/instruction/dossiers/${p.caseId}/fichiers/${f.id}`}>{f.name}</a> } })),
                ]}
              />
              {i.messages.map((m) => (
                <InsetText html={<><strong>{m.who}</strong>, le {dateTimeFr(m.at)} : {m.body}</>} />
              ))}
              {i.status === 'pending' || i.status === 'answered' ? (
                <form method="post" action={`${base}/${i.id}/message`} novalidate>
                  <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
                  <Textarea id={`message-${i.id}`} name="message" label={{ text: `Écrire à ${i.organisation}`, classes: 'govuk-label--s' }} rows={3} />
                  <Button text="Envoyer" classes="govuk-button--secondary" />
                </form>
              ) : null}
              {i.status === 'pending' ? (
                <div class="govuk-button-group">
                  <form method="post" action={`${base}/${i.id}/relancer`} novalidate>
                    <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
                    <Button text="Relancer" classes="govuk-button--secondary" />
                  </form>
                  <form method="post" action={`${base}/${i.id}/retirer`} novalidate>
                    <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
                    <Button text="Retirer la demande" classes="govuk-button--warning" />
                  </form>
                </div>
              ) : null}
            </div>
          ))}
          {p.decided ? null : (
            <>
              <h2 class="govuk-heading-m">Demander un avis</h2>
              <form method="post" action={base} novalidate>
                <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
                <Input id="name" name="name" label={{ text: 'Nom de la personne', classes: 'govuk-label--s' }} value={valueOf(p.values, 'name')} errorMessage={errorFor(p.errors, 'name')} />
                <Input id="email" name="email" type="email" label={{ text: 'Son adresse e-mail professionnelle', classes: 'govuk-label--s' }} value={valueOf(p.values, 'email')} errorMessage={errorFor(p.errors, 'email')} spellcheck={false} />
                <Input id="organisation" name="organisation" label={{ text: 'Son administration', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple CAF, CPAM, France Travail, préfecture, mairie de Dinard' }} value={valueOf(p.values, 'organisation')} errorMessage={errorFor(p.errors, 'organisation')} />
                <Textarea id="introduction" name="introduction" label={{ text: 'Ce que vous attendez de cet avis', classes: 'govuk-label--s' }} hint={{ text: 'La personne lira aussi les réponses du dossier et ses pièces jointes, jamais vos notes privées ni vos messages avec la personne.' }} value={valueOf(p.values, 'introduction')} errorMessage={errorFor(p.errors, 'introduction')} rows={4} />
                <Input id="question" name="question" label={{ text: 'Une question fermée (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'À laquelle on répond par oui ou non, par exemple « La personne a-t-elle des droits ouverts ? »' }} value={valueOf(p.values, 'question')} />
                <Checkboxes name="confidential" idPrefix="confidential" items={[{ value: 'oui', text: 'Avis confidentiel', hint: { text: 'Les autres partenaires invités sur ce dossier ne le verront pas.' } }]} values={valueOf(p.values, 'confidential') === 'oui' ? ['oui'] : []} />
                <DateInput
                  id="deadline"
                  namePrefix="deadline"
                  fieldset={{ legend: { text: 'Date limite de réponse', classes: 'govuk-fieldset__legend--s' } }}
                  hint={{ text: 'Par exemple 15 12 2026. Passé ce jour, la personne n’a plus accès au dossier.' }}
                  errorMessage={errorFor(p.errors, 'deadline')}
                  items={[
                    { name: 'day', label: 'Jour', value: valueOf(p.values, 'deadline-day'), classes: 'govuk-input--width-2' },
                    { name: 'month', label: 'Mois', value: valueOf(p.values, 'deadline-month'), classes: 'govuk-input--width-2' },
                    { name: 'year', label: 'Année', value: valueOf(p.values, 'deadline-year'), classes: 'govuk-input--width-4' },
                  ]}
                />
                <Button text="Envoyer la demande d’avis" />
              </form>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function PartnerListPage(p: { ctx: PageContext; invitations: Array<{ id: string; reference: string; title: string; organisation: string; deadline: string; status: keyof typeof STATUS }> }) {
  return (
    <Layout ctx={p.ctx} title="Avis demandés">
      <h1 class="govuk-heading-l">Avis demandés</h1>
      {p.invitations.length === 0 ? (
        <p class="govuk-body">Aucun avis ne vous est demandé.</p>
      ) : (
        <div class="relais-table-scroll" tabindex={0} role="region" aria-label="Avis demandés">
        <Table
          head={[{ text: 'Dossier' }, { text: 'Démarche' }, { text: 'Pour' }, { text: 'Avant le' }, { text: 'État' }]}
          rows={p.invitations.map((i) => [
            { html: <a class="govuk-link" href={`/avis/${i.id}`}>{i.reference}</a> },
            { text: i.title },
            { text: i.organisation },
            { text: deadlineFr(i.deadline) },
            { html: <Tag text={STATUS[i.status].text} classes={STATUS[i.status].classes} /> },
          ])}
        />
        </div>
      )}
    </Layout>
  );
}

export function PartnerCasePage(p: {
  ctx: PageContext;
  invitation: InvitationView & { introduction: string };
  reference: string;
  title: string;
  sections: AnswerSection[];
  others: Array<{ organisation: string; answerText: string; answerYesNo: boolean | null }>;
  values: FormValues;
  errors: FieldError[];
  flash: string | null;
}) {
  const inv = p.invitation;
  const base = `/avis/${inv.id}`;
  return (
    <Layout ctx={p.ctx} title={`Avis sur le dossier ${p.reference}`} hasErrors={p.errors.length > 0} beforeContent={<BackLink href="/avis" text="Avis demandés" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          {p.flash ? <NotificationBanner type="success" text={p.flash} /> : null}
          <span class="govuk-caption-l">{p.title}</span>
          <h1 class="govuk-heading-l">Avis demandé sur le dossier {p.reference}</h1>
          <InsetText text={inv.introduction} />
          <p class="govuk-body">Répondez avant le {deadlineFr(inv.deadline)}. Après, vous n’aurez plus accès au dossier.</p>
          <h2 class="govuk-heading-m">Votre avis</h2>
          {inv.status === 'answered' ? (
            <SummaryList
              rows={[
                inv.question ? { key: { text: inv.question }, value: { text: inv.answerYesNo ? 'Oui' : 'Non' } } : null,
                { key: { text: 'Avis' }, value: { text: inv.answerText ?? '' } },
                { key: { text: 'Donné le' }, value: { text: inv.answeredAt ? dateTimeFr(inv.answeredAt) : '' } },
              ]}
            />
          ) : (
            <form method="post" action={`${base}/reponse`} enctype="multipart/form-data" novalidate>
              <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
              {inv.question ? (
                <Radios
                  name="reponse"
                  idPrefix="reponse"
                  classes="govuk-radios--inline"
                  fieldset={{ legend: { text: inv.question, classes: 'govuk-fieldset__legend--s' } }}
                  items={[
                    { value: 'oui', text: 'Oui' },
                    { value: 'non', text: 'Non' },
                  ]}
                  value={valueOf(p.values, 'reponse') || undefined}
                  errorMessage={errorFor(p.errors, 'reponse')}
                />
              ) : null}
              <Textarea id="avis" name="avis" label={{ text: 'Votre avis', classes: 'govuk-label--s' }} value={valueOf(p.values, 'avis')} errorMessage={errorFor(p.errors, 'avis')} rows={6} />
              <FileUpload id="fichier" name="fichier" label={{ text: 'Un document (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'PDF, JPEG ou PNG, 5 Mo au plus' }} errorMessage={errorFor(p.errors, 'fichier')} />
              <Button text="Envoyer mon avis" />
            </form>
          )}
          <h2 class="govuk-heading-m">Échanges avec l’équipe du département</h2>
          {inv.messages.map((m) => (
            <InsetText html={<><strong>{m.who}</strong>, le {dateTimeFr(m.at)} : {m.body}</>} />
          ))}
          <form method="post" action={`${base}/message`} novalidate>
            <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
            <Textarea id="message" name="message" label={{ text: 'Écrire à l’équipe', classes: 'govuk-label--s' }} value={valueOf(p.values, 'message')} errorMessage={errorFor(p.errors, 'message')} rows={3} />
            <Button text="Envoyer" classes="govuk-button--secondary" />
          </form>
          {p.others.length ? (
            <>
              <h2 class="govuk-heading-m">Avis des autres partenaires</h2>
              {p.others.map((o) => (
                <InsetText html={<><strong>{o.organisation}</strong>{o.answerYesNo !== null ? ` (${o.answerYesNo ? 'oui' : 'non'})` : ''} : {o.answerText}</>} />
              ))}
            </>
          ) : null}
          <h2 class="govuk-heading-m">Le dossier</h2>
          {p.sections.map((s) => (
            <>
              <h3 class="govuk-heading-s">{s.title}</h3>
              <SummaryList
                rows={s.rows.map((r) => ({
                  key: { text: r.label },
                  value: r.fileId ? { html: <a class="govuk-link" href={`${base}/fichiers/${r.fileId}`}>{r.lines.join(' ')}</a> } : { html: r.lines.length ? <>{r.lines.map((l, i) => (i ? <><br />{l}</> : l))}</> : <span class="govuk-hint">Pas de réponse</span> },
                }))}
              />
            </>
          ))}
        </div>
      </div>
    </Layout>
  );
}

export function PartnerClosedPage(p: { ctx: PageContext; reason: 'revoked' | 'expired' | 'decided' }) {
  const text = {
    revoked: 'Le département a retiré sa demande d’avis : vous n’avez plus accès à ce dossier.',
    expired: 'La date limite de réponse est passée : vous n’avez plus accès à ce dossier. Si vous voulez encore donner votre avis, contactez l’agent qui vous l’a demandé.',
    decided: 'Une décision a été prise sur ce dossier : vous n’y avez plus accès.',
  }[p.reason];
  return (
    <Layout ctx={p.ctx} title="Vous n’avez plus accès à ce dossier">
      <h1 class="govuk-heading-l">Vous n’avez plus accès à ce dossier</h1>
      <p class="govuk-body">{text}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/avis">Vos autres demandes d’avis</a>
      </p>
    </Layout>
  );
}
