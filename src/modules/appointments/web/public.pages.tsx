// The resident's pages: commune → centre and its reasons → a day-by-day list of free times → name and a way
// to be reached → the appointment's own page (also reached by the link in every message) to cancel or move it.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import { formatParisDay, formatParisTime } from '../../../platform/time/paris.ts';
import { Button, ErrorSummary, Input, InsetText, NotificationBanner, Panel, SummaryList, Tag, WarningText } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript, type CommuneSummary, type SocialCentre } from '../../territory/index.ts';
import type { ReasonRow } from '../db/slot-queries.ts';
import { delayText, LOCATION_LABELS, STATUS_LABELS, STATUS_TAGS } from '../domain/labels.ts';
import type { Slot } from '../domain/slots.ts';
import type { AppointmentRow } from '../use-cases/messages.ts';
import { capitalise, NextSlots, SessionsList, SlotDays } from './slot-list.tsx';
import type { SessionWithSeats } from '../use-cases/group-sessions.ts';

const when = (d: Date) => `${capitalise(formatParisDay(d, true))} à ${formatParisTime(d)}`;

export function StartPage(props: { ctx: PageContext; departement: string; value: { text: string; insee: string | null }; error?: string; candidates?: CommuneSummary[]; noCentre?: string }) {
  return (
    <Layout ctx={props.ctx} title="Prendre rendez-vous dans un centre social" hasErrors={!!props.error} scripts={[communeFieldScript]}>
      {props.error ? <ErrorSummary errorList={[{ text: props.error, href: communeFieldErrorHref('commune', props.candidates) }]} /> : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Prendre rendez-vous dans un centre social</h1>
          <p class="govuk-body">Un agent du Département vous reçoit, vous appelle ou vient chez vous. Indiquez votre commune : nous vous proposons le centre qui la sert.</p>
          <form method="get" action="/rendez-vous" novalidate>
            <CommuneField name="commune" label={{ text: 'Votre commune', classes: 'govuk-label--s' }} value={props.value} errorMessage={props.error ? { text: props.error } : undefined} candidates={props.candidates} departement={props.departement} />
            <Button text="Continuer" />
          </form>
          {props.noCentre ? <InsetText text={props.noCentre} /> : null}
        </div>
      </div>
    </Layout>
  );
}

export function CentrePage(props: { ctx: PageContext; centre: SocialCentre; reasons: ReasonRow[]; otherReasons: number; sessions: SessionWithSeats[] }) {
  const c = props.centre;
  return (
    <Layout ctx={props.ctx} title={`Rendez-vous : ${c.name}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{c.address}</span>
          <h1 class="govuk-heading-l">{c.name}</h1>
          {props.reasons.length ? (
            <>
              <h2 class="govuk-heading-m">Pour quoi voulez-vous un rendez-vous ?</h2>
              <ul class="govuk-list">
                {props.reasons.map((r) => (
                  <li class="govuk-!-margin-bottom-4">
                    <a class="govuk-link govuk-!-font-weight-bold" href={`/rendez-vous/motifs/${r.id}`}>
                      {r.name}
                    </a>
                    <br />
                    <span class="govuk-body-s">
                      {LOCATION_LABELS[r.location]}, {r.durationMinutes} minutes
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="govuk-body">Ce centre ne propose pas encore de rendez-vous en ligne.</p>
          )}
          {props.sessions.length ? (
            <>
              <h2 class="govuk-heading-m">Ateliers collectifs</h2>
              <SessionsList sessions={props.sessions} href={(s) => `/rendez-vous/ateliers/${s.id}`} />
            </>
          ) : null}
          {props.otherReasons > 0 || !props.reasons.length ? (
            <p class="govuk-body">Pour une autre demande, appelez le centre{c.phone ? ` au ${c.phone}` : ''} ou passez à l’accueil.</p>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

export function SlotsPage(props: { ctx: PageContext; centre: SocialCentre; reason: ReasonRow; days: Array<{ day: string; starts: Date[] }>; moreHref: string | null; hrefBase: string; title?: string; caption?: string }) {
  const r = props.reason;
  return (
    <Layout ctx={props.ctx} title={props.title ?? `Choisir un créneau : ${r.name}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{props.caption ?? props.centre.name}</span>
          <h1 class="govuk-heading-l">{props.title ?? r.name}</h1>
          <p class="govuk-body">
            {LOCATION_LABELS[r.location]}, {r.durationMinutes} minutes. Choisissez une heure ; les dates les plus proches sont en premier.
          </p>
          {r.instructions ? <InsetText text={r.instructions} /> : null}
          <SlotDays days={props.days} href={(s) => `${props.hrefBase}?debut=${encodeURIComponent(s.toISOString())}`} moreHref={props.moreHref} />
          {props.title ? null : (
            <p class="govuk-body">
              Aucun créneau ne vous convient ? <a class="govuk-link" href={`/rendez-vous/motifs/${r.id}/liste-attente`}>Inscrivez-vous sur la liste d’attente</a> : nous
              vous écrirons si un créneau plus proche se libère.
            </p>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function PersonFields(props: { values: FormValues; errors: FieldError[]; emailRequired?: boolean }) {
  return (
    <>
      <Input id="name" name="name" label={{ text: 'Votre nom et prénom', classes: 'govuk-label--s' }} value={valueOf(props.values, 'name')} errorMessage={errorFor(props.errors, 'name')} autocomplete="name" spellcheck={false} />
      <Input id="email" name="email" type="email" label={{ text: props.emailRequired ? 'Adresse e-mail' : 'Adresse e-mail (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Pour recevoir la confirmation, le rappel et le lien pour annuler' }} value={valueOf(props.values, 'email')} errorMessage={errorFor(props.errors, 'email')} autocomplete="email" spellcheck={false} />
      <Input id="phone" name="phone" type="tel" label={{ text: 'Téléphone portable (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Pour recevoir un SMS de rappel, par exemple 06 12 34 56 78' }} value={valueOf(props.values, 'phone')} errorMessage={errorFor(props.errors, 'phone')} autocomplete="tel" classes="govuk-input--width-20" />
    </>
  );
}

/** `heading` set: confirming a move of an existing appointment, whose person is already known. */
export function BookPage(props: { ctx: PageContext; centre: SocialCentre; reason: ReasonRow; start: Date; values: FormValues; errors: FieldError[]; action: string; heading?: string }) {
  const r = props.reason;
  return (
    <Layout ctx={props.ctx} title={`${props.heading ?? 'Vos coordonnées'} : ${r.name}`} hasErrors={props.errors.length > 0}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.errors.length ? <ErrorSummary errorList={props.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          <span class="govuk-caption-l">{r.name}</span>
          <h1 class="govuk-heading-l">{props.heading ?? 'Vos coordonnées'}</h1>
          <SummaryList
            rows={[
              { key: { text: 'Date' }, value: { text: when(props.start) } },
              { key: { text: 'Lieu' }, value: { text: r.location === 'on_site' ? `${props.centre.name}, ${props.centre.address}` : LOCATION_LABELS[r.location] } },
              { key: { text: 'Durée' }, value: { text: `${r.durationMinutes} minutes` } },
            ]}
          />
          <form method="post" action={props.action} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <input type="hidden" name="debut" value={props.start.toISOString()} />
            {props.heading ? null : <PersonFields values={props.values} errors={props.errors} />}
            <Button text={props.heading ? 'Confirmer le nouveau créneau' : 'Confirmer le rendez-vous'} />
          </form>
          <p class="govuk-body">
            <a class="govuk-link" href={`/rendez-vous/motifs/${r.id}`}>
              Choisir une autre heure
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function RefusedPage(props: { ctx: PageContext; reason: ReasonRow; message: string; next: Slot[]; hrefBase: string; backHref: string }) {
  return (
    <Layout ctx={props.ctx} title="Ce créneau n’est pas disponible" hasErrors>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary titleText="Ce créneau n’est pas disponible" errorList={[{ text: props.message, href: '#creneaux' }]} />
          <span class="govuk-caption-l">{props.reason.name}</span>
          <h1 class="govuk-heading-l">Ce créneau n’est pas disponible</h1>
          <p class="govuk-body">{props.message}.</p>
          <div id="creneaux">
            <NextSlots slots={props.next} href={(s) => `${props.hrefBase}?debut=${encodeURIComponent(s.toISOString())}`} />
          </div>
          <p class="govuk-body">
            <a class="govuk-link" href={props.backHref}>
              Voir tous les créneaux
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function ManagePage(props: { ctx: PageContext; appointment: AppointmentRow; reason: ReasonRow; centre: SocialCentre | null; token: string; justBooked: boolean; mayChange: boolean; notice?: string }) {
  const a = props.appointment;
  const r = props.reason;
  const c = props.centre;
  return (
    <Layout ctx={props.ctx} title={`Votre rendez-vous : ${r.name}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.justBooked ? (
            <Panel titleText="Rendez-vous confirmé" text={when(a.startAt)} />
          ) : props.notice ? (
            <NotificationBanner type="success" text={props.notice} />
          ) : (
            <h1 class="govuk-heading-l">Votre rendez-vous</h1>
          )}
          <SummaryList
            rows={[
              { key: { text: 'Motif' }, value: { text: r.name } },
              { key: { text: 'Date' }, value: { text: when(a.startAt) } },
              { key: { text: 'Durée' }, value: { text: `${r.durationMinutes} minutes` } },
              { key: { text: 'Lieu' }, value: { text: r.location === 'on_site' && c ? `${c.name}, ${c.address}` : LOCATION_LABELS[r.location] } },
              { key: { text: 'État' }, value: { html: <Tag text={STATUS_LABELS[a.status]} classes={STATUS_TAGS[a.status]} /> } },
              c?.phone ? { key: { text: 'Téléphone du centre' }, value: { text: c.phone } } : null,
            ]}
          />
          {r.instructions && a.status === 'booked' ? <InsetText text={r.instructions} /> : null}
          {props.justBooked ? (
            <>
              <p class="govuk-body">
                {a.personEmail && r.visibility === 'normal'
                  ? `Une confirmation est envoyée à ${a.personEmail}, avec le rendez-vous à ajouter à votre agenda.`
                  : 'Notez bien la date et l’heure.'}
              </p>
              <WarningText text="Gardez l’adresse de cette page (ajoutez-la à vos favoris) : elle sert à annuler ou à changer de créneau." />
            </>
          ) : null}
          {a.status === 'booked' ? (
            props.mayChange ? (
              <>
                <h2 class="govuk-heading-m">Un empêchement ?</h2>
                <p class="govuk-body">Vous pouvez changer de créneau ou annuler jusqu’à {delayText(r.minDelayMinutes)} avant le rendez-vous.</p>
                <div class="govuk-button-group">
                  <a class="govuk-button govuk-button--secondary" href={`/rendez-vous/gerer/${props.token}/deplacer`}>
                    Changer de créneau
                  </a>
                  <form method="post" action={`/rendez-vous/gerer/${props.token}/annuler`} class="relais-inline-form">
                    <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
                    <Button text="Annuler le rendez-vous" classes="govuk-button--warning" />
                  </form>
                </div>
              </>
            ) : (
              <p class="govuk-body">Il est trop tard pour changer ce rendez-vous en ligne : appelez le centre{c?.phone ? ` au ${c.phone}` : ''}.</p>
            )
          ) : (
            <p class="govuk-body">
              <a class="govuk-link" href="/rendez-vous">
                Prendre un autre rendez-vous
              </a>
            </p>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function LinkGonePage(props: { ctx: PageContext; what: string }) {
  return (
    <Layout ctx={props.ctx} title="Ce lien n’est plus valable">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">Ce lien n’est plus valable</h1>
          <p class="govuk-body">{props.what}</p>
          <p class="govuk-body">Utilisez le lien du dernier message que vous avez reçu, ou appelez votre centre social.</p>
          <p class="govuk-body">
            <a class="govuk-link" href="/rendez-vous">
              Prendre rendez-vous
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function WaitlistJoinPage(props: { ctx: PageContext; reason: ReasonRow; values: FormValues; errors: FieldError[]; done: boolean }) {
  return (
    <Layout ctx={props.ctx} title={`Liste d’attente : ${props.reason.name}`} hasErrors={props.errors.length > 0}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.errors.length ? <ErrorSummary errorList={props.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
          {props.done ? (
            <Panel titleText="Vous êtes sur la liste d’attente" text="Nous vous écrirons dès qu’un créneau se libère." />
          ) : (
            <>
              <span class="govuk-caption-l">{props.reason.name}</span>
              <h1 class="govuk-heading-l">S’inscrire sur la liste d’attente</h1>
              <p class="govuk-body">Quand un créneau se libère, nous l’envoyons par e-mail à la première personne inscrite. Le premier qui répond le prend.</p>
              <form method="post" action={`/rendez-vous/motifs/${props.reason.id}/liste-attente`} novalidate>
                <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
                <PersonFields values={props.values} errors={props.errors} emailRequired />
                <Button text="M’inscrire" />
              </form>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function WaitlistOfferPage(props: { ctx: PageContext; reason: ReasonRow; token: string; start: Date | null; status: string }) {
  return (
    <Layout ctx={props.ctx} title={`Liste d’attente : ${props.reason.name}`}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{props.reason.name}</span>
          <h1 class="govuk-heading-l">Liste d’attente</h1>
          {props.status === 'booked' ? <p class="govuk-body">Vous avez déjà pris un rendez-vous avec ce lien.</p> : null}
          {props.status === 'left' ? <p class="govuk-body">Vous avez quitté la liste d’attente.</p> : null}
          {props.start && props.status !== 'booked' && props.status !== 'left' ? (
            <form method="post" action={`/rendez-vous/liste-attente/${props.token}`}>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <input type="hidden" name="debut" value={props.start.toISOString()} />
              <p class="govuk-body">Un créneau s’est libéré : {when(props.start)}.</p>
              <Button text="Prendre ce créneau" />
            </form>
          ) : null}
          {props.status === 'waiting' ? (
            <form method="post" action={`/rendez-vous/liste-attente/${props.token}/quitter`}>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
              <Button text="Quitter la liste d’attente" classes="govuk-button--secondary" />
            </form>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}
