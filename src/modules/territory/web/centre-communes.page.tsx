import { Button, ErrorSummary } from '../../../platform/views/components/index.ts';
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
      beforeContent={
        <a href={`/admin/centres/${centre.id}`} class="govuk-back-link">
          {centre.name}
        </a>
      }
    >
      {props.error ? <ErrorSummary errorList={[{ text: props.error, href: communeFieldErrorHref('commune', props.candidates) }]} /> : null}
      {props.notice ? (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="banner-title">
              Succès
            </h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">{props.notice}</p>
          </div>
        </div>
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
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {communes.length === 1 ? '1 commune' : `${communes.length} communes`}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Commune
              </th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {communes.map((c) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{communeLabel(c)}</td>
                <td class="govuk-table__cell">
                  <form method="post" action={`/admin/centres/${centre.id}/communes/${c.insee}/retirer`} class="relais-inline-form">
                    <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
                    <Button classes="govuk-button--warning govuk-!-margin-bottom-0">
                      Retirer<span class="govuk-visually-hidden"> {c.name}</span>
                    </Button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
