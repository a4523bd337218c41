// The agents' pages: the agenda (day or week, per agent or the whole centre, printable), one appointment,
// booking for someone, availabilities, the private calendar link and the managers' statistics.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import { formatParisDay, formatParisTime } from '../../../platform/time/paris.ts';
import { frenchClock } from '../../../platform/time/opening-hours.ts';
import { Button, Checkboxes, ErrorSummary, Input, NotificationBanner, Radios, Select, SubNavigation, SummaryList, Table, Tag, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { ScrollRegion } from '../../../platform/views/scroll-region.tsx';
import type { SocialCentre } from '../../territory/index.ts';
import type { ReasonRow } from '../db/slot-queries.ts';
import { LOCATION_LABELS, STATUS_LABELS, STATUS_TAGS, VISIBILITY_LABELS } from '../domain/labels.ts';
import type { AppointmentRow } from '../use-cases/messages.ts';
import type { CentreAgent, NoShowRow } from '../use-cases/agenda.ts';
import { capitalise } from './slot-list.tsx';
import { PersonFields } from './public.pages.tsx';

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

export function AgendaNav(props: { current: string; manager: boolean }) {
  const items = [
    { href: '/agenda', text: 'Agenda' },
    { href: '/agenda/prendre', text: 'Prendre un rendez-vous' },
    { href: '/agenda/ateliers', text: 'Ateliers' },
    { href: '/agenda/disponibilites', text: 'Disponibilités' },
    { href: '/agenda/lien', text: 'Lien d’agenda' },
    ...(props.manager ? [{ href: '/agenda/motifs', text: 'Motifs' }, { href: '/agenda/statistiques', text: 'Statistiques' }] : []),
  ];
  return (
    <div class="relais-no-print">
      <SubNavigation label="Rendez-vous" items={items.map((i) => ({ ...i, active: i.href === props.current }))} />
    </div>
  );
}

export interface AgendaProps {
  ctx: PageContext;
  centre: SocialCentre;
  centres: SocialCentre[];
  agents: CentreAgent[];
  agentId: string | null;
  day: string;
  view: 'jour' | 'semaine';
  days: Array<{ day: string; label: string; rows: Array<AppointmentRow & { reasonName: string; agentName: string; hidden: boolean }>; sessions: Array<{ id: string; title: string; startAt: Date; endAt: Date; seats: number; taken: number }> }>;
  prev: string;
  next: string;
  manager: boolean;
}

export function AgendaPage(p: AgendaProps) {
  const q = (over: Record<string, string>) => {
    const params = new URLSearchParams({ centre: p.centre.id, jour: p.day, vue: p.view, ...(p.agentId ? { agent: p.agentId } : {}), ...over });
    return `/agenda?${params.toString()}`;
  };
  const who = p.agentId ? (p.agents.find((a) => a.id === p.agentId)?.name ?? 'Agent') : 'Tous les agents';
  return (
    <Layout ctx={p.ctx} title={`Agenda : ${p.centre.name}`}>
      <AgendaNav current="/agenda" manager={p.manager} />
      <span class="govuk-caption-l">
        {p.centre.name} · {who}
      </span>
      <h1 class="govuk-heading-l">{p.view === 'jour' ? capitalise(p.days[0]?.label ?? '') : `Semaine du ${p.days[0]?.label ?? ''}`}</h1>
      <form method="get" action="/agenda" class="relais-no-print">
        {p.centres.length > 1 ? <Select id="centre" name="centre" label={{ text: 'Centre' }} items={p.centres.map((c) => ({ value: c.id, text: c.name }))} value={p.centre.id} /> : <input type="hidden" name="centre" value={p.centre.id} />}
        <Select id="agent" name="agent" label={{ text: 'Agent' }} items={[{ value: '', text: 'Tous les agents' }, ...p.agents.map((a) => ({ value: a.id, text: a.name }))]} value={p.agentId ?? ''} />
        <Input id="jour" name="jour" type="date" label={{ text: 'Jour' }} value={p.day} classes="govuk-input--width-10" />
        <Radios name="vue" idPrefix="vue" classes="govuk-radios--inline govuk-radios--small" fieldset={{ legend: { text: 'Affichage' } }} value={p.view} items={[{ value: 'jour', text: 'Jour' }, { value: 'semaine', text: 'Semaine' }]} />
        <Button text="Afficher" classes="govuk-button--secondary" />
      </form>
      <p class="govuk-body relais-no-print">
        <a class="govuk-link" href={q({ jour: p.prev })}>
          {p.view === 'jour' ? 'Jour précédent' : 'Semaine précédente'}
        </a>{' '}
        ·{' '}
        <a class="govuk-link" href={q({ jour: p.next })}>
          {p.view === 'jour' ? 'Jour suivant' : 'Semaine suivante'}
        </a>
      </p>
      {p.days.map((d) => (
        <>
          {p.view === 'semaine' ? <h2 class="govuk-heading-m">{capitalise(d.label)}</h2> : null}
          {d.sessions.length ? (
            <ul class="govuk-list">
              {d.sessions.map((s) => (
                <li>
                  Atelier {formatParisTime(s.startAt)} – {formatParisTime(s.endAt)} :{' '}
                  <a class="govuk-link" href={`/agenda/ateliers/${s.id}`}>
                    {s.title}
                  </a>{' '}
                  ({s.taken} inscrits sur {s.seats})
                </li>
              ))}
            </ul>
          ) : null}
          {d.rows.length === 0 ? (
            <p class="govuk-body">Aucun rendez-vous.</p>
          ) : (
            <ScrollRegion label={`Rendez-vous du ${d.label}`}>
            <Table
              caption={`Rendez-vous du ${d.label}`}
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Heure' }, { text: 'Personne' }, { text: 'Motif' }, ...(p.agentId ? [] : [{ text: 'Agent' }]), { text: 'État' }]}
              rows={d.rows.map((a) => [
                { text: `${formatParisTime(a.startAt)} – ${formatParisTime(a.endAt)}` },
                { html: <a class="govuk-link" href={`/agenda/rendez-vous/${a.id}`}>{a.personName ?? 'Sans nom'}</a> },
                { text: `${a.reasonName}${a.hidden ? ' (confidentiel)' : ''}` },
                ...(p.agentId ? [] : [{ text: a.agentName }]),
                { html: <Tag text={STATUS_LABELS[a.status]} classes={STATUS_TAGS[a.status]} /> },
              ])}
            />
            </ScrollRegion>
          )}
        </>
      ))}
    </Layout>
  );
}

export function AppointmentPage(p: { ctx: PageContext; appointment: AppointmentRow; reason: ReasonRow; agentName: string; bookedBy: string | null; notice: string | null; errors: FieldError[]; manager: boolean; now: Date }) {
  const a = p.appointment;
  const started = a.startAt.getTime() <= p.now.getTime();
  return (
    <Layout ctx={p.ctx} title={`Rendez-vous : ${a.personName ?? 'sans nom'}`} hasErrors={p.errors.length > 0}>
      <AgendaNav current="/agenda" manager={p.manager} />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <span class="govuk-caption-l">{p.reason.name}</span>
      <h1 class="govuk-heading-l">{a.personName ?? 'Sans nom'}</h1>
      <SummaryList
        rows={[
          { key: { text: 'Date' }, value: { text: `${capitalise(formatParisDay(a.startAt, true))}, ${formatParisTime(a.startAt)} – ${formatParisTime(a.endAt)}` } },
          { key: { text: 'Motif' }, value: { text: `${p.reason.name} (${LOCATION_LABELS[p.reason.location]})` } },
          { key: { text: 'Agent' }, value: { text: p.agentName } },
          { key: { text: 'État' }, value: { html: <Tag text={STATUS_LABELS[a.status]} classes={STATUS_TAGS[a.status]} /> } },
          { key: { text: 'E-mail' }, value: { text: a.personEmail ?? '—' } },
          { key: { text: 'Téléphone' }, value: { text: a.personPhone ?? '—' } },
          { key: { text: 'Pris' }, value: { text: p.bookedBy ? `par ${p.bookedBy}` : 'en ligne par la personne' } },
          p.reason.visibility !== 'normal' ? { key: { text: 'Confidentialité' }, value: { text: p.reason.visibility === 'hidden' ? 'Confidentiel : rien n’est envoyé ni montré à la personne' : 'Discret : aucun message n’est envoyé à la personne' } } : null,
          a.agentNote ? { key: { text: 'Note de l’agent' }, value: { text: a.agentNote } } : null,
        ]}
      />
      {a.status !== 'cancelled' ? (
        <form method="post" action={`/agenda/rendez-vous/${a.id}/suite`} class="relais-no-print" novalidate>
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <Radios
            name="outcome"
            idPrefix="outcome"
            fieldset={{ legend: { text: 'Suite du rendez-vous', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: started ? 'Notez ce qui s’est passé.' : 'Avant le rendez-vous, seule une absence excusée peut être notée.' }}
            errorMessage={errorFor(p.errors, 'outcome')}
            value={a.status === 'booked' ? undefined : a.status}
            items={[
              { value: 'honoured', text: 'Honoré : la personne est venue' },
              { value: 'no_show', text: 'Absent : la personne n’est pas venue sans prévenir' },
              { value: 'excused', text: 'Excusé : la personne a prévenu' },
            ]}
          />
          <Button text="Enregistrer la suite" />
        </form>
      ) : null}
      {a.status === 'booked' ? (
        <p class="govuk-body relais-no-print">
          <a class="govuk-link" href={`/agenda/rendez-vous/${a.id}/deplacer`}>
            Déplacer le rendez-vous
          </a>
        </p>
      ) : null}
      {a.status === 'booked' ? (
        <form method="post" action={`/agenda/rendez-vous/${a.id}/annuler`} class="relais-no-print">
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <Button text="Annuler le rendez-vous" classes="govuk-button--warning" />
        </form>
      ) : null}
    </Layout>
  );
}

export function ChooseReasonPage(p: { ctx: PageContext; centre: SocialCentre; reasons: ReasonRow[]; manager: boolean }) {
  return (
    <Layout ctx={p.ctx} title="Prendre un rendez-vous pour quelqu’un">
      <AgendaNav current="/agenda/prendre" manager={p.manager} />
      <span class="govuk-caption-l">{p.centre.name}</span>
      <h1 class="govuk-heading-l">Prendre un rendez-vous pour quelqu’un</h1>
      {p.reasons.length ? (
        <ul class="govuk-list">
          {p.reasons.map((r) => (
            <li>
              <a class="govuk-link" href={`/agenda/prendre/${r.id}`}>
                {r.name}
              </a>{' '}
              <span class="govuk-body-s">
                ({LOCATION_LABELS[r.location]}, {r.durationMinutes} min{r.visibility === 'hidden' ? ', confidentiel' : r.visibility === 'no_notifications' ? ', discret' : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">Ce centre n’a aucun motif de rendez-vous.</p>
      )}
    </Layout>
  );
}

export function AgentBookPage(p: { ctx: PageContext; reason: ReasonRow; start: Date; values: FormValues; errors: FieldError[]; manager: boolean }) {
  return (
    <Layout ctx={p.ctx} title={`Rendez-vous pour quelqu’un : ${p.reason.name}`} hasErrors={p.errors.length > 0}>
      <AgendaNav current="/agenda/prendre" manager={p.manager} />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <span class="govuk-caption-l">{p.reason.name}</span>
      <h1 class="govuk-heading-l">
        {capitalise(formatParisDay(p.start, true))} à {formatParisTime(p.start)}
      </h1>
      <form method="post" action={`/agenda/prendre/${p.reason.id}/reserver`} novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        <input type="hidden" name="debut" value={p.start.toISOString()} />
        <PersonFields values={p.values} errors={p.errors} />
        <Textarea id="note" name="note" label={{ text: 'Note pour l’agent (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Jamais montrée à la personne' }} value={valueOf(p.values, 'note')} errorMessage={errorFor(p.errors, 'note')} rows={3} />
        <Button text="Prendre le rendez-vous" />
      </form>
    </Layout>
  );
}

export function AvailabilityPage(p: {
  ctx: PageContext;
  centre: SocialCentre;
  agents: CentreAgent[];
  agentId: string;
  reasons: ReasonRow[];
  openings: Array<{ id: string; weekday: number; startMinute: number; endMinute: number; fromDate: string; untilDate: string | null; everyWeeks: number; reasonIds: string[] }>;
  absences: Array<{ id: string; startAt: Date; endAt: Date; note: string | null }>;
  values: FormValues;
  errors: FieldError[];
  manager: boolean;
  notice: string | null;
}) {
  const reasonName = new Map(p.reasons.map((r) => [r.id, r.name]));
  const chosenReasons = Array.isArray(p.values.reasons) ? p.values.reasons : p.values.reasons ? [p.values.reasons] : [];
  const agentName = p.agents.find((a) => a.id === p.agentId)?.name ?? '';
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
      <input type="hidden" name="agent" value={p.agentId} />
    </>
  );
  return (
    <Layout ctx={p.ctx} title="Disponibilités" hasErrors={p.errors.length > 0}>
      <AgendaNav current="/agenda/disponibilites" manager={p.manager} />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <span class="govuk-caption-l">
        {p.centre.name} · {agentName}
      </span>
      <h1 class="govuk-heading-l">Disponibilités</h1>
      {p.manager && p.agents.length > 1 ? (
        <form method="get" action="/agenda/disponibilites">
          <Select id="agent-choice" name="agent" label={{ text: 'Agent' }} items={p.agents.map((a) => ({ value: a.id, text: a.name }))} value={p.agentId} />
          <Button text="Afficher" classes="govuk-button--secondary" />
        </form>
      ) : null}
      <h2 class="govuk-heading-m">Plages d’ouverture</h2>
      {p.openings.length ? (
        <ScrollRegion label="Plages d’ouverture">
        <Table
          head={[{ text: 'Jour' }, { text: 'Horaires' }, { text: 'Période' }, { text: 'Motifs' }, { text: 'Action' }]}
          rows={p.openings.map((o) => [
            { text: `${capitalise(WEEKDAYS[o.weekday]!)}${o.everyWeeks > 1 ? `, une semaine sur ${o.everyWeeks}` : ''}` },
            { text: `${frenchClock(o.startMinute)} – ${frenchClock(o.endMinute)}` },
            { text: `du ${o.fromDate.split('-').reverse().join('/')}${o.untilDate ? ` au ${o.untilDate.split('-').reverse().join('/')}` : ''}` },
            { text: o.reasonIds.map((id) => reasonName.get(id) ?? '?').join(', ') },
            {
              html: (
                <form method="post" action={`/agenda/disponibilites/ouvertures/${o.id}/supprimer`} class="relais-inline-form">
                  {hidden}
                  <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                    Supprimer<span class="govuk-visually-hidden"> la plage du {WEEKDAYS[o.weekday]}</span>
                  </button>
                </form>
              ),
            },
          ])}
        />
        </ScrollRegion>
      ) : (
        <p class="govuk-body">Aucune plage d’ouverture.</p>
      )}
      <form method="post" action="/agenda/disponibilites/ouvertures" novalidate>
        {hidden}
        <h3 class="govuk-heading-s">Ajouter une plage</h3>
        <Select id="weekday" name="weekday" label={{ text: 'Jour de la semaine' }} items={WEEKDAYS.map((w, i) => ({ value: String(i), text: capitalise(w) }))} value={valueOf(p.values, 'weekday')} errorMessage={errorFor(p.errors, 'weekday')} />
        <Input id="start" name="start" label={{ text: 'De (heure)' }} hint={{ text: 'Par exemple 9:00' }} value={valueOf(p.values, 'start')} errorMessage={errorFor(p.errors, 'start')} classes="govuk-input--width-5" />
        <Input id="end" name="end" label={{ text: 'À (heure)' }} hint={{ text: 'Par exemple 12:00' }} value={valueOf(p.values, 'end')} errorMessage={errorFor(p.errors, 'end')} classes="govuk-input--width-5" />
        <Input id="from" name="from" type="date" label={{ text: 'À partir du' }} value={valueOf(p.values, 'from')} errorMessage={errorFor(p.errors, 'from')} classes="govuk-input--width-10" />
        <Input id="until" name="until" type="date" label={{ text: 'Jusqu’au (facultatif)' }} value={valueOf(p.values, 'until')} errorMessage={errorFor(p.errors, 'until')} classes="govuk-input--width-10" />
        <Select id="everyWeeks" name="everyWeeks" label={{ text: 'Fréquence' }} items={[{ value: '1', text: 'Chaque semaine' }, { value: '2', text: 'Une semaine sur deux' }, { value: '3', text: 'Une semaine sur trois' }, { value: '4', text: 'Une semaine sur quatre' }]} value={valueOf(p.values, 'everyWeeks') || '1'} />
        <Checkboxes
          name="reasons"
          idPrefix="reasons"
          classes="govuk-checkboxes--small"
          fieldset={{ legend: { text: 'Motifs acceptés' } }}
          errorMessage={errorFor(p.errors, 'reasons')}
          items={p.reasons.map((r) => ({ value: r.id, text: r.name, checked: chosenReasons.includes(r.id) }))}
        />
        <Button text="Ajouter la plage" />
      </form>
      <h2 class="govuk-heading-m">Absences</h2>
      {p.absences.length ? (
        <ScrollRegion label="Absences">
        <Table
          head={[{ text: 'Du' }, { text: 'Au' }, { text: 'Note' }, { text: 'Action' }]}
          rows={p.absences.map((a) => [
            { text: `${formatParisDay(a.startAt, true)} ${formatParisTime(a.startAt)}` },
            { text: `${formatParisDay(a.endAt, true)} ${formatParisTime(a.endAt)}` },
            { text: a.note ?? '' },
            {
              html: (
                <form method="post" action={`/agenda/disponibilites/absences/${a.id}/supprimer`} class="relais-inline-form">
                  {hidden}
                  <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                    Supprimer<span class="govuk-visually-hidden"> l’absence du {formatParisDay(a.startAt)}</span>
                  </button>
                </form>
              ),
            },
          ])}
        />
        </ScrollRegion>
      ) : (
        <p class="govuk-body">Aucune absence prévue.</p>
      )}
      <form method="post" action="/agenda/disponibilites/absences" novalidate>
        {hidden}
        <h3 class="govuk-heading-s">Ajouter une absence</h3>
        <Input id="absenceFrom" name="absenceFrom" type="date" label={{ text: 'Premier jour' }} value={valueOf(p.values, 'absenceFrom')} errorMessage={errorFor(p.errors, 'absenceFrom')} classes="govuk-input--width-10" />
        <Input id="absenceUntil" name="absenceUntil" type="date" label={{ text: 'Dernier jour' }} value={valueOf(p.values, 'absenceUntil')} errorMessage={errorFor(p.errors, 'absenceUntil')} classes="govuk-input--width-10" />
        <Input id="absenceNote" name="absenceNote" label={{ text: 'Note (facultatif)' }} hint={{ text: 'Par exemple « formation »' }} value={valueOf(p.values, 'absenceNote')} errorMessage={errorFor(p.errors, 'absenceNote')} />
        <Button text="Ajouter l’absence" />
      </form>
    </Layout>
  );
}

export function FeedPage(p: { ctx: PageContext; url: string | null; active: boolean; manager: boolean }) {
  return (
    <Layout ctx={p.ctx} title="Lien d’agenda">
      <AgendaNav current="/agenda/lien" manager={p.manager} />
      <h1 class="govuk-heading-l">Lien d’agenda</h1>
      <p class="govuk-body">Ce lien privé affiche vos rendez-vous dans votre logiciel d’agenda (Outlook, Thunderbird, téléphone). Il ne contient ni nom ni coordonnée : seulement le motif et le lien vers la fiche dans Relais.</p>
      {p.url ? (
        <>
          <NotificationBanner type="success" titleText="Nouveau lien" text="Copiez-le maintenant : il ne sera plus affiché. L’ancien lien ne marche plus." />
          <p class="govuk-body">
            <code>{p.url}</code>
          </p>
        </>
      ) : p.active ? (
        <p class="govuk-body">Vous avez un lien actif. Si vous l’avez perdu ou communiqué par erreur, créez-en un nouveau : l’ancien cessera de fonctionner.</p>
      ) : (
        <p class="govuk-body">Vous n’avez pas encore de lien.</p>
      )}
      <div class="govuk-button-group">
        <form method="post" action="/agenda/lien" class="relais-inline-form">
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <Button text={p.active ? 'Créer un nouveau lien' : 'Créer mon lien'} />
        </form>
        {p.active ? (
          <form method="post" action="/agenda/lien/supprimer" class="relais-inline-form">
            <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
            <Button text="Désactiver le lien" classes="govuk-button--warning" />
          </form>
        ) : null}
      </div>
    </Layout>
  );
}

export function StatsPage(p: { ctx: PageContext; centre: SocialCentre; rows: NoShowRow[] }) {
  const rate = (r: NoShowRow) => {
    const total = r.honoured + r.noShow + r.excused;
    return total ? `${Math.round((r.noShow / total) * 100)} %` : '—';
  };
  const month = (m: string) => new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-15T12:00:00Z`));
  return (
    <Layout ctx={p.ctx} title={`Statistiques de rendez-vous : ${p.centre.name}`}>
      <AgendaNav current="/agenda/statistiques" manager />
      <span class="govuk-caption-l">{p.centre.name}</span>
      <h1 class="govuk-heading-l">Absences aux rendez-vous</h1>
      <p class="govuk-body">Par motif et par mois, sur les douze derniers mois, parmi les rendez-vous dont la suite a été notée.</p>
      {p.rows.length ? (
        <ScrollRegion label="Taux d’absence par motif et par mois">
        <Table
          caption="Taux d’absence par motif et par mois"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Mois' }, { text: 'Motif' }, { text: 'Honorés', format: 'numeric' }, { text: 'Absents', format: 'numeric' }, { text: 'Excusés', format: 'numeric' }, { text: 'Taux d’absence', format: 'numeric' }]}
          rows={p.rows.map((r) => [{ text: capitalise(month(r.month)) }, { text: r.reason }, { text: String(r.honoured), format: 'numeric' }, { text: String(r.noShow), format: 'numeric' }, { text: String(r.excused), format: 'numeric' }, { text: rate(r), format: 'numeric' }])}
        />
        </ScrollRegion>
      ) : (
        <p class="govuk-body">Aucune suite de rendez-vous n’a encore été notée.</p>
      )}
    </Layout>
  );
}

export function ReasonsPage(p: { ctx: PageContext; centre: SocialCentre; reasons: ReasonRow[]; notice: string | null }) {
  return (
    <Layout ctx={p.ctx} title={`Motifs de rendez-vous : ${p.centre.name}`}>
      <AgendaNav current="/agenda/motifs" manager />
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <span class="govuk-caption-l">{p.centre.name}</span>
      <h1 class="govuk-heading-l">Motifs de rendez-vous</h1>
      <p class="govuk-body">
        <a class="govuk-button" href={`/agenda/motifs/nouveau?centre=${p.centre.id}`}>
          Ajouter un motif
        </a>
      </p>
      {p.reasons.length ? (
        <ScrollRegion label="Motifs">
          <Table
            head={[{ text: 'Motif' }, { text: 'Durée' }, { text: 'Où' }, { text: 'Pris par' }, { text: 'Confidentialité' }]}
            rows={p.reasons.map((r) => [
              { html: <a class="govuk-link" href={`/agenda/motifs/${r.id}`}>{r.name}</a> },
              { text: `${r.durationMinutes} min` },
              { text: LOCATION_LABELS[r.location] },
              { text: r.bookableBy === 'residents' ? 'Les usagers en ligne et les agents' : 'Les agents seulement' },
              { text: r.visibility === 'normal' ? 'Normale' : r.visibility === 'hidden' ? 'Confidentielle' : 'Discrète' },
            ])}
          />
        </ScrollRegion>
      ) : (
        <p class="govuk-body">Aucun motif pour l’instant.</p>
      )}
    </Layout>
  );
}

export function ReasonFormPage(p: { ctx: PageContext; centre: SocialCentre; action: string; values: FormValues; errors: FieldError[]; editing: boolean }) {
  return (
    <Layout ctx={p.ctx} title={p.editing ? 'Modifier un motif' : 'Ajouter un motif'} hasErrors={p.errors.length > 0}>
      <AgendaNav current="/agenda/motifs" manager />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <span class="govuk-caption-l">{p.centre.name}</span>
      <h1 class="govuk-heading-l">{p.editing ? 'Modifier un motif' : 'Ajouter un motif'}</h1>
      <form method="post" action={p.action} novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        <Input id="name" name="name" label={{ text: 'Nom du motif', classes: 'govuk-label--s' }} hint={{ text: 'Tel que l’usager le lit, par exemple « Aide pour une démarche en ligne »' }} value={valueOf(p.values, 'name')} errorMessage={errorFor(p.errors, 'name')} />
        <Input id="duration" name="duration" inputmode="numeric" label={{ text: 'Durée (en minutes)', classes: 'govuk-label--s' }} value={valueOf(p.values, 'duration')} errorMessage={errorFor(p.errors, 'duration')} classes="govuk-input--width-4" />
        <Radios name="location" idPrefix="location" fieldset={{ legend: { text: 'Où a lieu le rendez-vous ?', classes: 'govuk-fieldset__legend--s' } }} value={valueOf(p.values, 'location')} errorMessage={errorFor(p.errors, 'location')} items={Object.entries(LOCATION_LABELS).map(([value, text]) => ({ value, text }))} />
        <Radios
          name="bookableBy"
          idPrefix="bookableBy"
          fieldset={{ legend: { text: 'Qui peut le prendre ?', classes: 'govuk-fieldset__legend--s' } }}
          value={valueOf(p.values, 'bookableBy')}
          errorMessage={errorFor(p.errors, 'bookableBy')}
          items={[
            { value: 'residents', text: 'Les usagers en ligne, et les agents' },
            { value: 'agents', text: 'Les agents seulement (par téléphone, à l’accueil)' },
          ]}
        />
        <Input id="minDelayHours" name="minDelayHours" inputmode="numeric" label={{ text: 'Délai minimum (en heures)', classes: 'govuk-label--s' }} hint={{ text: 'Pas de rendez-vous en ligne plus proche que ce délai ; c’est aussi la limite pour annuler ou déplacer en ligne' }} value={valueOf(p.values, 'minDelayHours')} errorMessage={errorFor(p.errors, 'minDelayHours')} classes="govuk-input--width-4" />
        <Input id="maxDelayDays" name="maxDelayDays" inputmode="numeric" label={{ text: 'Délai maximum (en jours)', classes: 'govuk-label--s' }} hint={{ text: 'Pas de rendez-vous plus loin que ce délai' }} value={valueOf(p.values, 'maxDelayDays')} errorMessage={errorFor(p.errors, 'maxDelayDays')} classes="govuk-input--width-4" />
        <Textarea id="instructions" name="instructions" label={{ text: 'Consignes pour la personne (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple les papiers à apporter' }} value={valueOf(p.values, 'instructions')} errorMessage={errorFor(p.errors, 'instructions')} rows={3} />
        <Radios
          name="visibility"
          idPrefix="visibility"
          fieldset={{ legend: { text: 'Confidentialité', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'Pour les sujets sensibles : quelqu’un peut lire le téléphone de la personne.' }}
          value={valueOf(p.values, 'visibility')}
          errorMessage={errorFor(p.errors, 'visibility')}
          items={Object.entries(VISIBILITY_LABELS).map(([value, text]) => ({ value, text }))}
        />
        <Button text="Enregistrer le motif" />
      </form>
    </Layout>
  );
}

export function MoveConfirmPage(p: { ctx: PageContext; appointment: AppointmentRow; reason: ReasonRow; start: Date; manager: boolean }) {
  const a = p.appointment;
  return (
    <Layout ctx={p.ctx} title={`Déplacer le rendez-vous : ${a.personName ?? 'sans nom'}`}>
      <AgendaNav current="/agenda" manager={p.manager} />
      <span class="govuk-caption-l">{p.reason.name}</span>
      <h1 class="govuk-heading-l">Déplacer le rendez-vous de {a.personName ?? 'la personne'}</h1>
      <SummaryList
        rows={[
          { key: { text: 'Aujourd’hui' }, value: { text: `${capitalise(formatParisDay(a.startAt, true))} à ${formatParisTime(a.startAt)}` } },
          { key: { text: 'Nouveau créneau' }, value: { text: `${capitalise(formatParisDay(p.start, true))} à ${formatParisTime(p.start)}` } },
        ]}
      />
      <p class="govuk-body">{p.reason.visibility === 'normal' ? 'La personne est prévenue par e-mail ou SMS, avec un nouveau lien.' : 'Aucun message n’est envoyé à la personne pour ce motif : prévenez-la vous-même.'}</p>
      <form method="post" action={`/agenda/rendez-vous/${a.id}/deplacer`}>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        <input type="hidden" name="debut" value={p.start.toISOString()} />
        <Button text="Déplacer le rendez-vous" />
      </form>
    </Layout>
  );
}
