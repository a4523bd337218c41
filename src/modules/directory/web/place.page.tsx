// The public page of a place: what a resident needs to decide to go there, and how to get there.
import { Breadcrumbs, Button, SummaryList, Table, Tag, WarningText, type SummaryListRow } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { describeWeek, parseOpeningHours, type OpeningStatus } from '../../../platform/time/opening-hours.ts';
import type { PublicPlace } from '../db/public-listing-queries.ts';
import type { ServiceRow } from '../db/listing-store.ts';
import {
  feeLabel,
  mobilisableByLabel,
  mobilisationModeLabel,
  publicLabel,
  receptionModeLabel,
  themeLabel,
} from '../domain/data-inclusion.ts';
import { durationText, frenchDate } from '../domain/freshness.ts';
import { PlaceMap, placeMapScript } from './place-map.tsx';
import { readablePhone, telHref } from '../domain/phone-display.ts';

export interface PlacePageProps {
  ctx: PageContext;
  data: PublicPlace;
  status: OpeningStatus;
  /** 0 = Monday … 6 = Sunday, today in Paris: its hours are marked. */
  today: number;
  /** The label of the département's own social centre when the place is one (« CDAS », « MDS »). */
  socialCentreKind: string | null;
  stale: boolean;
  canEdit: boolean;
  canOrient: boolean;
  /** The map's tile style; the map is drawn when the place has coordinates. */
  mapStyleUrl: string | null;
}

/** The labels that matter to residents, in the order they look for them. */
export function residentLabels(place: PublicPlace['place'], socialCentreKind: string | null): string[] {
  const programs = new Set(place.nationalPrograms);
  const labels: string[] = [];
  for (const p of ['France Services', 'Aidants Connect', 'Conseillers numériques']) if (programs.has(p)) labels.push(p);
  if (place.acceptsPassNumerique) labels.push('Accepte le Pass numérique');
  if (socialCentreKind) labels.push(socialCentreKind);
  return labels;
}

const list = (items: readonly string[]) =>
  items.length === 1 ? (
    <>{items[0]}</>
  ) : (
    <ul class="govuk-list govuk-list--bullet">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );

function directionsUrl(place: PublicPlace['place']): string {
  if (place.latitude !== null && place.longitude !== null) {
    return `https://www.openstreetmap.org/directions?route=%3B${place.latitude}%2C${place.longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place.street}, ${place.postcode} ${place.communeName}`)}`;
}

const coordinate = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(5).replace('.', ',')}° ${v >= 0 ? pos : neg}`;

function Hours({ openingHours, today }: { openingHours: string | null; today: number }) {
  if (!openingHours) return <p class="govuk-body">Les horaires ne sont pas renseignés : appelez avant de vous déplacer.</p>;
  const week = describeWeek(parseOpeningHours(openingHours));
  if (!week) return <p class="govuk-body">{openingHours}</p>;
  return (
    <>
      <Table
        caption="Horaires d’ouverture de la semaine"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        rows={week.days.map((d) =>
          d.weekday === today
            ? [
                { text: `${d.name} (aujourd’hui)` },
                { html: <strong>{d.text}</strong> },
              ]
            : [{ text: d.name, classes: 'govuk-!-font-weight-regular' }, { text: d.text }],
        )}
      />
      {week.publicHolidays ? <p class="govuk-body">{week.publicHolidays}.</p> : null}
    </>
  );
}

