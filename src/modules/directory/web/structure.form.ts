// The structure edit form.
import type { FormValues } from '../../../platform/http/form.ts';
import { STRUCTURE_KINDS } from '../db/directory.table.ts';
import type { StructureFields, StructureRow } from '../db/listing-store.ts';
import { checkSiret, isValidRna } from '../../../platform/domain/siret.ts';
import { FieldReader } from './listing-fields.ts';


export const STRUCTURE_FIELD_ORDER = ['name', 'kind', 'siret', 'rna', 'description', 'street', 'postcode', 'commune', 'phone', 'email', 'website', 'updateFrequencyDays'] as const;

export function structureFormValues(s: StructureRow, communeLabel: string): FormValues {
  return {
    name: s.name,
    kind: s.kind,
    siret: s.siret ?? '',
    rna: s.rna ?? '',
    description: s.description ?? '',
    street: s.street ?? '',
    postcode: s.postcode ?? '',
    commune: communeLabel,
    communeInsee: s.communeInsee ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    website: s.website ?? '',
    updateFrequencyDays: String(s.updateFrequencyDays),
  };
}

export type StructureFormFields = Pick<
  StructureFields,
  'name' | 'kind' | 'siret' | 'rna' | 'description' | 'street' | 'postcode' | 'phone' | 'email' | 'website' | 'updateFrequencyDays'
>;

export function readStructureForm(values: FormValues): { fields: StructureFormFields; reader: FieldReader } {
  const r = new FieldReader(values);
  const name = r.text('name', { required: 'Saisissez le nom de la structure', max: 150, label: 'Le nom' });
  const kind = r.choice('kind', STRUCTURE_KINDS, 'Choisissez le type de structure');
  let siret: string | null = null;
  if (r.raw('siret')) {
    const check = checkSiret(r.raw('siret'));
    if (check.ok) siret = check.siret;
    else r.fail('siret', check.message);
  }
  let rna: string | null = null;
  if (r.raw('rna')) {
    if (isValidRna(r.raw('rna'))) rna = r.raw('rna').toUpperCase();
    else r.fail('rna', 'Le numéro RNA commence par W suivi de 9 chiffres, par exemple W353001234');
  }
  const description = r.text('description', { max: 4000, label: 'La présentation' });
  const street = r.text('street', { max: 200, label: 'L’adresse' });
  const postcode = r.postcode('postcode', false);
  const phone = r.phone('phone');
  const email = r.email('email');
  const website = r.url('website');
  const updateFrequencyDays = r.frequency('updateFrequencyDays');
  return {
    reader: r,
    fields: {
      name: name ?? '',
      kind: kind ?? 'autre',
      siret,
      rna,
      description,
      street,
      postcode,
      phone,
      email,
      website,
      updateFrequencyDays: updateFrequencyDays ?? 365,
    },
  };
}
