import { describe, expect, it } from 'vitest';
import schema from '../standards/lieux-mediation-numerique-1.0.2/schema.json' with { type: 'json' };
import { LABELS, NEEDS, PUBLICS, formatDistance, labelText, needBySlug, needForService } from './needs.ts';

const enumOf = (field: string): string[] => {
  const f = (schema as { fields: Array<{ name: string; constraints?: { pattern?: string } }> }).fields.find((x) => x.name === field)!;
  // The schema lists the values in a regular expression: (?:(?:^|\|)(A|B|C))+$
  const inner = /\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$/.exec(f.constraints!.pattern!)![1]!;
  return inner.split('|').map((v) => v.replaceAll('\\(', '(').replaceAll('\\)', ')'));
};

describe('needs vocabulary', () => {
  it('gives every `services` value of schema v1.0.2 exactly one need in plain French', () => {
    expect(NEEDS.map((n) => n.service).sort()).toEqual(enumOf('services').sort());
    expect(new Set(NEEDS.map((n) => n.slug)).size).toBe(NEEDS.length);
  });

  it('maps the words of residents to the schema', () => {
    expect(NEEDS.find((n) => n.label === 'Faire une démarche en ligne')?.service).toBe('Aide aux démarches administratives');
    expect(NEEDS.find((n) => n.label === 'Apprendre à utiliser un ordinateur, un téléphone')?.service).toBe('Maîtrise des outils numériques du quotidien');
    expect(NEEDS.find((n) => n.label === 'Accéder à un ordinateur et à internet')?.service).toBe('Accès internet et matériel informatique');
    expect(needBySlug('demarches')?.label).toBe('Faire une démarche en ligne');
    expect(needForService('Accès internet et matériel informatique')?.slug).toBe('acces');
    expect(needBySlug('inconnu')).toBeUndefined();
  });

  it('uses the schema’s publics and national programmes', () => {
    expect(PUBLICS.map((p) => p.value).sort()).toEqual(enumOf('publics_specifiquement_adresses').sort());
    const programmes = enumOf('dispositif_programmes_nationaux');
    for (const l of LABELS) if (l.program) expect(programmes).toContain(l.program);
  });

  it('names the département’s own centres', () => {
    expect(labelText('centre-social-departement', 'CDAS')).toBe('CDAS du Département');
    expect(labelText('centre-social-departement', 'MDS')).toBe('MDS du Département');
    expect(labelText('pass-numerique', 'MDS')).toBe('Accepte le Pass numérique');
  });

  it.each([
    [4, 'à 10 m'],
    [349, 'à 350 m'],
    [999, 'à 1 km'],
    [1000, 'à 1 km'],
    [1234, 'à 1,2 km'],
    [9949, 'à 9,9 km'],
    [12_700, 'à 13 km'],
  ])('writes %i metres as « %s »', (m, text) => {
    expect(formatDistance(m)).toBe(text);
  });
});
