// The agents' pages: the inbox of case files and the case page (MOJ sub navigation for the tabs and sections).
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import {
  BackLink,
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  FileUpload,
  Input,
  NotificationBanner,
  Pagination,
  Radios,
  Select,
  SubNavigation,
  SummaryList,
  Table,
  Tag,
  Textarea,
} from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CASE_STATE_LABELS, CASE_STATES, reasonRequired, type CaseCommand, type CaseState } from '../domain/case-lifecycle.ts';
import type { AnswerSection } from '../domain/answer-display.ts';
import { INBOX_SORTS, INBOX_TABS, INBOX_TAB_LABELS, type InboxRow, type InboxTab } from '../db/inbox-queries.ts';
import { caseReference } from '../domain/reference.ts';

export const STATE_TAG: Readonly<Record<CaseState, string>> = {
  draft: 'govuk-tag--grey',
  filed: 'govuk-tag--blue',
  in_review: 'govuk-tag--light-blue',
  correction_requested: 'govuk-tag--orange',
  accepted: 'govuk-tag--green',
  refused: 'govuk-tag--red',
  closed_without_action: 'govuk-tag--grey',
};

export const dateFr = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
export const dateTimeFr = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d).replace(':', ' h ');

const SORT_LABELS = { 'depot-recent': 'Dépôt le plus récent', 'depot-ancien': 'Dépôt le plus ancien', 'mise-a-jour': 'Dernière mise à jour' } as const;

export interface InboxPageProps {
  ctx: PageContext;
  tab: InboxTab;
  values: FormValues;
  errors: FieldError[];
  rows: InboxRow[];
  page: number;
  hasNext: boolean;
  procedures: Array<{ id: string; title: string; slug: string }>;
  query: (changes: Record<string, string | null>) => string;
  flash: string | null;
}

