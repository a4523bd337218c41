import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { valueOf } from '../../../platform/http/form.ts';
import { BackLink, Button, Checkboxes, ErrorMessage, Input, InsetText, Radios, Select, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript, type CommuneSummary } from '../../territory/index.ts';
import type { HistoryRow } from '../db/editing-queries.ts';
import { MOBILISABLE_BY, MOBILISATION_MODES, RECEPTION_MODES, SERVICE_FEES, SERVICE_PUBLICS, THEME_CATEGORIES, ZONE_KINDS } from '../domain/data-inclusion.ts';
import { errorOf, FrequencyField, MultiChoice, SavedBanner, Summary } from './form-kit.tsx';
import { listOf } from './listing-fields.ts';
import { ListingHistory } from './listing-history.tsx';
import { SERVICE_FIELD_ORDER } from './service.form.ts';

export interface ServiceFormPageProps {
  ctx: PageContext;
  mode: { kind: 'create'; structureId: string; structureName: string } | { kind: 'edit'; id: string; name: string; structureName: string };
  values: FormValues;
  errors: FieldError[];
  places: Array<{ id: string; name: string }>;
  epcis: Array<{ siren: string; name: string }>;
  departementName: string;
  candidates?: CommuneSummary[] | undefined;
  history?: { rows: HistoryRow[]; names: Map<string, { displayName: string }> };
  saved?: 'changed' | 'unchanged' | null;
  moderated: boolean;
}

