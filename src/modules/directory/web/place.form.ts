// The place edit form: what it shows, and what it accepts. Values of multi-choice fields are the schema
// v1.0.2 spellings, so that the open-data export needs no translation.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import type { PlaceFields, PlaceRow } from '../db/listing-store.ts';
import {
  DispositifProgrammeNational,
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PLACE_LABELS,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
} from '../domain/place.ts';
import { FieldReader } from './listing-fields.ts';

export const PLACE_CHOICES = {
  services: Object.values(Service) as string[],
  publics: Object.values(PublicSpecifiquementAdresse) as string[],
  specificSupport: Object.values(PriseEnChargeSpecifique) as string[],
  fees: Object.values(Frais) as string[],
  nationalPrograms: Object.values(DispositifProgrammeNational) as string[],
  labels: [...PLACE_LABELS] as string[],
  accessModes: Object.values(ModaliteAcces) as string[],
  supportModes: Object.values(ModaliteAccompagnement) as string[],
  itinerance: Object.values(Itinerance) as string[],
} as const;

/** The hosts of acceslibre, the national register of the accessibility of places open to the public. */
export const ACCESLIBRE_HOSTS = ['acceslibre.beta.gouv.fr', 'acceslibre.gouv.fr'];

/** Order of the fields on the page (the error summary follows it). */
export const PLACE_FIELD_ORDER = [
  'name',
  'street',
  'complement',
  'postcode',
  'commune',
  'latitude',
  'longitude',
  'phone',
  'emails',
  'websites',
  'openingHours',
  'appointmentUrl',
  'summary',
  'detail',
  'services',
  'publics',
  'specificSupport',
  'fees',
  'acceptsPassNumerique',
  'nationalPrograms',
  'labels',
  'accessModes',
  'supportModes',
  'itinerance',
  'accessibilityUrl',
  'updateFrequencyDays',
] as const;

/** What the form holds for an existing place. */
export function placeFormValues(p: PlaceRow, communeLabel: string): FormValues {
  return {
    name: p.name,
    street: p.street,
    complement: p.complement ?? '',
    postcode: p.postcode,
    commune: communeLabel,
    communeInsee: p.communeInsee ?? '',
    latitude: p.latitude === null ? '' : String(p.latitude),
    longitude: p.longitude === null ? '' : String(p.longitude),
    phone: p.phone ?? '',
    emails: p.emails.join(', '),
    websites: p.websites.join(' '),
    openingHours: p.openingHours ?? '',
    appointmentUrl: p.appointmentUrl ?? '',
    summary: p.summary ?? '',
    detail: p.detail ?? '',
    services: p.services,
    publics: p.publics,
    specificSupport: p.specificSupport,
    fees: p.fees,
    acceptsPassNumerique: p.acceptsPassNumerique ? 'oui' : 'non',
    nationalPrograms: p.nationalPrograms,
    labels: p.labels,
    accessModes: p.accessModes,
    supportModes: p.supportModes,
    itinerance: p.itinerance,
    accessibilityUrl: p.accessibilityUrl ?? '',
    updateFrequencyDays: String(p.updateFrequencyDays),
  };
}

export const emptyPlaceValues: FormValues = { acceptsPassNumerique: 'non', updateFrequencyDays: '180', itinerance: ['Fixe'] };

/** The fields the form edits (the commune is resolved by the route, with the database). */
export type PlaceFormFields = Pick<
  PlaceFields,
  | 'name'
  | 'street'
  | 'complement'
  | 'postcode'
  | 'latitude'
  | 'longitude'
  | 'phone'
  | 'emails'
  | 'websites'
  | 'openingHours'
  | 'appointmentUrl'
  | 'summary'
  | 'detail'
  | 'services'
  | 'publics'
  | 'specificSupport'
  | 'fees'
  | 'acceptsPassNumerique'
  | 'nationalPrograms'
  | 'labels'
  | 'accessModes'
  | 'supportModes'
  | 'itinerance'
  | 'accessibilityUrl'
  | 'updateFrequencyDays'
>;

export function readPlaceForm(values: FormValues): { fields: PlaceFormFields; reader: FieldReader } {
  const r = new FieldReader(values);
  const name = r.text('name', { required: 'Saisissez le nom du lieu', max: 150, label: 'Le nom' });
  const street = r.text('street', { required: 'Saisissez l’adresse du lieu (numéro et rue)', max: 200, label: 'L’adresse' });
  const complement = r.text('complement', { max: 200, label: 'Le complément d’adresse' });
  const postcode = r.postcode('postcode', true);
  // Commune: read by the route (its FieldReader errors are added after this one, in page order).
  const latitude = r.number('latitude', { min: -90, max: 90, message: 'La latitude est un nombre entre -90 et 90, par exemple 48.1113' });
  const longitude = r.number('longitude', { min: -180, max: 180, message: 'La longitude est un nombre entre -180 et 180, par exemple -1.6800' });
  if ((latitude === null) !== (longitude === null) && !r.errors.some((e) => e.field === 'latitude' || e.field === 'longitude')) {
    r.fail(latitude === null ? 'latitude' : 'longitude', 'Saisissez la latitude et la longitude, ou aucune des deux');
  }
  const phone = r.phone('phone');
  const emails = r.emails('emails');
  const websites = r.urls('websites');
  const openingHours = r.openingHours('openingHours');
  const appointmentUrl = r.url('appointmentUrl');
  const summary = r.text('summary', { max: 280, label: 'Le résumé' });
  const detail = r.text('detail', { max: 4000, label: 'La présentation' });
  const services = r.choices('services', PLACE_CHOICES.services);
  if (services.length === 0 && !r.errors.some((e) => e.field === 'services')) r.fail('services', 'Choisissez au moins un service proposé');
  const publics = r.choices('publics', PLACE_CHOICES.publics);
  const specificSupport = r.choices('specificSupport', PLACE_CHOICES.specificSupport);
  const fees = r.choices('fees', PLACE_CHOICES.fees);
  const acceptsPassNumerique = r.yesNo('acceptsPassNumerique', 'Dites si le lieu accepte le Pass numérique');
  const nationalPrograms = r.choices('nationalPrograms', PLACE_CHOICES.nationalPrograms);
  const labels = r.choices('labels', PLACE_CHOICES.labels);
  const accessModes = r.choices('accessModes', PLACE_CHOICES.accessModes);
  const supportModes = r.choices('supportModes', PLACE_CHOICES.supportModes);
  const itinerance = r.choices('itinerance', PLACE_CHOICES.itinerance);
  const accessibilityUrl = r.url('accessibilityUrl', {
    hostSuffixes: ACCESLIBRE_HOSTS,
    hostMessage: 'Saisissez le lien de la fiche du lieu sur acceslibre, qui commence par https://acceslibre.beta.gouv.fr/',
  });
  const updateFrequencyDays = r.frequency('updateFrequencyDays');
  return {
    reader: r,
    fields: {
      name: name ?? '',
      street: street ?? '',
      complement,
      postcode: postcode ?? '',
      latitude,
      longitude,
      phone,
      emails,
      websites,
      openingHours,
      appointmentUrl,
      summary,
      detail,
      services,
      publics,
      specificSupport,
      fees,
      acceptsPassNumerique: acceptsPassNumerique ?? false,
      nationalPrograms,
      labels,
      accessModes,
      supportModes,
      itinerance,
      accessibilityUrl,
      updateFrequencyDays: updateFrequencyDays ?? 180,
    },
  };
}

/** Errors sorted in the page's order, the commune's among them. */
export function inPageOrder(errors: FieldError[], order: readonly string[]): FieldError[] {
  return [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}