function Service({ service, canOrient }: { service: ServiceRow; canOrient: boolean }) {
  const rows: Array<SummaryListRow | false> = [
    service.themes.length > 0 && { key: { text: 'Thèmes' }, value: { html: list(service.themes.map(themeLabel)) } },
    (service.publics.length > 0 || !!service.publicsDetail) && {
      key: { text: 'Pour qui' },
      value: { html: <>{list(service.publics.map(publicLabel))}{service.publicsDetail ? <p class="govuk-body">{service.publicsDetail}</p> : null}</> },
    },
    (!!service.fees || !!service.feesDetail) && {
      key: { text: 'Tarif' },
      value: { text: [service.fees ? feeLabel(service.fees) : null, service.feesDetail].filter(Boolean).join(' : ') },
    },
    service.receptionModes.length > 0 && { key: { text: 'Accueil' }, value: { html: list(service.receptionModes.map(receptionModeLabel)) } },
    (service.mobilisationModes.length > 0 || !!service.mobilisationDetail || !!service.mobilisationUrl) && {
      key: { text: 'Comment en bénéficier' },
      value: {
        html: (
          <>
            {service.mobilisationModes.length > 0 ? list(service.mobilisationModes.map(mobilisationModeLabel)) : null}
            {service.mobilisationDetail ? <p class="govuk-body">{service.mobilisationDetail}</p> : null}
            {service.mobilisationUrl ? (
              <p class="govuk-body">
                <a class="govuk-link" href={service.mobilisationUrl}>
                  Faire la demande en ligne
                </a>
              </p>
            ) : null}
          </>
        ),
      },
    },
    service.mobilisableBy.length > 0 && {
      key: { text: 'Qui peut faire la demande' },
      value: { text: service.mobilisableBy.map((v) => mobilisableByLabel(v).toLowerCase()).join(' ou ').replace(/^./, (c) => c.toUpperCase()) },
    },
    !!service.accessConditions && { key: { text: 'Conditions' }, value: { text: service.accessConditions } },
    !!service.phone && {
      key: { text: 'Téléphone' },
      value: { html: <a class="govuk-link" href={telHref(service.phone)}>{readablePhone(service.phone)}</a> },
    },
    !!service.email && {
      key: { text: 'Courriel' },
      value: { html: <a class="govuk-link" href={`mailto:${service.email}`}>{service.email}</a> },
    },
  ];
  return (
    <section class="govuk-!-margin-bottom-6" aria-labelledby={`service-${service.id}`}>
      <h3 class="govuk-heading-s" id={`service-${service.id}`}>
        {service.name}
      </h3>
      {service.summary ? <p class="govuk-body">{service.summary}</p> : null}
      {service.description && service.description !== service.summary ? <p class="govuk-body">{service.description}</p> : null}
      <SummaryList rows={rows} />
      {canOrient ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/orientations/nouvelle?service=${service.id}`}>
            Orienter une personne vers ce service<span class="govuk-visually-hidden"> : {service.name}</span>
          </a>
          {' · '}
          <a class="govuk-link" href={`/accompagnements/nouveau?service=${service.id}`}>
            Noter une aide orientée vers ce service<span class="govuk-visually-hidden"> : {service.name}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function PlacePage(props: PlacePageProps) {
  const { place, structure, services } = props.data;
  const labels = residentLabels(place, props.socialCentreKind);
  const itinerant = place.itinerance.includes('Itinérant');
  const offer: Array<SummaryListRow | false> = [
    place.services.length > 0 && { key: { text: 'Accompagnements' }, value: { html: list(place.services) } },
    place.publics.length > 0 && { key: { text: 'Publics accueillis en priorité' }, value: { html: list(place.publics) } },
    place.fees.length > 0 && { key: { text: 'Tarifs' }, value: { html: list(place.fees) } },
    place.accessModes.length > 0 && { key: { text: 'Comment y accéder' }, value: { html: list(place.accessModes) } },
    place.supportModes.length > 0 && { key: { text: 'Façons d’être accompagné' }, value: { html: list(place.supportModes) } },
    (place.nationalPrograms.length > 0 || place.labels.length > 0 || !!place.otherLabels) && {
      key: { text: 'Dispositifs et labels' },
      value: { html: list([...place.nationalPrograms, ...place.labels, ...(place.otherLabels ? [place.otherLabels] : [])]) },
    },
  ];
  const contact: Array<SummaryListRow | false> = [
    !!place.phone && {
      key: { text: 'Téléphone' },
      value: { html: <a class="govuk-link" href={telHref(place.phone)}>{readablePhone(place.phone)}</a> },
    },
    place.emails.length > 0 && {
      key: { text: place.emails.length > 1 ? 'Courriels' : 'Courriel' },
      value: {
        html: (
          <ul class="govuk-list">
            {place.emails.map((e) => (
              <li>
                <a class="govuk-link" href={`mailto:${e}`}>
                  {e}
                </a>
              </li>
            ))}
          </ul>
        ),
      },
    },
    place.websites.length > 0 && {
      key: { text: place.websites.length > 1 ? 'Sites internet' : 'Site internet' },
      value: {
        html: (
          <ul class="govuk-list">
            {place.websites.map((w) => (
              <li>
                <a class="govuk-link" href={w}>
                  {w.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              </li>
            ))}
          </ul>
        ),
      },
    },
    !!place.appointmentUrl && {
      key: { text: 'Rendez-vous' },
      value: { html: <a class="govuk-link" href={place.appointmentUrl}>Prendre rendez-vous en ligne</a> },
    },
  ];
  const hasContact = contact.some(Boolean);
  const hasOffer = offer.some(Boolean);
  const hasMap = !!props.mapStyleUrl && place.latitude !== null && place.longitude !== null;
  return (
    <Layout
      ctx={props.ctx}
      title={`${place.name} (${place.communeName})`}
      scripts={hasMap ? [placeMapScript] : []}
      beforeContent={
        <Breadcrumbs
          collapseOnMobile
          items={[{ text: 'Accueil', href: '/' }, { text: 'Lieux d’aide', href: '/lieux' }, { text: place.name }]}
        />
      }
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{place.communeName}</span>
          <h1 class="govuk-heading-l">{place.name}</h1>
          {labels.length > 0 ? (
            <ul class="govuk-list" aria-label="Labels">
              {labels.map((l) => (
                <li class="govuk-!-display-inline-block govuk-!-margin-right-1">
                  <Tag text={l} classes="govuk-tag--blue" />
                </li>
              ))}
            </ul>
          ) : null}
          <p class="govuk-body-l govuk-!-font-weight-bold" id="statut-ouverture">
            {props.status.text}
          </p>
          {props.stale ? (
            <WarningText
              text={`Cette fiche n’a pas été mise à jour depuis plus de ${durationText(place.updateFrequencyDays)} : les informations ont pu changer. Appelez avant de vous déplacer.`}
            />
          ) : null}
          {props.canEdit ? (
            <Button text="Modifier cette fiche" href={`/ma-structure/lieux/${place.id}/modifier`} classes="govuk-button--secondary" />
          ) : null}
          {place.summary ? <p class="govuk-body">{place.summary}</p> : null}
          {place.detail && place.detail !== place.summary ? <p class="govuk-body">{place.detail}</p> : null}

          <h2 class="govuk-heading-m" id="horaires">
            Horaires
          </h2>
          <Hours openingHours={place.openingHours} today={props.today} />

          <h2 class="govuk-heading-m" id="acces">
            Comment s’y rendre
          </h2>
          <p class="govuk-body">
            {place.street}
            <br />
            {place.complement ? (
              <>
                {place.complement}
                <br />
              </>
            ) : null}
            {place.postcode} {place.communeName}
          </p>
          {itinerant ? (
            <p class="govuk-body">
              Ce lieu est itinérant : l’accompagnement se déplace. {place.itinerance.includes('Fixe') ? 'Il reçoit aussi à cette adresse. ' : ''}
              Appelez pour savoir où le trouver.
            </p>
          ) : null}
          <p class="govuk-body">
            <a class="govuk-link" href={directionsUrl(place)}>
              Calculer l’itinéraire sur OpenStreetMap
            </a>
          </p>
          {place.latitude !== null && place.longitude !== null ? (
            <>
              {props.mapStyleUrl ? (
                <PlaceMap
                  markers={[{ lat: place.latitude, lon: place.longitude, name: place.name, url: `/lieux/${place.id}` }]}
                  label={`Carte : emplacement de ${place.name}`}
                  styleUrl={props.mapStyleUrl}
                />
              ) : null}
              <p class="govuk-body-s" id="coordonnees">
                Coordonnées : {coordinate(place.latitude, 'N', 'S')}, {coordinate(place.longitude, 'E', 'O')}
              </p>
            </>
          ) : null}

          <h2 class="govuk-heading-m" id="contact">
            Contact
          </h2>
          {hasContact ? <SummaryList rows={contact} /> : <p class="govuk-body">Aucun contact n’est renseigné.</p>}

          {hasOffer ? (
            <>
              <h2 class="govuk-heading-m" id="offre">
                Ce qui est proposé
              </h2>
              <SummaryList rows={offer} />
            </>
          ) : null}

          {services.length > 0 ? (
            <>
              <h2 class="govuk-heading-m" id="services">
                Services
              </h2>
              {services.map((s) => (
                <Service service={s} canOrient={props.canOrient} />
              ))}
            </>
          ) : null}

          <h2 class="govuk-heading-m" id="accessibilite">
            Accessibilité
          </h2>
          {place.accessibilityUrl ? (
            <p class="govuk-body">
              <a class="govuk-link" href={place.accessibilityUrl}>
                Voir l’accessibilité du lieu sur acceslibre
              </a>
            </p>
          ) : (
            <p class="govuk-body">L’accessibilité du lieu n’est pas renseignée.</p>
          )}
          {place.specificSupport.length > 0 ? (
            <>
              <p class="govuk-body">Accompagnement adapté :</p>
              <ul class="govuk-list govuk-list--bullet">
                {place.specificSupport.map((s) => (
                  <li>{s}</li>
                ))}
              </ul>
            </>
          ) : null}

          {structure ? (
            <>
              <h2 class="govuk-heading-m" id="structure">
                Structure
              </h2>
              <p class="govuk-body">
                Ce lieu dépend de{' '}
                <a class="govuk-link" href={`/structures/${structure.id}`}>
                  {structure.name}
                </a>
                .
              </p>
            </>
          ) : null}

          <p class="govuk-body-s govuk-!-margin-top-8" id="mise-a-jour">
            Mis à jour le {frenchDate(place.updatedOn)}.
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={`/lieux/${place.id}/signaler`}>
              Signaler une erreur sur cette fiche
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