export function ServiceFormPage(props: ServiceFormPageProps) {
  const { values, errors, mode } = props;
  const v = (f: string) => valueOf(values, f);
  const title = mode.kind === 'create' ? `Ajouter un service à ${mode.structureName}` : `Modifier « ${mode.name} »`;
  const action = mode.kind === 'create' ? `/ma-structure/structure/${mode.structureId}/services/nouveau` : `/ma-structure/services/${mode.id}/modifier`;
  const chosenThemes = listOf(values, 'themes');
  const themeError = errorOf(errors, 'themes');
  const chosenEpcis = listOf(values, 'zoneEpci');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0} scripts={[communeFieldScript]} beforeContent={<BackLink href="/ma-structure" text="Ma structure" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Summary errors={errors} order={SERVICE_FIELD_ORDER} hrefs={{ zoneCommune: communeFieldErrorHref('zoneCommune', props.candidates), themes: '#themes' }} />
          <SavedBanner
            show={!!props.saved}
            text={props.saved === 'unchanged' ? 'Aucune information n’a changé.' : props.moderated ? 'Vos modifications sont publiées. L’équipe annuaire du département les relira.' : 'Les modifications sont publiées.'}
          />
          {mode.kind === 'edit' ? <span class="govuk-caption-l">{mode.structureName}</span> : null}
          <h1 class="govuk-heading-l">{title}</h1>
          {props.moderated ? <InsetText text="Vos modifications sont publiées dès l’enregistrement, puis relues par l’équipe annuaire du département." /> : null}
          <form method="post" action={action} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <Input id="name" name="name" label={{ text: 'Nom du service', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple « Aide aux démarches en ligne »' }} value={v('name')} errorMessage={errorOf(errors, 'name')} />
            <Input id="summary" name="summary" label={{ text: 'Résumé (facultatif)', classes: 'govuk-label--s' }} value={v('summary')} errorMessage={errorOf(errors, 'summary')} />
            <Textarea id="description" name="description" rows={4} label={{ text: 'Description (facultatif)', classes: 'govuk-label--s' }} value={v('description')} errorMessage={errorOf(errors, 'description')} />
            <Select
              id="placeId"
              name="placeId"
              label={{ text: 'Lieu où le service est proposé', classes: 'govuk-label--s' }}
              errorMessage={errorOf(errors, 'placeId')}
              items={[{ value: '', text: 'Aucun lieu en particulier' }, ...props.places.map((p) => ({ value: p.id, text: p.name }))]}
              value={v('placeId')}
            />

            <div class={`govuk-form-group${themeError ? ' govuk-form-group--error' : ''}`}>
              <h2 class="govuk-heading-m">Thématiques</h2>
              <p class="govuk-hint">Choisissez au moins une thématique : c’est ce que les personnes cherchent.</p>
              {themeError ? <ErrorMessage id="themes-error" text={themeError.text} /> : null}
              {THEME_CATEGORIES.map((cat, i) => (
                <Checkboxes
                  name="themes"
                  idPrefix={i === 0 ? 'themes' : `themes-${cat.slug}`}
                  classes="govuk-checkboxes--small"
                  fieldset={{ legend: { text: cat.label, classes: 'govuk-fieldset__legend--s' } }}
                  items={cat.themes.map((t) => ({ value: t.value, text: t.label }))}
                  values={chosenThemes}
                />
              ))}
            </div>

            <MultiChoice name="publics" legend="Publics (facultatif)" hint="Laissez vide si le service s’adresse à tout le monde" options={SERVICE_PUBLICS} values={values} errors={errors} small />
            <Input id="publicsDetail" name="publicsDetail" label={{ text: 'Précision sur les publics (facultatif)', classes: 'govuk-label--s' }} value={v('publicsDetail')} errorMessage={errorOf(errors, 'publicsDetail')} />
            <Radios
              name="fees"
              idPrefix="fees"
              classes="govuk-radios--inline"
              fieldset={{ legend: { text: 'Le service est-il gratuit ? (facultatif)', classes: 'govuk-fieldset__legend--s' } }}
              errorMessage={errorOf(errors, 'fees')}
              items={SERVICE_FEES.map((t) => ({ value: t.value, text: t.label }))}
              value={v('fees') || undefined}
            />
            <Input id="feesDetail" name="feesDetail" label={{ text: 'Précision sur les frais (facultatif)', classes: 'govuk-label--s' }} value={v('feesDetail')} errorMessage={errorOf(errors, 'feesDetail')} />
            <MultiChoice name="receptionModes" legend="Comment le service est-il proposé ?" options={RECEPTION_MODES} values={values} errors={errors} small />
            <MultiChoice name="mobilisationModes" legend="Comment le mobiliser (facultatif)" options={MOBILISATION_MODES} values={values} errors={errors} small />
            <MultiChoice name="mobilisableBy" legend="Qui peut le mobiliser (facultatif)" options={MOBILISABLE_BY} values={values} errors={errors} small />
            <Input id="mobilisationUrl" name="mobilisationUrl" type="url" label={{ text: 'Lien de mobilisation (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Formulaire ou page pour demander le service' }} value={v('mobilisationUrl')} errorMessage={errorOf(errors, 'mobilisationUrl')} spellcheck={false} autocomplete="off" />
            <Textarea id="mobilisationDetail" name="mobilisationDetail" rows={2} label={{ text: 'Précision sur la mobilisation (facultatif)', classes: 'govuk-label--s' }} value={v('mobilisationDetail')} errorMessage={errorOf(errors, 'mobilisationDetail')} />

            <h2 class="govuk-heading-m">Qui peut en bénéficier</h2>
            <Radios
              name="zoneKind"
              idPrefix="zoneKind"
              fieldset={{ legend: { text: 'Zone d’éligibilité : où doivent habiter les personnes ?', classes: 'govuk-fieldset__legend--s' } }}
              errorMessage={errorOf(errors, 'zoneKind')}
              items={ZONE_KINDS.map((t) => ({ value: t.value, text: t.value === 'departement' ? `${t.label} (${props.departementName})` : t.label }))}
              value={v('zoneKind') || undefined}
            />
            <CommuneField
              name="zoneCommune"
              label={{ text: 'Si « une commune » : laquelle ?', classes: 'govuk-label--s' }}
              value={{ text: v('zoneCommune'), insee: v('zoneCommuneInsee') || null }}
              errorMessage={errorOf(errors, 'zoneCommune')}
              candidates={props.candidates}
            />
            <Checkboxes
              name="zoneEpci"
              idPrefix="zoneEpci"
              classes="govuk-checkboxes--small"
              fieldset={{ legend: { text: 'Si « intercommunalités » : lesquelles ?', classes: 'govuk-fieldset__legend--s' } }}
              errorMessage={errorOf(errors, 'zoneEpci')}
              items={props.epcis.map((e) => ({ value: e.siren, text: e.name }))}
              values={chosenEpcis}
            />
            <Textarea id="accessConditions" name="accessConditions" rows={3} label={{ text: 'Conditions d’accès (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple : sur orientation d’un travailleur social, justificatif de domicile' }} value={v('accessConditions')} errorMessage={errorOf(errors, 'accessConditions')} />

            <h2 class="govuk-heading-m">Contact du service</h2>
            <Input id="phone" name="phone" type="tel" label={{ text: 'Téléphone (facultatif)', classes: 'govuk-label--s' }} value={v('phone')} errorMessage={errorOf(errors, 'phone')} classes="govuk-input--width-20" autocomplete="off" />
            <Input id="email" name="email" type="email" label={{ text: 'Adresse e-mail (facultatif)', classes: 'govuk-label--s' }} value={v('email')} errorMessage={errorOf(errors, 'email')} spellcheck={false} autocomplete="off" />
            <FrequencyField values={values} errors={errors} />
            <Button text={mode.kind === 'create' ? 'Ajouter le service' : 'Enregistrer les modifications'} preventDoubleClick />
          </form>
          {props.history ? <ListingHistory rows={props.history.rows} names={props.history.names} /> : null}
        </div>
      </div>
    </Layout>
  );
}
