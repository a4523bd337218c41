import { AdminNav } from '../../../platform/views/admin-nav.tsx';
import { BackLink, Button, ErrorSummary, NotificationBanner, Table } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { communeLabel } from '../domain/search-name.ts';
import type { SocialCentre } from '../domain/social-centre.ts';
import type { CommuneSummary } from '../use-cases/search-communes.ts';
import { CommuneField, communeFieldErrorHref, communeFieldScript } from './commune-field.tsx';

export interface CentreCommunesPageProps {
  ctx: PageContext;
  centre: SocialCentre;
  communes: CommuneSummary[];
  value: { text: string; insee: string | null };
  error?: string | undefined;
  candidates?: CommuneSummary[] | undefined;
  /** Shown after a redirect: what just changed. */
  notice?: string | undefined;
}

export function CentreCommunesPage(props: CentreCommunesPageProps) {
  const { centre, communes } = props;
  const title = `Communes desservies par ${centre.name}`;
  return (
    <Layout
      ctx={props.ctx}
      title={title}
      hasErrors={!!props.error}
      scripts={[communeFieldScript]}
      beforeContent={<BackLink href={`/admin/centres/${centre.id}`} text={centre.name} />}
    >
      <AdminNav current="/admin/centres" />
      {props.error ? <ErrorSummary errorList={[{ text: props.error, href: communeFieldErrorHref('commune', props.candidates) }]} /> : null}
      {props.notice ? (
        <NotificationBanner type="success" text={props.notice} />
      ) : null}
      <h1 class="govuk-heading-l">{title}</h1>
      <form method="post" action={`/admin/centres/${centre.id}/communes`} novalidate>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
        <CommuneField
          name="commune"
          label={{ text: 'Ajouter une commune', classes: 'govuk-label--s' }}
          value={props.value}
          errorMessage={props.error ? { text: props.error } : undefined}
          candidates={props.candidates}
          departement={centre.departementCode}
        />
        <Button text="Ajouter" classes="govuk-button--secondary" />
      </form>
      {communes.length === 0 ? (
        <p class="govuk-body">Ce centre ne dessert encore aucune commune.</p>
      ) : (
        <Table
          caption={communes.length === 1 ? '1 commune' : `${communes.length} communes`}
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Commune' }, { html: <span class="govuk-visually-hidden">Action</span> }]}
          rows={communes.map((c) => [
            { text: communeLabel(c) },
            {
              html: (
                <form method="post" action={`/admin/centres/${centre.id}/communes/${c.insee}/retirer`} class="relais-inline-form">
                  <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
                  <Button classes="govuk-button--warning govuk-!-margin-bottom-0">
                    Retirer<span class="govuk-visually-hidden"> {c.name}</span>
                  </Button>
                </form>
              ),
            },
          ])}
        />
      )}
    </Layout>
  );
}
