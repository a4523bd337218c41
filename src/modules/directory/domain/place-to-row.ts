// A MediationPlace back into a row of schema v1.0.2: the cells by column name, and in the schema's order.
import { joinMulti } from './csv.ts';
import type { MediationPlace } from './place.ts';
import type { TableSchema } from './validate-row.ts';

/** The cells of a place keyed by the schema's column names; absent values are empty cells. */
export function placeToRecord(place: MediationPlace): Record<string, string> {
  const s = (v: string | undefined) => v ?? '';
  return {
    id: place.id,
    pivot: place.pivot,
    nom: place.name,
    commune: place.address.commune,
    code_postal: place.address.postcode,
    code_insee: s(place.address.inseeCode),
    adresse: place.address.street,
    complement_adresse: s(place.address.complement),
    latitude: place.coordinates ? String(place.coordinates.latitude) : '',
    longitude: place.coordinates ? String(place.coordinates.longitude) : '',
    typologie: joinMulti(place.typologies),
    telephone: s(place.contact.phone),
    courriels: joinMulti(place.contact.emails),
    site_web: joinMulti(place.contact.websites),
    horaires: s(place.openingHours),
    presentation_resume: s(place.presentation.summary),
    presentation_detail: s(place.presentation.detail),
    source: s(place.source),
    itinerance: joinMulti(place.itinerance),
    structure_parente: s(place.parentStructure),
    date_maj: place.updatedOn,
    services: joinMulti(place.services),
    publics_specifiquement_adresses: joinMulti(place.publics),
    prise_en_charge_specifique: joinMulti(place.specificSupport),
    frais_a_charge: joinMulti(place.fees),
    dispositif_programmes_nationaux: joinMulti(place.nationalPrograms),
    formations_labels: joinMulti(place.labels),
    autres_formations_labels: s(place.otherLabels),
    modalites_acces: joinMulti(place.accessModes),
    modalites_accompagnement: joinMulti(place.supportModes),
    fiche_acces_libre: s(place.accessibilityUrl),
    prise_rdv: s(place.appointmentUrl),
  };
}

/** The header line of the CSV export: the schema's field names in its order. */
export function placeHeader(schema: TableSchema): string[] {
  return schema.fields.map((f) => f.name);
}

/** The cells of a place in the schema's column order, ready for the CSV writer. */
export function placeToRow(schema: TableSchema, place: MediationPlace): string[] {
  const record = placeToRecord(place);
  return schema.fields.map((f) => record[f.name] ?? '');
}
