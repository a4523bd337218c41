// Collective sessions: the resident's page of one session (take a seat), their seat's page (cancel), and the
// agents' list of sessions (open one) and page of one session (participants, add someone).
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import { Button, Checkboxes, ErrorSummary, Input, InsetText, NotificationBanner, Panel, SummaryList, Table, Tag, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { SocialCentre } from '../../territory/index.ts';
import { STATUS_LABELS, STATUS_TAGS } from '../domain/labels.ts';
import type { GroupSessionRow, SeatRow, SessionWithSeats } from '../use-cases/group-sessions.ts';
import { AgendaNav } from './agent.pages.tsx';
import { PersonFields } from './public.pages.tsx';

import { seatsText, sessionWhen as when, SessionsList } from './slot-list.tsx';

const left = (s: SessionWithSeats) => Math.max(0, s.seats - s.taken);

export function SessionPage(p: { ctx: PageContext; session: SessionWithSeats; centre: SocialCentre; values: FormValues; errors: FieldError[] }) {
  const s = p.session;
  return (
    <Layout ctx={p.ctx} title={`Atelier : ${s.title}`} hasErrors={p.errors.length > 0}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <span class="govuk-caption-l">{p.centre.name}</span>
          <h1 class="govuk-heading-l">{s.title}</h1>
          <SummaryList
            rows={[
              { key: { text: 'Date' }, value: { text: when(s) } },
              { key: { text: 'Lieu' }, value: { text: `${p.centre.name}, ${p.centre.address}` } },
              { key: { text: 'Places' }, value: { text: seatsText(s) } },
            ]}
          />
          {s.description ? <p class="govuk-body">{s.description}</p> : null}
          {left(s) > 0 ? (
            <form method="post" action={`/rendez-vous/ateliers/${s.id}`} novalidate>
              <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
              <h2 class="govuk-heading-m">Réserver une place</h2>
              <PersonFields values={p.values} errors={p.errors} />
              <Button text="Réserver ma place" />
            </form>
          ) : (
            <InsetText text="Cet atelier est complet. Regardez les autres ateliers du centre ou appelez-le." />
          )}
        </div>
      </div>
    </Layout>
  );
}

export function SeatPage(p: { ctx: PageContext; seat: SeatRow; session: GroupSessionRow; centre: SocialCentre | null; token: string; justBooked: boolean; notice: string | null }) {
  const s = p.session;
  return (
    <Layout ctx={p.ctx} title={`Votre place : ${s.title}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.justBooked ? <Panel titleText="Place réservée" text={when(s)} /> : p.notice ? <NotificationBanner type="success" text={p.notice} /> : <h1 class="govuk-heading-l">Votre place</h1>}
          <SummaryList
            rows={[
              { key: { text: 'Atelier' }, value: { text: s.title } },
              { key: { text: 'Date' }, value: { text: when(s) } },
              { key: { text: 'Lieu' }, value: { text: p.centre ? `${p.centre.name}, ${p.centre.address}` : '' } },
              { key: { text: 'État' }, value: { html: <Tag text={s.cancelledAt ? 'Atelier annulé' : STATUS_LABELS[p.seat.status]} classes={s.cancelledAt ? 'govuk-tag--grey' : STATUS_TAGS[p.seat.status]} /> } },
            ]}
          />
          {p.justBooked ? <p class="govuk-body">Gardez l’adresse de cette page : elle sert à annuler votre inscription.</p> : null}
          {p.seat.status === 'booked' && !s.cancelledAt ? (
            <form method="post" action={`/rendez-vous/ateliers/place/${p.token}/annuler`}>
              <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
              <Button text="Annuler mon inscription" classes="govuk-button--warning" />
            </form>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

export function AgentSessionsPage(p: { ctx: PageContext; centre: SocialCentre; sessions: SessionWithSeats[]; values: FormValues; errors: FieldError[]; manager: boolean; notice: string | null }) {
  return (
    <Layout ctx={p.ctx} title="Ateliers collectifs" hasErrors={p.errors.length > 0}>
      <AgendaNav current="/agenda/ateliers" manager={p.manager} />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <span class="govuk-caption-l">{p.centre.name}</span>
      <h1 class="govuk-heading-l">Ateliers collectifs</h1>
      {p.sessions.length ? <SessionsList sessions={p.sessions} href={(s) => `/agenda/ateliers/${s.id}`} /> : <p class="govuk-body">Aucun atelier à venir.</p>}
      <form method="post" action={`/agenda/ateliers?centre=${p.centre.id}`} novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        <h2 class="govuk-heading-m">Ouvrir un atelier que vous animez</h2>
        <Input id="title" name="title" label={{ text: 'Titre', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple « Premiers pas sur internet » ou « Les dangers des réseaux sociaux »' }} value={valueOf(p.values, 'title')} errorMessage={errorFor(p.errors, 'title')} />
        <Textarea id="description" name="description" label={{ text: 'Présentation (facultatif)', classes: 'govuk-label--s' }} value={valueOf(p.values, 'description')} errorMessage={errorFor(p.errors, 'description')} rows={3} />
        <Input id="date" name="date" type="date" label={{ text: 'Date', classes: 'govuk-label--s' }} value={valueOf(p.values, 'date')} errorMessage={errorFor(p.errors, 'date')} classes="govuk-input--width-10" />
        <Input id="start" name="start" label={{ text: 'De (heure)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple 14:00' }} value={valueOf(p.values, 'start')} errorMessage={errorFor(p.errors, 'start')} classes="govuk-input--width-5" />
        <Input id="end" name="end" label={{ text: 'À (heure)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple 16:00' }} value={valueOf(p.values, 'end')} errorMessage={errorFor(p.errors, 'end')} classes="govuk-input--width-5" />
        <Input id="seats" name="seats" inputmode="numeric" label={{ text: 'Nombre de places', classes: 'govuk-label--s' }} value={valueOf(p.values, 'seats')} errorMessage={errorFor(p.errors, 'seats')} classes="govuk-input--width-4" />
        <Checkboxes name="online" idPrefix="online" items={[{ value: 'oui', text: 'Les usagers peuvent réserver en ligne', checked: valueOf(p.values, 'online') === 'oui' }]} />
        <Button text="Ouvrir l’atelier" />
      </form>
    </Layout>
  );
}

export function AgentSessionPage(p: { ctx: PageContext; session: SessionWithSeats; seats: SeatRow[]; values: FormValues; errors: FieldError[]; manager: boolean; notice: string | null }) {
  const s = p.session;
  return (
    <Layout ctx={p.ctx} title={`Atelier : ${s.title}`} hasErrors={p.errors.length > 0}>
      <AgendaNav current="/agenda/ateliers" manager={p.manager} />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <span class="govuk-caption-l">{when(s)}</span>
      <h1 class="govuk-heading-l">{s.title}</h1>
      <p class="govuk-body">{seatsText(s)}</p>
      {p.seats.length ? (
        <Table
          caption="Inscrits"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Nom' }, { text: 'État' }]}
          rows={p.seats.map((x) => [{ text: x.personName }, { html: <Tag text={STATUS_LABELS[x.status]} classes={STATUS_TAGS[x.status]} /> }])}
        />
      ) : (
        <p class="govuk-body">Personne n’est encore inscrit.</p>
      )}
      {left(s) > 0 ? (
        <form method="post" action={`/agenda/ateliers/${s.id}/inscrire`} class="relais-no-print" novalidate>
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <h2 class="govuk-heading-m">Inscrire quelqu’un</h2>
          <PersonFields values={p.values} errors={p.errors} />
          <Button text="Inscrire" />
        </form>
      ) : null}
    </Layout>
  );
}
