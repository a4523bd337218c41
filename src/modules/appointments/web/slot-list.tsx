// The free slots of a reason as an accessible day-by-day list: one heading per day, one link per time. It is
// plain HTML (works without JavaScript); the nearest days come first, « Voir d'autres dates » goes further.
import { formatParisDay, formatParisTime } from '../../../platform/time/paris.ts';
import type { Slot } from '../domain/slots.ts';
import type { GroupSessionRow, SessionWithSeats } from '../use-cases/group-sessions.ts';

export function SlotDays(props: { days: Array<{ day: string; starts: Date[] }>; href: (start: Date) => string; moreHref: string | null }) {
  if (props.days.length === 0) return <p class="govuk-body">Aucun créneau libre pour ces dates.</p>;
  return (
    <>
      {props.days.map((d) => (
        <section class="relais-slot-day" aria-labelledby={`jour-${d.day}`}>
          <h2 class="govuk-heading-s govuk-!-margin-bottom-2" id={`jour-${d.day}`}>
            {capitalise(formatParisDay(d.starts[0]!))}
          </h2>
          <ul class="govuk-list relais-slot-list">
            {d.starts.map((s) => (
              <li>
                <a class="govuk-link" href={props.href(s)}>
                  {formatParisTime(s)}
                  <span class="govuk-visually-hidden"> le {formatParisDay(s)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {props.moreHref ? (
        <p class="govuk-body">
          <a class="govuk-link" href={props.moreHref}>
            Voir d’autres dates
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The next free slots offered with a refusal. */
export function NextSlots(props: { slots: Slot[]; href: (start: Date) => string }) {
  if (props.slots.length === 0) return <p class="govuk-body">Il n’y a plus de créneau libre pour ce motif en ce moment.</p>;
  return (
    <>
      <h2 class="govuk-heading-m">Les prochains créneaux libres</h2>
      <ul class="govuk-list">
        {props.slots.map((s) => (
          <li>
            <a class="govuk-link" href={props.href(s.start)}>
              {capitalise(formatParisDay(s.start))} à {formatParisTime(s.start)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const sessionWhen = (s: Pick<GroupSessionRow, 'startAt' | 'endAt'>) => `${capitalise(formatParisDay(s.startAt, true))}, ${formatParisTime(s.startAt)} – ${formatParisTime(s.endAt)}`;
const seatsLeft = (s: SessionWithSeats) => Math.max(0, s.seats - s.taken);
export const seatsText = (s: SessionWithSeats) => (seatsLeft(s) === 0 ? 'complet' : `${seatsLeft(s)} place${seatsLeft(s) > 1 ? 's' : ''} libre${seatsLeft(s) > 1 ? 's' : ''} sur ${s.seats}`);

export function SessionsList(props: { sessions: SessionWithSeats[]; href: (s: SessionWithSeats) => string }) {
  return (
    <ul class="govuk-list">
      {props.sessions.map((s) => (
        <li class="govuk-!-margin-bottom-4">
          <a class="govuk-link govuk-!-font-weight-bold" href={props.href(s)}>
            {s.title}
          </a>
          <br />
          <span class="govuk-body-s">
            {sessionWhen(s)} · {seatsText(s)}
          </span>
        </li>
      ))}
    </ul>
  );
}

