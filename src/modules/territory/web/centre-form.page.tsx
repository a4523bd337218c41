import { AdminNav } from '../../../platform/views/admin-nav.tsx';
import { BackLink, Button, ErrorSummary, Input, NotificationBanner, Radios } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { centreKindLabels, centreKinds } from '../domain/social-centre.ts';
import type { CommuneSummary } from '../use-cases/search-communes.ts';
import { CommuneField, communeFieldErrorHref, communeFieldScript } from './commune-field.tsx';
import type { CentreFormField, CentreFormValues } from './social-centre.form.ts';

export interface CentreFormPageProps {
  ctx: PageContext;
  mode: { kind: 'create' } | { kind: 'edit'; id: string; name: string; communeCount: number };
  values: CentreFormValues;
  errors: Partial<Record<CentreFormField, string>>;
  candidates?: CommuneSummary[] | undefined;
  departement: string;
  saved?: boolean;
}

// Order of the fields on the page, so the error summary lists them in the same order.
const order: CentreFormField[] = ['kind', 'name', 'commune', 'address', 'phone', 'email', 'openingHours'];

export function CentreFormPage(props: CentreFormPageProps) {
  const { values, errors, mode } = props;
  const err = (f: CentreFormField) => (errors[f] ? { text: errors[f] } : undefined);
  const summary = order
    .filter((f) => errors[f])
    .map((f) => ({ text: errors[f]!, href: f === 'kind' ? '#kind' : f === 'commune' ? communeFieldErrorHref('commune', props.candidates) : `#${f}` }));
  const title = mode.kind === 'create' ? 'Ajouter un centre' : `Modifier ${mode.name}`;
  const action = mode.kind === 'create' ? '/admin/centres/nouveau' : `/admin/centres/${mode.id}`;
  return (
    <Layout
      ctx={props.ctx}
      title={title}
      hasErrors={summary.length > 0}
      scripts={[communeFieldScript]}
      beforeContent={<BackLink href="/admin/centres" text="Tous les centres" />}
    >
      <AdminNav current="/admin/centres" />
      {summary.length ? <ErrorSummary errorList={summary} /> : null}
      {props.saved ? (
        <NotificationBanner type="success" text="Le centre a été enregistré." />
      ) : null}
      <h1 class="govuk-heading-l">{title}</h1>
      {mode.kind === 'edit' ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/admin/centres/${mode.id}/communes`}>
            Communes desservies ({mode.communeCount})
          </a>
        </p>
      ) : null}
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
        <Radios
          name="kind"
          idPrefix="kind"
          fieldset={{ legend: { text: 'Type de centre', classes: 'govuk-fieldset__legend--s' } }}
          items={centreKinds.map((k) => ({ value: k, text: centreKindLabels[k] }))}
          value={values.kind || undefined}
          errorMessage={err('kind')}
        />
        <Input id="name" name="name" label={{ text: 'Nom', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple « CDAS de Vitré »' }} value={values.name} errorMessage={err('name')} />
        <CommuneField
          name="commune"
          label={{ text: 'Commune où se trouve le centre', classes: 'govuk-label--s' }}
          value={{ text: values.commune, insee: values.communeInsee || null }}
          errorMessage={err('commune')}
          candidates={props.candidates}
          departement={props.departement}
        />
        <Input
          id="address"
          name="address"
          label={{ text: 'Adresse postale', classes: 'govuk-label--s' }}
          hint={{ text: 'Numéro, rue, code postal et commune' }}
          value={values.address}
          errorMessage={err('address')}
          autocomplete="off"
        />
        <Input id="phone" name="phone" type="tel" label={{ text: 'Téléphone (facultatif)', classes: 'govuk-label--s' }} value={values.phone} errorMessage={err('phone')} classes="govuk-input--width-20" autocomplete="off" />
        <Input
          id="email"
          name="email"
          type="email"
          label={{ text: 'Adresse e-mail (facultatif)', classes: 'govuk-label--s' }}
          value={values.email}
          errorMessage={err('email')}
          spellcheck={false}
          autocomplete="off"
        />
        <Input
          id="openingHours"
          name="openingHours"
          label={{ text: 'Horaires d’ouverture (facultatif)', classes: 'govuk-label--s' }}
          hint={{
            text: 'Au format OpenStreetMap : jours (Mo, Tu, We, Th, Fr, Sa, Su, PH pour les jours fériés) puis heures, règles séparées par « ; ». Par exemple Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00',
          }}
          value={values.openingHours}
          errorMessage={err('openingHours')}
          spellcheck={false}
          autocomplete="off"
        />
        <Button text="Enregistrer" preventDoubleClick />
      </form>
    </Layout>
  );
}
