import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { valueOf } from '../../../platform/http/form.ts';
import { BackLink, Button, Input, InsetText, Select, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript, type CommuneSummary } from '../../territory/index.ts';
import { STRUCTURE_KINDS } from '../db/directory.table.ts';
import type { HistoryRow } from '../db/editing-queries.ts';
import { errorOf, FrequencyField, SavedBanner, Summary } from './form-kit.tsx';
import { ListingHistory } from './listing-history.tsx';
import { STRUCTURE_FIELD_ORDER } from './structure.form.ts';
import { STRUCTURE_KIND_LABELS } from './structure-kinds.ts';

export interface StructureFormPageProps {
  ctx: PageContext;
  id: string;
  name: string;
  values: FormValues;
  errors: FieldError[];
  candidates?: CommuneSummary[] | undefined;
  departement: string;
  history: { rows: HistoryRow[]; names: Map<string, { displayName: string }> };
  saved?: 'changed' | 'unchanged' | null;
  moderated: boolean;
}

export function StructureFormPage(props: StructureFormPageProps) {
  const { values, errors } = props;
  const v = (f: string) => valueOf(values, f);
  const title = `Modifier « ${props.name} »`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0} scripts={[communeFieldScript]} beforeContent={<BackLink href="/ma-structure" text="Ma structure" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Summary errors={errors} order={STRUCTURE_FIELD_ORDER} hrefs={{ commune: communeFieldErrorHref('commune', props.candidates) }} />
          <SavedBanner
            show={!!props.saved}
            text={props.saved === 'unchanged' ? 'Aucune information n’a changé.' : props.moderated ? 'Vos modifications sont publiées. L’équipe annuaire du département les relira.' : 'Les modifications sont publiées.'}
          />
          <h1 class="govuk-heading-l">{title}</h1>
          {props.moderated ? <InsetText text="Vos modifications sont publiées dès l’enregistrement, puis relues par l’équipe annuaire du département." /> : null}
          <form method="post" action={`/ma-structure/structure/${props.id}/modifier`} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <Input id="name" name="name" label={{ text: 'Nom de la structure', classes: 'govuk-label--s' }} value={v('name')} errorMessage={errorOf(errors, 'name')} />
            <Select
              id="kind"
              name="kind"
              label={{ text: 'Type de structure', classes: 'govuk-label--s' }}
              errorMessage={errorOf(errors, 'kind')}
              items={STRUCTURE_KINDS.map((k) => ({ value: k, text: STRUCTURE_KIND_LABELS[k] }))}
              value={v('kind')}
            />
            <Input id="siret" name="siret" label={{ text: 'Numéro SIRET (facultatif)', classes: 'govuk-label--s' }} hint={{ text: '14 chiffres, par exemple 130 025 265 00013' }} value={v('siret')} errorMessage={errorOf(errors, 'siret')} classes="govuk-input--width-20" inputmode="numeric" autocomplete="off" />
            <Input id="rna" name="rna" label={{ text: 'Numéro RNA, pour une association (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'W suivi de 9 chiffres' }} value={v('rna')} errorMessage={errorOf(errors, 'rna')} classes="govuk-input--width-10" autocomplete="off" />
            <Textarea id="description" name="description" rows={4} label={{ text: 'Présentation (facultatif)', classes: 'govuk-label--s' }} value={v('description')} errorMessage={errorOf(errors, 'description')} />
            <Input id="street" name="street" label={{ text: 'Adresse (facultatif)', classes: 'govuk-label--s' }} value={v('street')} errorMessage={errorOf(errors, 'street')} autocomplete="off" />
            <Input id="postcode" name="postcode" label={{ text: 'Code postal (facultatif)', classes: 'govuk-label--s' }} value={v('postcode')} errorMessage={errorOf(errors, 'postcode')} classes="govuk-input--width-5" inputmode="numeric" autocomplete="off" />
            <CommuneField
              name="commune"
              label={{ text: 'Commune du siège (facultatif)', classes: 'govuk-label--s' }}
              value={{ text: v('commune'), insee: v('communeInsee') || null }}
              errorMessage={errorOf(errors, 'commune')}
              candidates={props.candidates}
            />
            <Input id="phone" name="phone" type="tel" label={{ text: 'Téléphone (facultatif)', classes: 'govuk-label--s' }} value={v('phone')} errorMessage={errorOf(errors, 'phone')} classes="govuk-input--width-20" autocomplete="off" />
            <Input id="email" name="email" type="email" label={{ text: 'Adresse e-mail (facultatif)', classes: 'govuk-label--s' }} value={v('email')} errorMessage={errorOf(errors, 'email')} spellcheck={false} autocomplete="off" />
            <Input id="website" name="website" type="url" label={{ text: 'Site web (facultatif)', classes: 'govuk-label--s' }} value={v('website')} errorMessage={errorOf(errors, 'website')} spellcheck={false} autocomplete="off" />
            <FrequencyField values={values} errors={errors} />
            <Button text="Enregistrer les modifications" preventDoubleClick />
          </form>
          <ListingHistory rows={props.history.rows} names={props.history.names} />
        </div>
      </div>
    </Layout>
  );
}
