import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleCsvUrl, lieuxMediationNumeriqueSchema as schema } from '../standards/lieux-mediation-numerique.ts';
import { validateCsvFile, type LineReport } from './validate-file.ts';

const example = readFileSync(exampleCsvUrl, 'utf8');

async function reports(text: string): Promise<LineReport[]> {
  const out: LineReport[] = [];
  for await (const r of validateCsvFile(schema, [text])) out.push(r);
  return out;
}

describe('validation of a whole CSV file', () => {
  it('finds nothing wrong in the published example', async () => {
    expect(await reports(example)).toEqual([]);
  });

  it('reports each faulty line with its number: a repeated id, a short row, a bad postcode', async () => {
    const [head, row] = example.split('\n');
    const short = row!.split('","').slice(0, 30).join('","') + '"';
    const badPostcode = row!.replace('"structure-1"', '"s-3"').replace('"51100"', '"5110"');
    const text = [head, row, row, short, badPostcode].join('\n');
    expect(await reports(text)).toEqual([
      { line: 3, errors: [{ field: 'id', message: 'id : "structure-1" est déjà utilisé à la ligne 2' }] },
      {
        line: 4,
        errors: [
          { field: '', message: 'La ligne a 30 cellules, l’en-tête en a 32' },
          { field: 'id', message: 'id : "structure-1" est déjà utilisé à la ligne 2' },
        ],
      },
      { line: 5, errors: [{ field: 'code_postal', message: 'code_postal : "5110" n’a pas le format attendu' }] },
    ]);
  });

  it('reports a header fault, a CSV syntax error and an empty file', async () => {
    const [head, row] = example.split('\n');
    expect((await reports([head!.replace('"nom"', '"name"'), row].join('\n')))[0]).toEqual({
      line: 1,
      errors: [
        { field: 'name', message: 'La colonne name ne fait pas partie du schéma' },
        { field: 'nom', message: 'La colonne nom est manquante' },
      ],
    });
    expect(await reports(`${head}\n"structure-2,x\n`)).toEqual([
      { line: 2, errors: [{ field: '', message: 'Ligne 2 : guillemet ouvert jamais refermé' }] },
    ]);
    expect(await reports('')).toEqual([{ line: 1, errors: [{ field: '', message: 'Le fichier est vide' }] }]);
  });
});
