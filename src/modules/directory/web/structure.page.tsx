// The public page of a structure: who it is, how to reach it, its places and what it offers.
import { Breadcrumbs, SummaryList, type SummaryListRow } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { PublicStructure } from '../db/public-listing-queries.ts';
import { themeLabel } from '../domain/data-inclusion.ts';
import { frenchDate } from '../domain/freshness.ts';
import { readablePhone, telHref } from '../domain/phone-display.ts';
import { STRUCTURE_KIND_LABELS } from './structure-kinds.ts';

export function StructurePage(props: { ctx: PageContext; data: PublicStructure; communeName: string | null; canOrient: boolean }) {
  const { structure, parent, places, services } = props.data;
  const address = [structure.street, [structure.postcode, props.communeName].filter(Boolean).join(' ')].filter(Boolean);
  const rows: Array<SummaryListRow | false> = [
    { key: { text: 'Type de structure' }, value: { text: STRUCTURE_KIND_LABELS[structure.kind] } },
    !!parent && { key: { text: 'Structure parente' }, value: { html: <a class="govuk-link" href={`/structures/${parent.id}`}>{parent.name}</a> } },
    address.length > 0 && {
      key: { text: 'Adresse' },
      value: {
        html: (
          <>
            {address.map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </>
        ),
      },
    },
    !!structure.phone && {
      key: { text: 'Téléphone' },
      value: { html: <a class="govuk-link" href={telHref(structure.phone)}>{readablePhone(structure.phone)}</a> },
    },
    !!structure.email && {
      key: { text: 'Courriel' },
      value: { html: <a class="govuk-link" href={`mailto:${structure.email}`}>{structure.email}</a> },
    },
    !!structure.website && {
      key: { text: 'Site internet' },
      value: { html: <a class="govuk-link" href={structure.website}>{structure.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a> },
    },
    structure.networks.length > 0 && { key: { text: 'Réseaux' }, value: { text: structure.networks.join(', ') } },
  ];
  return (
    <Layout
      ctx={props.ctx}
      title={structure.name}
      beforeContent={<Breadcrumbs collapseOnMobile items={[{ text: 'Accueil', href: '/' }, { text: 'Lieux d’aide', href: '/lieux' }, { text: structure.name }]} />}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{STRUCTURE_KIND_LABELS[structure.kind]}</span>
          <h1 class="govuk-heading-l">{structure.name}</h1>
          {structure.description ? <p class="govuk-body">{structure.description}</p> : null}
          <SummaryList rows={rows} />

          <h2 class="govuk-heading-m" id="lieux">
            Où elle reçoit
          </h2>
          {places.length > 0 ? (
            <ul class="govuk-list">
              {places.map((p) => (
                <li>
                  <a class="govuk-link" href={`/lieux/${p.id}`}>
                    {p.name}
                  </a>
                  <br />
                  <span class="govuk-body-s">
                    {p.street}, {p.postcode} {p.communeName}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="govuk-body">Aucun lieu d’accueil n’est publié pour cette structure.</p>
          )}

          <h2 class="govuk-heading-m" id="services">
            Services
          </h2>
          {services.length > 0 ? (
            services.map((s) => (
              <section class="govuk-!-margin-bottom-6" aria-labelledby={`service-${s.id}`}>
                <h3 class="govuk-heading-s" id={`service-${s.id}`}>
                  {s.name}
                </h3>
                {s.summary ? <p class="govuk-body">{s.summary}</p> : null}
                {s.themes.length > 0 ? <p class="govuk-body-s">{s.themes.map(themeLabel).join(' · ')}</p> : null}
                {s.placeId && s.placeName ? (
                  <p class="govuk-body-s">
                    Lieu :{' '}
                    <a class="govuk-link" href={`/lieux/${s.placeId}`}>
                      {s.placeName}
                    </a>
                  </p>
                ) : null}
                {props.canOrient ? (
                  <p class="govuk-body">
                    <a class="govuk-link" href={`/orientations/nouvelle?service=${s.id}`}>
                      Orienter une personne vers ce service<span class="govuk-visually-hidden"> : {s.name}</span>
                    </a>
                    {' · '}
                    <a class="govuk-link" href={`/accompagnements/nouveau?service=${s.id}`}>
                      Noter une aide orientée vers ce service<span class="govuk-visually-hidden"> : {s.name}</span>
                    </a>
                  </p>
                ) : null}
              </section>
            ))
          ) : (
            <p class="govuk-body">Aucun service n’est publié pour cette structure.</p>
          )}
          {structure.updatedOn ? <p class="govuk-body-s govuk-!-margin-top-8">Mis à jour le {frenchDate(structure.updatedOn)}.</p> : null}
        </div>
      </div>
    </Layout>
  );
}
