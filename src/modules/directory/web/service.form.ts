// The service edit form (data·inclusion v1 vocabularies). The place it is offered at and its eligibility zone
// depend on the database and are checked by the route.
import type { FormValues } from '../../../platform/http/form.ts';
import type { ServiceFields, ServiceRow } from '../db/listing-store.ts';
import { MOBILISABLE_BY, MOBILISATION_MODES, RECEPTION_MODES, SERVICE_FEES, SERVICE_PUBLICS, THEMES, ZONE_KINDS } from '../domain/data-inclusion.ts';
import { FieldReader } from './listing-fields.ts';

const values = (terms: ReadonlyArray<{ value: string }>) => terms.map((x) => x.value);

export const SERVICE_FIELD_ORDER = [
  'name',
  'summary',
  'description',
  'placeId',
  'themes',
  'publics',
  'publicsDetail',
  'fees',
  'feesDetail',
  'receptionModes',
  'mobilisationModes',
  'mobilisableBy',
  'mobilisationUrl',
  'mobilisationDetail',
  'zoneKind',
  'zoneCommune',
  'zoneEpci',
  'accessConditions',
  'phone',
  'email',
  'updateFrequencyDays',
] as const;

export type ZoneKind = 'commune' | 'epci' | 'departement' | 'pays';

export function serviceFormValues(s: ServiceRow, zoneCommuneLabel: string): FormValues {
  return {
    name: s.name,
    summary: s.summary ?? '',
    description: s.description ?? '',
    placeId: s.placeId ?? '',
    themes: s.themes,
    publics: s.publics,
    publicsDetail: s.publicsDetail ?? '',
    fees: s.fees ?? '',
    feesDetail: s.feesDetail ?? '',
    receptionModes: s.receptionModes,
    mobilisationModes: s.mobilisationModes,
    mobilisableBy: s.mobilisableBy,
    mobilisationUrl: s.mobilisationUrl ?? '',
    mobilisationDetail: s.mobilisationDetail ?? '',
    zoneKind: s.zoneKind,
    zoneCommune: s.zoneKind === 'commune' ? zoneCommuneLabel : '',
    zoneCommuneInsee: s.zoneKind === 'commune' ? (s.zoneCodes[0] ?? '') : '',
    zoneEpci: s.zoneKind === 'epci' ? s.zoneCodes : [],
    accessConditions: s.accessConditions ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    updateFrequencyDays: String(s.updateFrequencyDays),
  };
}

export const emptyServiceValues: FormValues = { zoneKind: 'departement', updateFrequencyDays: '180', receptionModes: ['en-presentiel'], mobilisableBy: ['usagers', 'professionnels'] };

export type ServiceFormFields = Pick<
  ServiceFields,
  | 'name'
  | 'summary'
  | 'description'
  | 'themes'
  | 'publics'
  | 'publicsDetail'
  | 'fees'
  | 'feesDetail'
  | 'receptionModes'
  | 'mobilisationModes'
  | 'mobilisableBy'
  | 'mobilisationUrl'
  | 'mobilisationDetail'
  | 'accessConditions'
  | 'phone'
  | 'email'
  | 'updateFrequencyDays'
> & { zoneKind: ZoneKind; placeId: string | null };

export function readServiceForm(formValues: FormValues): { fields: ServiceFormFields; reader: FieldReader } {
  const r = new FieldReader(formValues);
  const name = r.text('name', { required: 'Saisissez le nom du service', max: 150, label: 'Le nom' });
  const summary = r.text('summary', { max: 280, label: 'Le résumé' });
  const description = r.text('description', { max: 4000, label: 'La description' });
  const placeId = r.raw('placeId') || null;
  const themes = r.choices('themes', values(THEMES));
  if (themes.length === 0 && !r.errors.some((e) => e.field === 'themes')) r.fail('themes', 'Choisissez au moins une thématique');
  const publics = r.choices('publics', values(SERVICE_PUBLICS));
  const publicsDetail = r.text('publicsDetail', { max: 500, label: 'La précision sur les publics' });
  const feesRaw = r.raw('fees');
  const fees = feesRaw ? r.choice('fees', values(SERVICE_FEES), '') : null;
  const feesDetail = r.text('feesDetail', { max: 500, label: 'La précision sur les frais' });
  const receptionModes = r.choices('receptionModes', values(RECEPTION_MODES));
  if (receptionModes.length === 0 && !r.errors.some((e) => e.field === 'receptionModes')) {
    r.fail('receptionModes', 'Dites si le service est proposé sur place, à distance, ou les deux');
  }
  const mobilisationModes = r.choices('mobilisationModes', values(MOBILISATION_MODES));
  const mobilisableBy = r.choices('mobilisableBy', values(MOBILISABLE_BY));
  const mobilisationUrl = r.url('mobilisationUrl');
  if (mobilisationModes.includes('utiliser-lien-mobilisation') && !mobilisationUrl && !r.errors.some((e) => e.field === 'mobilisationUrl')) {
    r.fail('mobilisationUrl', 'Saisissez le lien de mobilisation, ou décochez « Utiliser le lien de mobilisation »');
  }
  const mobilisationDetail = r.text('mobilisationDetail', { max: 1000, label: 'La précision' });
  const zoneKind = r.choice('zoneKind', values(ZONE_KINDS) as ZoneKind[], 'Choisissez qui peut bénéficier du service selon son lieu de résidence');
  const accessConditions = r.text('accessConditions', { max: 2000, label: 'Les conditions d’accès' });
  const phone = r.phone('phone');
  const email = r.email('email');
  const updateFrequencyDays = r.frequency('updateFrequencyDays');
  return {
    reader: r,
    fields: {
      name: name ?? '',
      summary,
      description,
      placeId,
      themes,
      publics,
      publicsDetail,
      fees,
      feesDetail,
      receptionModes,
      mobilisationModes,
      mobilisableBy,
      mobilisationUrl,
      mobilisationDetail,
      zoneKind: zoneKind ?? 'departement',
      accessConditions,
      phone,
      email,
      updateFrequencyDays: updateFrequencyDays ?? 180,
    },
  };
}
