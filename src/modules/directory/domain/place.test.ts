import { readFileSync } from 'node:fs';
import {
  DispositifProgrammeNational,
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { describe, expect, it } from 'vitest';
import { exampleCsvUrl, lieuxMediationNumeriqueSchema as schema } from '../standards/lieux-mediation-numerique.ts';
import { parseCsv, toCsv, toRecord } from './csv.ts';
import { ETAPES_NUMERIQUES_SCHEMA, PLACE_LABELS, type MediationPlace } from './place.ts';
import { placeFromRow } from './place-from-row.ts';
import { placeHeader, placeToRow } from './place-to-row.ts';
import { validateHeader, validateRow } from './validate-row.ts';

const exampleText = readFileSync(exampleCsvUrl, 'utf8');
const [headerRow, ...dataRows] = [...parseCsv(exampleText)];
const header = headerRow!.cells;
const example = toRecord(header, dataRows[0]!.cells);

function place(record: Record<string, string>): MediationPlace {
  const result = placeFromRow(schema, record);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.place;
}

describe('a place from a row of schema v1.0.2', () => {
  it('types every value of the published example', () => {
    const p = place(example);
    expect(p).toMatchObject({
      id: 'structure-1',
      pivot: '43493312300029',
      name: 'Anonymal',
      address: {
        street: '12 BIS RUE DE LECLERCQ',
        complement: 'Le patio du bois de l\'Aulne',
        postcode: '51100',
        commune: 'Reims',
        inseeCode: '51454',
      },
      coordinates: { latitude: 43.52609, longitude: 5.41423 },
      typologies: ['TIERS_LIEUX', 'ASSO'],
      contact: {
        phone: '+33180059880',
        emails: ['contact@laquincaillerie.tl', 'responsable@laquincaillerie.tl'],
        websites: ['https://www.laquincaillerie.tl/', 'https://m.facebook.com/laquincaillerienumerique/'],
      },
      openingHours: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
      updatedOn: '2024-04-02',
      itinerance: ['Itinérant'],
      fees: ['Gratuit sous condition', 'Payant'],
      labels: ['Formé à « Mon Espace Santé »', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)'],
      accessModes: ['Se présenter', 'Téléphoner'],
      appointmentUrl: 'https://www.rdv-solidarites.fr/',
    });
    expect(p.services).toContain(Service.MaitriseDesOutilsNumeriquesDuQuotidien);
  });

  it('leaves empty optional cells out of the place', () => {
    const p = place({ ...example, complement_adresse: '', latitude: '', longitude: '', telephone: '', services: '' });
    expect(p.address.complement).toBeUndefined();
    expect(p.coordinates).toBeUndefined();
    expect(p.contact.phone).toBeUndefined();
    expect(p.services).toEqual([]);
  });

  it('normalises a phone written the French way, trims cells, takes the npm library’s label spelling', () => {
    const p = place({
      ...example,
      nom: '  Médiathèque  ',
      telephone: '02 99 12 34 56',
      formations_labels: 'Étapes numériques (La Poste) | ORDI 3.0',
    });
    expect(p.name).toBe('Médiathèque');
    expect(p.contact.phone).toBe('+33299123456');
    expect(p.labels).toEqual([ETAPES_NUMERIQUES_SCHEMA, 'ORDI 3.0']);
    expect(PLACE_LABELS).toContain('Étapes numériques(La Poste)');
  });

  it('returns every fault of a bad row, the impossible phone among them, in French', () => {
    const result = placeFromRow(schema, {
      ...example,
      adresse: ' ',
      telephone: '02 99 12',
      courriels: 'abc',
      date_maj: '02/04/2024',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { field: 'adresse', message: 'Le champ adresse est obligatoire' },
      { field: 'telephone', message: 'telephone : "02 99 12" n’est pas un numéro de téléphone valide' },
      { field: 'courriels', message: 'courriels : "abc" n’est pas une adresse e-mail valide' },
      { field: 'date_maj', message: 'date_maj : "02/04/2024" n’est pas une date valide au format AAAA-MM-JJ' },
    ]);
  });
});

describe('a place back to a row', () => {
  it('round-trips the example CSV: CSV → places → CSV validates and keeps every value', () => {
    const places = dataRows.map((r) => place(toRecord(header, r.cells)));
    const out = toCsv([placeHeader(schema), ...places.map((p) => placeToRow(schema, p))]);
    const [outHeader, ...outRows] = [...parseCsv(out)];
    expect(validateHeader(schema, outHeader!.cells)).toEqual([]);
    expect(outRows).toHaveLength(dataRows.length);
    outRows.forEach((row, i) => {
      const record = toRecord(outHeader!.cells, row.cells);
      expect(validateRow(schema, record)).toEqual([]);
      expect(record).toEqual(toRecord(header, dataRows[i]!.cells));
    });
  });

  it('exports a phone in E.164 and the schema’s label spelling, so the row validates against schema.json', () => {
    const p = place({ ...example, telephone: '0590 12 34 56', formations_labels: 'Étapes numériques (La Poste)' });
    const record = toRecord(placeHeader(schema), placeToRow(schema, p));
    expect(record['telephone']).toBe('+590590123456');
    expect(record['formations_labels']).toBe('Étapes numériques(La Poste)');
    expect(validateRow(schema, record)).toEqual([]);
  });

  it('round-trips a place holding every value the enumerations allow, and its row validates', () => {
    const full: MediationPlace = {
      id: 'rennes-bib-1',
      pivot: 'W353012345',
      name: 'Bibliothèque des Champs Libres, « espace numérique »',
      address: { street: '10 cours des Alliés', postcode: '35000', commune: 'Rennes', inseeCode: '35238' },
      coordinates: { latitude: 48.1059, longitude: -1.6745 },
      typologies: ['BIB'],
      contact: {
        phone: '+33223400066',
        emails: ['accueil@leschampslibres.fr'],
        websites: ['https://www.leschampslibres.fr/'],
      },
      openingHours: 'Tu-Fr 12:00-19:00; Sa,Su 14:00-19:00',
      presentation: {
        summary: 'Ateliers, postes en accès libre.',
        detail: 'Sur deux lignes,\r\navec "guillemets" | et une barre.',
      },
      itinerance: Object.values(Itinerance),
      updatedOn: '2026-02-28',
      services: Object.values(Service),
      publics: Object.values(PublicSpecifiquementAdresse),
      specificSupport: Object.values(PriseEnChargeSpecifique),
      fees: Object.values(Frais),
      nationalPrograms: Object.values(DispositifProgrammeNational),
      labels: PLACE_LABELS,
      accessModes: Object.values(ModaliteAcces),
      supportModes: Object.values(ModaliteAccompagnement),
    };
    const text = toCsv([placeHeader(schema), placeToRow(schema, full)]);
    const [h, r] = [...parseCsv(text)];
    const record = toRecord(h!.cells, r!.cells);
    expect(validateRow(schema, record)).toEqual([]);
    expect(place(record)).toEqual(full);
  });
});
