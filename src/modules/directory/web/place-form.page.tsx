import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { describeOpeningHours } from '../../../platform/time/opening-hours.ts';
import { BackLink, Button, Input, InsetText, Radios, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript, type CommuneSummary } from '../../territory/index.ts';
import type { HistoryRow } from '../db/editing-queries.ts';
import { errorOf, FrequencyField, MultiChoice, SavedBanner, Summary } from './form-kit.tsx';
import { ListingHistory } from './listing-history.tsx';
import { valueOf } from '../../../platform/http/form.ts';
import { PLACE_CHOICES, PLACE_FIELD_ORDER } from './place.form.ts';

export interface PlaceFormPageProps {
  ctx: PageContext;
  mode: { kind: 'create'; structureId: string; structureName: string } | { kind: 'edit'; id: string; name: string; structureName: string | null };
  values: FormValues;
  errors: FieldError[];
  candidates?: CommuneSummary[] | undefined;
  departement: string;
  history?: { rows: HistoryRow[]; names: Map<string, { displayName: string }> };
  saved?: 'changed' | 'unchanged' | null;
  /** Edits by a structure member are moderated afterwards: say so. */
  moderated: boolean;
}

export function PlaceFormPage(props: PlaceFormPageProps) {
  const { values, errors, mode } = props;
  const v = (f: string) => valueOf(values, f);
  const title = mode.kind === 'create' ? `Ajouter un lieu à ${mode.structureName}` : `Modifier « ${mode.name} »`;
  const action = mode.kind === 'create' ? `/ma-structure/structure/${mode.structureId}/lieux/nouveau` : `/ma-structure/lieux/${mode.id}/modifier`;
  const hours = v('openingHours');
  const hoursText = hours && !errorOf(errors, 'openingHours') ? describeOpeningHours(hours) : null;
  return (
    <Layout
      ctx={props.ctx}
      title={title}
      hasErrors={errors.length > 0}
      scripts={[communeFieldScript]}
      beforeContent={<BackLink href="/ma-structure" text="Ma structure" />}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Summary errors={errors} order={PLACE_FIELD_ORDER} hrefs={{ commune: communeFieldErrorHref('commune', props.candidates) }} />
          <SavedBanner
            show={!!props.saved}
            text={
              props.saved === 'unchanged'
                ? 'Aucune information n’a changé.'
                : props.moderated
                  ? 'Vos modifications sont publiées. L’équipe annuaire du département les relira.'
                  : 'Les modifications sont publiées.'
            }
          />
          {mode.kind === 'edit' && mode.structureName ? <span class="govuk-caption-l">{mode.structureName}</span> : null}
          <h1 class="govuk-heading-l">{title}</h1>
          {props.moderated ? (
            <InsetText text="Vos modifications sont publiées dès l’enregistrement, puis relues par l’équipe annuaire du département." />
          ) : null}
          <form method="post" action={action} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <h2 class="govuk-heading-m">Adresse et contact</h2>
            <Input id="name" name="name" label={{ text: 'Nom du lieu', classes: 'govuk-label--s' }} value={v('name')} errorMessage={errorOf(errors, 'name')} />
            <Input id="street" name="street" label={{ text: 'Adresse', classes: 'govuk-label--s' }} hint={{ text: 'Numéro et rue, par exemple 10 cours des Alliés' }} value={v('street')} errorMessage={errorOf(errors, 'street')} autocomplete="off" />
            <Input id="complement" name="complement" label={{ text: 'Complément d’adresse (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Bâtiment, étage, entrée' }} value={v('complement')} errorMessage={errorOf(errors, 'complement')} />
            <Input id="postcode" name="postcode" label={{ text: 'Code postal', classes: 'govuk-label--s' }} value={v('postcode')} errorMessage={errorOf(errors, 'postcode')} classes="govuk-input--width-5" inputmode="numeric" autocomplete="off" />
            <CommuneField
              name="commune"
              label={{ text: 'Commune', classes: 'govuk-label--s' }}
              value={{ text: v('commune'), insee: v('communeInsee') || null }}
              errorMessage={errorOf(errors, 'commune')}
              candidates={props.candidates}
              departement={undefined}
            />
            <Input id="latitude" name="latitude" label={{ text: 'Latitude (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'En degrés décimaux, par exemple 48.1113. Sans coordonnées, le lieu est placé au centre de sa commune.' }} value={v('latitude')} errorMessage={errorOf(errors, 'latitude')} classes="govuk-input--width-10" inputmode="decimal" autocomplete="off" />
            <Input id="longitude" name="longitude" label={{ text: 'Longitude (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple -1.6800' }} value={v('longitude')} errorMessage={errorOf(errors, 'longitude')} classes="govuk-input--width-10" inputmode="decimal" autocomplete="off" />
            <Input id="phone" name="phone" type="tel" label={{ text: 'Téléphone (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple 02 99 12 34 56' }} value={v('phone')} errorMessage={errorOf(errors, 'phone')} classes="govuk-input--width-20" autocomplete="off" />
            <Input id="emails" name="emails" label={{ text: 'Adresses e-mail (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Séparez plusieurs adresses par des virgules' }} value={v('emails')} errorMessage={errorOf(errors, 'emails')} spellcheck={false} autocomplete="off" />
            <Input id="websites" name="websites" label={{ text: 'Sites web (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Adresses complètes qui commencent par https://, séparées par des espaces' }} value={v('websites')} errorMessage={errorOf(errors, 'websites')} spellcheck={false} autocomplete="off" />

            <h2 class="govuk-heading-m">Horaires</h2>
            <Textarea
              id="openingHours"
              name="openingHours"
              rows={3}
              label={{ text: 'Horaires d’ouverture (facultatif)', classes: 'govuk-label--s' }}
              hint={{
                text: 'Au format OpenStreetMap : jours (Mo lundi, Tu mardi, We mercredi, Th jeudi, Fr vendredi, Sa samedi, Su dimanche, PH jours fériés) puis heures ; séparez les règles par « ; ». Par exemple : Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off',
              }}
              value={v('openingHours')}
              errorMessage={errorOf(errors, 'openingHours')}
              spellcheck={false}
            />
            {hoursText ? (
              <div class="govuk-inset-text" id="openingHours-description">
                <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Ce que les visiteurs liront :</p>
                <ul class="govuk-list">
                  {hoursText.map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Input id="appointmentUrl" name="appointmentUrl" type="url" label={{ text: 'Lien de prise de rendez-vous en ligne (facultatif)', classes: 'govuk-label--s' }} value={v('appointmentUrl')} errorMessage={errorOf(errors, 'appointmentUrl')} spellcheck={false} autocomplete="off" />

            <h2 class="govuk-heading-m">Présentation</h2>
            <Input id="summary" name="summary" label={{ text: 'Résumé (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Une phrase, 280 caractères au plus' }} value={v('summary')} errorMessage={errorOf(errors, 'summary')} />
            <Textarea id="detail" name="detail" rows={5} label={{ text: 'Présentation détaillée (facultatif)', classes: 'govuk-label--s' }} value={v('detail')} errorMessage={errorOf(errors, 'detail')} />

            <h2 class="govuk-heading-m">Services et publics</h2>
            <MultiChoice name="services" legend="Services proposés" hint="Choisissez tout ce que le lieu propose" options={PLACE_CHOICES.services} values={values} errors={errors} small />
            <MultiChoice name="publics" legend="Publics accueillis en particulier (facultatif)" hint="Laissez vide si le lieu accueille tout le monde" options={PLACE_CHOICES.publics} values={values} errors={errors} small />
            <MultiChoice name="specificSupport" legend="Prise en charge spécifique (facultatif)" options={PLACE_CHOICES.specificSupport} values={values} errors={errors} small />
            <MultiChoice name="fees" legend="Frais à la charge des personnes (facultatif)" options={PLACE_CHOICES.fees} values={values} errors={errors} small />
            <Radios
              name="acceptsPassNumerique"
              idPrefix="acceptsPassNumerique"
              classes="govuk-radios--inline"
              fieldset={{ legend: { text: 'Le lieu accepte-t-il le Pass numérique ?', classes: 'govuk-fieldset__legend--s' } }}
              errorMessage={errorOf(errors, 'acceptsPassNumerique')}
              items={[
                { value: 'oui', text: 'Oui' },
                { value: 'non', text: 'Non' },
              ]}
              value={v('acceptsPassNumerique') || undefined}
            />
            <MultiChoice name="nationalPrograms" legend="Dispositifs nationaux (facultatif)" options={PLACE_CHOICES.nationalPrograms} values={values} errors={errors} small />
            <MultiChoice name="labels" legend="Formations et labels (facultatif)" options={PLACE_CHOICES.labels} values={values} errors={errors} small />
            <MultiChoice name="accessModes" legend="Comment venir (facultatif)" options={PLACE_CHOICES.accessModes} values={values} errors={errors} small />
            <MultiChoice name="supportModes" legend="Comment les personnes sont accompagnées (facultatif)" options={PLACE_CHOICES.supportModes} values={values} errors={errors} small />
            <MultiChoice name="itinerance" legend="Le lieu est-il fixe ou itinérant ? (facultatif)" options={PLACE_CHOICES.itinerance} values={values} errors={errors} small />
            <Input id="accessibilityUrl" name="accessibilityUrl" type="url" label={{ text: 'Fiche acceslibre du lieu (facultatif)', classes: 'govuk-label--s' }} hint={{ text: 'Le lien de la fiche d’accessibilité sur acceslibre.beta.gouv.fr' }} value={v('accessibilityUrl')} errorMessage={errorOf(errors, 'accessibilityUrl')} spellcheck={false} autocomplete="off" />

            <h2 class="govuk-heading-m">Mise à jour</h2>
            <FrequencyField values={values} errors={errors} />
            <Button text={mode.kind === 'create' ? 'Ajouter le lieu' : 'Enregistrer les modifications'} preventDoubleClick />
          </form>
          {props.history ? <ListingHistory rows={props.history.rows} names={props.history.names} /> : null}
        </div>
      </div>
    </Layout>
  );
}
