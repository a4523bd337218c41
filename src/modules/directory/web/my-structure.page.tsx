// « Ma structure »: the structures a person manages, with each listing's freshness and a one-click
// confirmation that the information is still right.
import { BackLink, Button, InsetText, NotificationBanner, SummaryList, Tag } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ClaimRow } from '../db/editing-queries.ts';
import type { PlaceRow, ServiceRow, StructureRow } from '../db/listing-store.ts';
import { freshnessOf, frenchDate } from '../domain/freshness.ts';

export interface ManagedStructure {
  structure: StructureRow;
  places: PlaceRow[];
  services: ServiceRow[];
}

function FreshnessTag(props: { updatedOn: string | null; frequencyDays: number; today: string }) {
  if (!props.updatedOn) return <Tag text="À vérifier" classes="govuk-tag--orange" />;
  const f = freshnessOf(props.updatedOn, props.frequencyDays, props.today);
  return f.kind === 'fresh' ? <Tag text="À jour" classes="govuk-tag--green" /> : <Tag text={`À vérifier depuis le ${frenchDate(f.since)}`} classes="govuk-tag--orange" />;
}

function ConfirmButton(props: { ctx: PageContext; action: string; label: string }) {
  return (
    <form method="post" action={props.action} class="govuk-!-display-inline-block govuk-!-margin-right-2">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
      <Button text="Ces informations sont toujours exactes" classes="govuk-button--secondary govuk-!-margin-bottom-2" attributes={{ 'aria-label': `Ces informations sont toujours exactes : ${props.label}` }} />
    </form>
  );
}

function Listing(props: { ctx: PageContext; kind: 'lieux' | 'services'; id: string; name: string; updatedOn: string; frequencyDays: number; today: string; detail: string }) {
  return (
    <>
      <SummaryList
        card={{
          title: { text: props.name, headingLevel: 4 },
          actions: { items: [{ href: `/ma-structure/${props.kind}/${props.id}/modifier`, text: 'Modifier', visuallyHiddenText: props.name }] },
        }}
        rows={[
          { key: { text: props.kind === 'lieux' ? 'Adresse' : 'Lieu' }, value: { text: props.detail } },
          { key: { text: 'État' }, value: { html: <FreshnessTag updatedOn={props.updatedOn} frequencyDays={props.frequencyDays} today={props.today} /> } },
          { key: { text: 'Dernière mise à jour' }, value: { text: frenchDate(props.updatedOn) } },
        ]}
      />
      <ConfirmButton ctx={props.ctx} action={`/ma-structure/${props.kind}/${props.id}/confirmer`} label={props.name} />
    </>
  );
}

export function MyStructurePage(props: {
  ctx: PageContext;
  managed: ManagedStructure[];
  pendingClaims: Array<ClaimRow & { structureName: string }>;
  today: string;
  isTeam: boolean;
  isResident: boolean;
  notice?: string | undefined;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title="Ma structure" beforeContent={<BackLink href="/compte" text="Mon compte" />}>
      {props.notice ? <NotificationBanner type="success" text={props.notice} /> : null}
      <h1 class="govuk-heading-l">Ma structure</h1>
      {props.isResident ? (
        <InsetText text="Pour tenir à jour les informations d’une structure, il faut un compte professionnel, protégé par une double authentification. Demandez à un ou une collègue déjà membre de la structure de vous inviter, ou écrivez à l’équipe annuaire du département." />
      ) : null}
      {props.isTeam ? (
        <InsetText text="Vous faites partie de l’équipe annuaire du département : vous pouvez modifier toutes les fiches depuis leur page. Vos modifications ne passent pas par la relecture." />
      ) : null}
      {props.pendingClaims.map((c) => (
        <InsetText text={`Votre demande pour gérer « ${c.structureName} », envoyée le ${frenchDate(c.createdAt.toISOString().slice(0, 10))}, attend la réponse de l’équipe annuaire du département.`} />
      ))}
      {props.managed.length === 0 && !props.isResident ? (
        <p class="govuk-body">Vous ne gérez encore aucune structure.</p>
      ) : null}
      {props.managed.map(({ structure, places, services }) => {
        const placeName = new Map(places.map((p) => [p.id, p.name]));
        return (
          <section class="govuk-!-margin-bottom-9" aria-labelledby={`structure-${structure.id}`}>
            <h2 class="govuk-heading-m" id={`structure-${structure.id}`}>
              {structure.name}
            </h2>
            <p class="govuk-body">
              <FreshnessTag updatedOn={structure.updatedOn} frequencyDays={structure.updateFrequencyDays} today={props.today} />
            </p>
            <ul class="govuk-list">
              <li>
                <a class="govuk-link" href={`/ma-structure/structure/${structure.id}/modifier`}>
                  Modifier les informations de la structure
                </a>
              </li>
              <li>
                <a class="govuk-link" href={`/ma-structure/structure/${structure.id}/membres`}>
                  Membres et invitations
                </a>
              </li>
            </ul>
            {structure.updatedOn ? <ConfirmButton ctx={ctx} action={`/ma-structure/structure/${structure.id}/confirmer`} label={structure.name} /> : null}
            <h3 class="govuk-heading-s">Lieux d’accueil ({places.length})</h3>
            {places.length === 0 ? <p class="govuk-body">Aucun lieu pour le moment.</p> : null}
            {places.map((p) => (
              <Listing ctx={ctx} kind="lieux" id={p.id} name={p.name} updatedOn={p.updatedOn} frequencyDays={p.updateFrequencyDays} today={props.today} detail={`${p.street}, ${p.postcode} ${p.communeName}`} />
            ))}
            <p class="govuk-body">
              <a class="govuk-link" href={`/ma-structure/structure/${structure.id}/lieux/nouveau`}>
                Ajouter un lieu
              </a>
            </p>
            <h3 class="govuk-heading-s">Services ({services.length})</h3>
            {services.length === 0 ? <p class="govuk-body">Aucun service pour le moment.</p> : null}
            {services.map((s) => (
              <Listing
                ctx={ctx}
                kind="services"
                id={s.id}
                name={s.name}
                updatedOn={s.updatedOn}
                frequencyDays={s.updateFrequencyDays}
                today={props.today}
                detail={(s.placeId && placeName.get(s.placeId)) || 'Aucun lieu en particulier'}
              />
            ))}
            <p class="govuk-body">
              <a class="govuk-link" href={`/ma-structure/structure/${structure.id}/services/nouveau`}>
                Ajouter un service
              </a>
            </p>
          </section>
        );
      })}
      {!props.isResident ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/ma-structure/revendiquer">
            Demander à gérer une autre structure
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
