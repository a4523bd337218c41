import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleCsvUrl, lieuxMediationNumeriqueSchema as schema } from '../standards/lieux-mediation-numerique.ts';
import { parseCsv, toRecord } from './csv.ts';
import { strictPlaceSchema } from './place.ts';
import { uniquenessChecker, validateCell, validateHeader, validateRow } from './validate-row.ts';

const [headerRow, exampleRow] = [...parseCsv(readFileSync(exampleCsvUrl, 'utf8'))];
const header = headerRow!.cells;
const example = toRecord(header, exampleRow!.cells);
const strict = strictPlaceSchema(schema);

describe('Table Schema validation of one row', () => {
  it('finds no fault in the published valid example, with the schema as published and with Relais rules', () => {
    expect(header).toHaveLength(32);
    expect(validateHeader(schema, header)).toEqual([]);
    expect(validateRow(schema, example)).toEqual([]);
    expect(validateRow(strict, example)).toEqual([]);
  });

  it('reports every fault of a row at once, in French, in column order', () => {
    const bad = {
      ...example,
      pivot: '12',
      nom: '',
      code_postal: '3500',
      adresse: '',
      latitude: 'nord',
      longitude: '200',
      courriels: 'contact@mairie.fr|abc',
      site_web: 'www.mairie.fr',
      presentation_resume: 'x'.repeat(281),
      date_maj: '2024-02-30',
      services: 'Aide aux démarches administratives|Cours de cuisine',
      formations_labels: 'Étapes numériques (La Poste)',
      fiche_acces_libre: 'pas une adresse',
    };
    expect(validateRow(strict, bad)).toEqual([
      {
        field: 'pivot',
        message: 'pivot : "12" n’a pas le format attendu (SIRET, SIREN ou RNA : 9 à 14 lettres ou chiffres)',
      },
      { field: 'nom', message: 'Le champ nom est obligatoire' },
      { field: 'code_postal', message: 'code_postal : "3500" n’a pas le format attendu (5 chiffres)' },
      { field: 'adresse', message: 'Le champ adresse est obligatoire' },
      { field: 'latitude', message: 'latitude : "nord" n’est pas un nombre' },
      { field: 'longitude', message: 'longitude : 200 doit être compris entre -180 et 180' },
      { field: 'courriels', message: 'courriels : "abc" n’est pas une adresse e-mail valide' },
      {
        field: 'site_web',
        message: 'site_web : "www.mairie.fr" n’est pas une adresse web valide (elle doit commencer par https://)',
      },
      { field: 'presentation_resume', message: 'presentation_resume : 281 caractères, 280 au plus' },
      { field: 'date_maj', message: 'date_maj : "2024-02-30" n’est pas une date valide au format AAAA-MM-JJ' },
      { field: 'services', message: 'services : "Cours de cuisine" n’est pas une valeur autorisée' },
      {
        field: 'formations_labels',
        message: 'formations_labels : "Étapes numériques (La Poste)" n’est pas une valeur autorisée',
      },
      {
        field: 'fiche_acces_libre',
        message:
          'fiche_acces_libre : "pas une adresse" n’est pas une adresse web valide (elle doit commencer par https://)',
      },
    ]);
  });

  it('applies the published schema alone: patterns and enumerations, not the Relais rules on addresses', () => {
    const row = { ...example, courriels: 'abc', telephone: '02 99 12 34 56', itinerance: 'Mobile' };
    const errors = validateRow(schema, row);
    expect(errors.map((e) => e.field)).toEqual(['telephone', 'itinerance']);
  });

  it('accepts the schema’s « Étapes numériques(La Poste) » and refuses empty values between separators', () => {
    const labels = 'Étapes numériques(La Poste)|ORDI 3.0';
    expect(validateRow(strict, { ...example, formations_labels: labels })).toEqual([]);
    expect(validateRow(strict, { ...example, services: 'Aide aux démarches administratives||' })).toEqual([
      {
        field: 'services',
        message: 'services : valeur vide entre deux « | » dans "Aide aux démarches administratives||"',
      },
    ]);
  });

  it('checks enum, minLength, minimum and integer for the schemas that use them', () => {
    const field = { name: 'n', type: 'integer', constraints: { minimum: 1 } };
    expect(validateCell(field, '1.5')).toEqual(['n : "1.5" n’est pas un nombre entier']);
    expect(validateCell(field, '0')).toEqual(['n : 0 doit être supérieur ou égal à 1']);
    const word = { name: 'w', constraints: { enum: ['oui', 'non'], minLength: 3 } };
    expect(validateCell(word, 'no')).toEqual([
      'w : "no" n’est pas une valeur autorisée (valeurs possibles : oui, non)',
      'w : 2 caractères, il en faut au moins 3',
    ]);
  });

  it('finds an id used twice in a file', () => {
    const check = uniquenessChecker(schema);
    expect(check(example, 2)).toEqual([]);
    expect(check(example, 3)).toEqual([
      { field: 'id', message: 'id : "structure-1" est déjà utilisé à la ligne 2' },
    ]);
  });
});

describe('header of a file', () => {
  it('names missing, unknown and repeated columns', () => {
    const cols = header.filter((c) => c !== 'adresse' && c !== 'commune').concat(['horaire', 'nom']);
    expect(validateHeader(schema, cols)).toEqual([
      { field: 'horaire', message: 'La colonne horaire ne fait pas partie du schéma' },
      { field: 'nom', message: 'La colonne nom apparaît plusieurs fois' },
      { field: 'commune', message: 'La colonne commune est manquante' },
      { field: 'adresse', message: 'La colonne adresse est manquante' },
    ]);
  });

  it('says where the order differs from the schema', () => {
    const swapped = [...header];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(validateHeader(schema, swapped)).toEqual([
      {
        field: 'commune',
        message:
          'Les colonnes ne sont pas dans l’ordre du schéma : la colonne 3 est commune, le schéma y attend nom',
      },
    ]);
  });
});