export function InboxPage(props: InboxPageProps) {
  const v = props.values;
  const procedure = props.procedures.find((p) => p.id === valueOf(v, 'demarche'));
  return (
    <Layout ctx={props.ctx} title="Dossiers à instruire" hasErrors={props.errors.length > 0}>
      {props.errors.length ? <ErrorSummary errorList={props.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {props.flash ? <NotificationBanner type="success" text={props.flash} /> : null}
      <h1 class="govuk-heading-l">Dossiers à instruire</h1>
      <SubNavigation label="Onglets des dossiers" items={INBOX_TABS.map((t) => ({ text: INBOX_TAB_LABELS[t], href: props.query({ onglet: t, page: null }), active: t === props.tab }))} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter-from-desktop">
          <form method="get" action="/instruction" novalidate>
            <input type="hidden" name="onglet" value={props.tab} />
            <h2 class="govuk-heading-m">Filtrer</h2>
            <Input id="q" name="q" type="search" label={{ text: 'Rechercher', classes: 'govuk-label--s' }} hint={{ text: 'Un numéro, un nom, un mot des réponses' }} value={valueOf(v, 'q')} spellcheck={false} />
            <Select
              id="demarche"
              name="demarche"
              label={{ text: 'Démarche', classes: 'govuk-label--s' }}
              items={[{ value: '', text: 'Toutes' }, ...props.procedures.map((p) => ({ value: p.id, text: p.title }))]}
              value={valueOf(v, 'demarche')}
              classes="govuk-!-width-full"
            />
            <Select
              id="etat"
              name="etat"
              label={{ text: 'État', classes: 'govuk-label--s' }}
              items={[{ value: '', text: 'Tous' }, ...CASE_STATES.filter((s) => s !== 'draft').map((s) => ({ value: s, text: CASE_STATE_LABELS[s] }))]}
              value={valueOf(v, 'etat')}
            />
            <Input id="commune" name="commune" label={{ text: 'Commune (code INSEE)', classes: 'govuk-label--s' }} value={valueOf(v, 'commune')} classes="govuk-input--width-5" inputmode="numeric" errorMessage={errorFor(props.errors, 'commune')} />
            <Input id="du" name="du" label={{ text: 'Déposé depuis le', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple 1/10/2026' }} value={valueOf(v, 'du')} classes="govuk-input--width-10" errorMessage={errorFor(props.errors, 'du')} />
            <Input id="au" name="au" label={{ text: 'Jusqu’au', classes: 'govuk-label--s' }} value={valueOf(v, 'au')} classes="govuk-input--width-10" errorMessage={errorFor(props.errors, 'au')} />
            <Select id="tri" name="tri" label={{ text: 'Trier par', classes: 'govuk-label--s' }} items={INBOX_SORTS.map((s) => ({ value: s, text: SORT_LABELS[s] }))} value={valueOf(v, 'tri') || 'depot-recent'} />
            <Button text="Appliquer" classes="govuk-button--secondary" />
          </form>
          {procedure ? (
            <p class="govuk-body">
              Exporter « {procedure.title} » :{' '}
              <a class="govuk-link" href={`/instruction/export.csv?demarche=${procedure.id}`}>
                CSV
              </a>{' '}
              ou{' '}
              <a class="govuk-link" href={`/instruction/export.xlsx?demarche=${procedure.id}`}>
                Excel (XLSX)
              </a>
            </p>
          ) : (
            <p class="govuk-body-s">Choisissez une démarche pour exporter ses dossiers.</p>
          )}
          <p class="govuk-body-s">
            <a class="govuk-link" href="/instruction/preferences">Mes notifications</a>
          </p>
        </div>
        <div class="govuk-grid-column-three-quarters-from-desktop">
          {props.rows.length === 0 ? (
            <p class="govuk-body">Aucun dossier ne correspond.</p>
          ) : (
            <form method="post" action="/instruction/actions" novalidate>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <input type="hidden" name="retour" value={props.query({})} />
              <div class="govuk-button-group">
                <Button text="M’attribuer la sélection" classes="govuk-button--secondary" name="action" value="assign-me" />
                <Button text="Suivre la sélection" classes="govuk-button--secondary" name="action" value="follow" />
              </div>
              <div class="relais-table-scroll" tabindex={0} role="region" aria-label={`Dossiers, page ${props.page}`}>
              <Table
                caption={`Page ${props.page}`}
                captionClasses="govuk-visually-hidden"
                head={[{ html: <span class="govuk-visually-hidden">Sélection</span> }, { text: 'Dossier' }, { text: 'Demandeur' }, { text: 'État' }]}
                rows={props.rows.map((r) => {
                  const ref = caseReference(r.number, new Date(r.created_at));
                  return [
                    {
                      html: (
                        <Checkboxes
                          name="dossiers"
                          idPrefix={`sel-${r.id}`}
                          classes="govuk-checkboxes--small"
                          formGroup={{ classes: 'govuk-!-margin-bottom-0' }}
                          items={[{ value: r.id, html: <span class="govuk-visually-hidden">Sélectionner le dossier {ref}</span> }]}
                        />
                      ),
                    },
                    // Four columns, details in small text under each: the list fits a phone.
                    {
                      html: (
                        <>
                          <a class="govuk-link" href={`/instruction/dossiers/${r.id}`}>
                            {ref}
                          </a>
                          <br />
                          <span class="govuk-body-s">{r.procedure_title}</span>
                        </>
                      ),
                    },
                    {
                      html: (
                        <>
                          {r.filer_name ?? '—'}
                          <br />
                          <span class="govuk-body-s">{r.commune_name ?? r.commune_code ?? ''}</span>
                        </>
                      ),
                    },
                    {
                      html: (
                        <>
                          <Tag text={CASE_STATE_LABELS[r.state]} classes={STATE_TAG[r.state]} />
                          <br />
                          <span class="govuk-body-s">
                            Déposé le {dateFr(new Date(r.filed_at))}
                            <br />
                            {r.assignee_name ? `Attribué à ${r.assignee_name}` : 'Non attribué'}
                          </span>
                        </>
                      ),
                    },
                  ];
                })}
              />
              </div>
            </form>
          )}
          <Pagination
            previous={props.page > 1 ? { href: props.query({ page: String(props.page - 1) }), text: 'Précédente' } : undefined}
            next={props.hasNext ? { href: props.query({ page: String(props.page + 1) }), text: 'Suivante' } : undefined}
            landmarkLabel="Pages de résultats"
          />
        </div>
      </div>
    </Layout>
  );
}

export const COMMAND_LABELS: Readonly<Record<Exclude<CaseCommand, 'submit'>, string>> = {
  start_review: 'Passer en instruction',
  request_correction: 'Demander une correction',
  accept: 'Accepter',
  refuse: 'Refuser',
  close_without_action: 'Classer sans suite',
  reopen: 'Rouvrir',
};

export interface TimelineEntry {
  at: Date;
  who: string;
  title: string;
  text: string | null;
}

export interface CasePageProps {
  ctx: PageContext;
  caseId: string;
  reference: string;
  title: string;
  version: number;
  state: CaseState;
  team: string | null;
  assignee: string | null;
  assignedToMe: boolean;
  following: boolean;
  filedAt: Date | null;
  filer: { name: string | null; email: string | null; phone: string | null };
  /** Filed by an aidant for the person, under a mandate. */
  underMandate?: { by: string; forName: string; reference: string } | null;
  sections: AnswerSection[];
  timeline: TimelineEntry[];
  messages: Array<{ at: Date; who: string; body: string; files: Array<{ id: string; name: string }> }>;
  notes: Array<{ at: Date; who: string; body: string }>;
  commands: Array<Exclude<CaseCommand, 'submit'>>;
  values: FormValues;
  errors: FieldError[];
  flash: string | null;
}

export function CasePage(p: CasePageProps) {
  const base = `/instruction/dossiers/${p.caseId}`;
  const fileHref = (id: string) => `${base}/fichiers/${id}`;
  const form = (action: string, children: unknown, enctype?: 'multipart/form-data') => (
    <form method="post" action={`${base}/${action}`} novalidate enctype={enctype}>
      <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
      {children}
    </form>
  );
  return (
    <Layout ctx={p.ctx} title={`Dossier ${p.reference}`} hasErrors={p.errors.length > 0} beforeContent={<BackLink href="/instruction" text="Dossiers à instruire" />}>
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {p.flash ? <NotificationBanner type="success" text={p.flash} /> : null}
      <span class="govuk-caption-l">
        {p.title} (version {p.version})
      </span>
      <h1 class="govuk-heading-l">
        Dossier {p.reference} <Tag text={CASE_STATE_LABELS[p.state]} classes={STATE_TAG[p.state]} />
      </h1>
      <SummaryList
        classes="govuk-summary-list--no-border"
        rows={[
          { key: { text: 'Demandeur' }, value: { text: [p.filer.name, p.filer.email, p.filer.phone].filter(Boolean).join(' · ') || '—' } },
          { key: { text: 'Déposé le' }, value: { text: p.filedAt ? dateTimeFr(p.filedAt) : '—' } },
          p.underMandate ? { key: { text: 'Mandat' }, value: { text: `Déposé par ${p.underMandate.by} pour ${p.underMandate.forName} au titre du mandat ${p.underMandate.reference}` } } : null,
          { key: { text: 'Équipe' }, value: { text: p.team ?? '—' } },
          { key: { text: 'Attribué à' }, value: { text: p.assignee ?? 'Personne' } },
        ]}
      />
      <div class="govuk-button-group">
        {form('attribution', <Button text={p.assignedToMe ? 'Ne plus m’attribuer ce dossier' : 'M’attribuer ce dossier'} classes="govuk-button--secondary" name="action" value={p.assignedToMe ? 'unassign' : 'assign-me'} />)}
        {form('attribution', <Button text={p.following ? 'Ne plus suivre' : 'Suivre ce dossier'} classes="govuk-button--secondary" name="action" value={p.following ? 'unfollow' : 'follow'} />)}
        <a class="govuk-button govuk-button--secondary" href={`${base}/avis`}>
          Avis externes
        </a>
      </div>
      <SubNavigation
        label="Parties du dossier"
        items={[
          { text: 'Décision', href: '#decision' },
          { text: 'Demande', href: '#demande' },
          { text: 'Messages', href: '#messages' },
          { text: 'Notes privées', href: '#notes' },
          { text: 'Historique', href: '#historique' },
        ]}
      />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m" id="decision">
            Décision
          </h2>
          {p.commands.length === 0 ? (
            <p class="govuk-body">Aucune action possible sur un dossier dans cet état.</p>
          ) : (
            form(
              'decision',
              <>
                <Radios
                  name="commande"
                  idPrefix="commande"
                  fieldset={{ legend: { text: 'Que faites-vous de ce dossier ?', classes: 'govuk-fieldset__legend--s' } }}
                  items={p.commands.map((cmd) => ({ value: cmd, text: `${COMMAND_LABELS[cmd]}${reasonRequired(cmd) ? ' (motif obligatoire)' : ''}` }))}
                  value={valueOf(p.values, 'commande') || undefined}
                  errorMessage={errorFor(p.errors, 'commande')}
                />
                <CharacterCount
                  id="motif"
                  name="motif"
                  maxlength={4000}
                  rows={4}
                  label={{ text: 'Motif', classes: 'govuk-label--s' }}
                  hint={{ text: 'Pour une correction, un refus, un classement sans suite ou une réouverture, le motif est obligatoire. Il est communiqué à la personne : écrivez-le simplement.' }}
                  value={valueOf(p.values, 'motif')}
                  errorMessage={errorFor(p.errors, 'motif')}
                />
                <Button text="Enregistrer la décision" />
              </>,
            )
          )}
          <h2 class="govuk-heading-m" id="demande">
            Demande
          </h2>
          {p.sections.map((s) => (
            <>
              <h3 class="govuk-heading-s">{s.title}</h3>
              <SummaryList
                rows={s.rows.map((r) => ({
                  key: { text: r.label },
                  value: r.fileId ? { html: <a class="govuk-link" href={fileHref(r.fileId)}>{r.lines.join(' ')}</a> } : { html: r.lines.length ? <>{r.lines.map((l, i) => (i ? <><br />{l}</> : l))}</> : <span class="govuk-hint">Pas de réponse</span> },
                }))}
              />
            </>
          ))}
          <h2 class="govuk-heading-m" id="messages">
            Messages avec la personne
          </h2>
          {p.messages.length === 0 ? <p class="govuk-body">Aucun message.</p> : null}
          {p.messages.map((m) => (
            <div class="govuk-inset-text">
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{m.who}</strong>, le {dateTimeFr(m.at)}
              </p>
              {m.body.split(/\n+/).map((l) => (
                <p class="govuk-body">{l}</p>
              ))}
              {m.files.map((f) => (
                <p class="govuk-body">
                  <a class="govuk-link" href={fileHref(f.id)}>
                    {f.name}
                  </a>
                </p>
              ))}
            </div>
          ))}
          {form(
            'message',
            <>
              <Textarea id="message" name="message" label={{ text: 'Écrire à la personne', classes: 'govuk-label--s' }} hint={{ text: 'Elle est prévenue par e-mail si elle a donné son adresse.' }} value={valueOf(p.values, 'message')} errorMessage={errorFor(p.errors, 'message')} rows={4} />
              <FileUpload id="fichiers" name="fichiers" multiple label={{ text: 'Pièces jointes (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'PDF, JPEG ou PNG, 3 fichiers de 5 Mo au plus' }} errorMessage={errorFor(p.errors, 'fichiers')} />
              <Button text="Envoyer le message" classes="govuk-button--secondary" />
            </>,
            'multipart/form-data',
          )}
          <h2 class="govuk-heading-m" id="notes">
            Notes privées
          </h2>
          <p class="govuk-body-s">Visibles seulement par l’équipe : jamais par la personne ni par les partenaires.</p>
          {p.notes.map((n) => (
            <div class="govuk-inset-text">
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{n.who}</strong>, le {dateTimeFr(n.at)}
              </p>
              <p class="govuk-body">{n.body}</p>
            </div>
          ))}
          {form(
            'note',
            <>
              <Textarea id="note" name="note" label={{ text: 'Ajouter une note', classes: 'govuk-label--s' }} value={valueOf(p.values, 'note')} errorMessage={errorFor(p.errors, 'note')} rows={3} />
              <Button text="Ajouter la note" classes="govuk-button--secondary" />
            </>,
          )}
          <h2 class="govuk-heading-m" id="historique">
            Historique
          </h2>
          <ol class="govuk-list">
            {p.timeline.map((e) => (
              <li class="govuk-!-margin-bottom-4">
                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{e.title}</h3>
                <p class="govuk-body-s govuk-!-margin-bottom-1">
                  {e.who}, le {dateTimeFr(e.at)}
                </p>
                {e.text ? <p class="govuk-body">{e.text}</p> : null}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </Layout>
  );
}

export function NoTeamPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Dossiers à instruire">
      <h1 class="govuk-heading-l">Dossiers à instruire</h1>
      <p class="govuk-body">Vous ne faites partie d’aucune équipe d’instruction : aucun dossier ne vous est donc montré.</p>
      <p class="govuk-body">Demandez à l’administrateur du département de vous ajouter à l’équipe qui instruit une démarche.</p>
    </Layout>
  );
}

export function PreferencesPage(props: { ctx: PageContext; mode: 'each' | 'daily' | 'none' | null; flash: string | null; error: string | null }) {
  return (
    <Layout ctx={props.ctx} title="Mes notifications" hasErrors={!!props.error} beforeContent={<BackLink href="/instruction" text="Dossiers à instruire" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.error ? <ErrorSummary errorList={[{ text: props.error, href: '#mode' }]} /> : null}
          {props.flash ? <NotificationBanner type="success" text={props.flash} /> : null}
          <h1 class="govuk-heading-l">Mes notifications</h1>
          <form method="post" action="/instruction/preferences" novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <Radios
              name="mode"
              idPrefix="mode"
              fieldset={{ legend: { text: 'Comment voulez-vous être prévenu des nouveaux dossiers et messages de vos équipes ?', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Les e-mails donnent le numéro du dossier et un lien, jamais son contenu.' }}
              items={[
                { value: 'each', text: 'Un e-mail à chaque nouveau dossier ou message' },
                { value: 'daily', text: 'Un résumé par jour' },
                { value: 'none', text: 'Aucun e-mail' },
              ]}
              value={props.mode ?? undefined}
              errorMessage={props.error ? { text: props.error } : undefined}
            />
            <Button text="Enregistrer" />
          </form>
        </div>
      </div>
    </Layout>
  );
}
