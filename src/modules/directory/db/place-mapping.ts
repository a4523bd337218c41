// Between the schema v1.0.2 domain (MediationPlace) and the `places` table. The labels France Services,
// Aidants Connect and Conseillers numériques stay in `national_programs` (schema `dispositif_programmes_nationaux`);
// the Pass numérique and the département's MDS/CDAS are Relais columns the schema does not carry, so an import of
// a v1.0.x file leaves them as they are and the CSV export does not show them.
import type { MediationPlace, PlaceLabel } from '../domain/place.ts';
import type { PlaceFields, PlaceRow } from './listing-store.ts';

/** The columns of a place that schema v1.0.2 describes (what an import of a v1.0.x file sets). */
export type SchemaPlaceFields = Required<
  Pick<
    PlaceFields,
    | 'pivot'
    | 'name'
    | 'typologies'
    | 'street'
    | 'complement'
    | 'postcode'
    | 'communeName'
    | 'communeInsee'
    | 'latitude'
    | 'longitude'
    | 'phone'
    | 'emails'
    | 'websites'
    | 'openingHours'
    | 'summary'
    | 'detail'
    | 'itinerance'
    | 'parentStructureName'
    | 'services'
    | 'publics'
    | 'specificSupport'
    | 'fees'
    | 'nationalPrograms'
    | 'labels'
    | 'otherLabels'
    | 'accessModes'
    | 'supportModes'
    | 'accessibilityUrl'
    | 'appointmentUrl'
    | 'updatedOn'
  >
>;

/**
 * Values for createPlace/updatePlace. Absent optional values are null (not undefined), so that a cell emptied
 * in the source clears the field on the next import.
 */
export function placeFieldsFromDomain(place: MediationPlace): SchemaPlaceFields {
  const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
  return {
    pivot: place.pivot,
    name: place.name,
    typologies: [...place.typologies],
    street: place.address.street,
    complement: n(place.address.complement),
    postcode: place.address.postcode,
    communeName: place.address.commune,
    communeInsee: n(place.address.inseeCode),
    latitude: place.coordinates ? place.coordinates.latitude : null,
    longitude: place.coordinates ? place.coordinates.longitude : null,
    phone: n(place.contact.phone),
    emails: [...place.contact.emails],
    websites: [...place.contact.websites],
    openingHours: n(place.openingHours),
    summary: n(place.presentation.summary),
    detail: n(place.presentation.detail),
    itinerance: [...place.itinerance],
    parentStructureName: n(place.parentStructure),
    services: [...place.services],
    publics: [...place.publics],
    specificSupport: [...place.specificSupport],
    fees: [...place.fees],
    nationalPrograms: [...place.nationalPrograms],
    labels: [...place.labels],
    otherLabels: n(place.otherLabels),
    accessModes: [...place.accessModes],
    supportModes: [...place.supportModes],
    accessibilityUrl: n(place.accessibilityUrl),
    appointmentUrl: n(place.appointmentUrl),
    updatedOn: place.updatedOn,
  };
}

// The schema requires a `pivot`; the national cartography publishes fourteen zeros when no SIRET is known.
export const UNKNOWN_PIVOT = '00000000000000';

/**
 * A stored place as the schema describes it. Its `id` in open data is the Relais identifier (unique across all
 * sources); `source` is where the listing came from.
 */
export function placeFromDbRow(row: PlaceRow, options: { fallbackPivot?: string | null } = {}): MediationPlace {
  const some = <K extends string>(key: K, v: string | null | undefined) => (v === null || v === undefined || v === '' ? {} : ({ [key]: v } as Record<K, string>));
  return {
    id: row.id,
    pivot: row.pivot || options.fallbackPivot || UNKNOWN_PIVOT,
    name: row.name,
    address: {
      street: row.street,
      ...some('complement', row.complement),
      postcode: row.postcode,
      commune: row.communeName,
      ...some('inseeCode', row.communeInsee),
    },
    ...(row.latitude !== null && row.longitude !== null ? { coordinates: { latitude: row.latitude, longitude: row.longitude } } : {}),
    typologies: row.typologies,
    contact: { ...some('phone', row.phone), emails: row.emails, websites: row.websites },
    ...some('openingHours', row.openingHours),
    presentation: { ...some('summary', row.summary), ...some('detail', row.detail) },
    ...some('source', row.source),
    itinerance: row.itinerance as MediationPlace['itinerance'],
    ...some('parentStructure', row.parentStructureName),
    updatedOn: row.updatedOn,
    services: row.services as MediationPlace['services'],
    publics: row.publics as MediationPlace['publics'],
    specificSupport: row.specificSupport as MediationPlace['specificSupport'],
    fees: row.fees as MediationPlace['fees'],
    nationalPrograms: row.nationalPrograms as MediationPlace['nationalPrograms'],
    labels: row.labels as PlaceLabel[],
    ...some('otherLabels', row.otherLabels),
    accessModes: row.accessModes as MediationPlace['accessModes'],
    supportModes: row.supportModes as MediationPlace['supportModes'],
    ...some('accessibilityUrl', row.accessibilityUrl),
    ...some('appointmentUrl', row.appointmentUrl),
  };
}
