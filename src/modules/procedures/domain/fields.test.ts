import { describe, expect, it } from 'vitest';
import { checkFieldDefinitions, validateAnswers, type Field } from './fields.ts';

const TODAY = '2026-11-24';

function defs(input: unknown): Field[] {
  const r = checkFieldDefinitions(input);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.fields;
}

// A subsidy request: most types, a condition, and a repeatable block.
const subsidy = defs([
  { id: 'intro', type: 'explanation', label: 'Avant de commencer', text: 'Préparez le RIB de l’association.' },
  { id: 'nom', type: 'short_text', label: 'Le nom de l’association', maxLength: 40 },
  { id: 'siret', type: 'siret', label: 'Le numéro SIRET' },
  { id: 'courriel', type: 'email', label: 'L’adresse e-mail' },
  { id: 'telephone', type: 'phone', label: 'Le numéro de téléphone', required: false },
  { id: 'creation', type: 'date', label: 'La date de création', past: 'only' },
  { id: 'adherents', type: 'integer', label: 'Le nombre d’adhérents', min: 1, max: 100000 },
  { id: 'montant', type: 'decimal', label: 'Le montant demandé', min: 100, max: 50000, unit: '€' },
  { id: 'domaine', type: 'single_choice', label: 'Le domaine', options: [{ value: 'culture', label: 'Culture' }, { value: 'sport', label: 'Sport' }] },
  { id: 'discipline', type: 'short_text', label: 'La discipline sportive', showWhen: { field: 'domaine', is: 'sport' } },
  { id: 'publics', type: 'multiple_choice', label: 'Les publics', options: [{ value: 'jeunes', label: 'Jeunes' }, { value: 'seniors', label: 'Seniors' }, { value: 'familles', label: 'Familles' }], maxSelected: 2 },
  { id: 'autre_aide', type: 'yes_no', label: 'Avez-vous demandé une autre aide ?' },
  { id: 'autre_aide_detail', type: 'long_text', label: 'Quelle aide', maxLength: 500, showWhen: { field: 'autre_aide', is: 'oui' } },
  { id: 'siege', type: 'address', label: 'L’adresse du siège' },
  { id: 'commune_action', type: 'commune', label: 'La commune de l’action' },
  { id: 'iban', type: 'iban', label: 'L’IBAN' },
  { id: 'statuts', type: 'file', label: 'Les statuts de l’association' },
  {
    id: 'dirigeants',
    type: 'repeatable',
    label: 'Les dirigeants',
    itemLabel: 'Dirigeant',
    minItems: 1,
    maxItems: 3,
    fields: [
      { id: 'nom', type: 'short_text', label: 'Le nom' },
      { id: 'role', type: 'single_choice', label: 'Le rôle', options: [{ value: 'president', label: 'Président' }, { value: 'tresorier', label: 'Trésorier' }] },
    ],
  },
]);

const good = {
  nom: '  Les Amis du Vélo  ',
  siret: '130 025 265 00013',
  courriel: 'Contact@AmisDuVelo.fr',
  telephone: '02 99 12 34 56',
  creation: { day: '3', month: '9', year: '1998' },
  adherents: '1 250',
  montant: '1500,50',
  domaine: 'sport',
  discipline: 'Cyclisme',
  publics: ['seniors', 'jeunes'],
  autre_aide: 'non',
  autre_aide_detail: 'ne doit pas être gardé',
  siege: { street: '12 rue de Nantes', commune: '35238' },
  commune_action: '35238',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  statuts: '0b5e7c1e-2d7a-4f7e-9a51-3c2b8c4d9e10',
  dirigeants: [{ nom: 'Anne Martin', role: 'president' }, { nom: '', role: '' }],
};

describe('answers to a procedure', () => {
  it('keeps valid answers normalised, and drops answers to hidden questions', () => {
    const { answers, errors } = validateAnswers(subsidy, good, TODAY);
    expect(errors).toEqual([]);
    expect(answers).toEqual({
      nom: 'Les Amis du Vélo',
      siret: '13002526500013',
      courriel: 'contact@amisduvelo.fr',
      telephone: '+33299123456',
      creation: '1998-09-03',
      adherents: 1250,
      montant: 1500.5,
      domaine: 'sport',
      discipline: 'Cyclisme',
      publics: ['jeunes', 'seniors'],
      autre_aide: false,
      siege: { street: '12 rue de Nantes', commune: '35238' },
      commune_action: '35238',
      iban: 'FR7630006000011234567890189',
      statuts: '0b5e7c1e-2d7a-4f7e-9a51-3c2b8c4d9e10',
      dirigeants: [{ nom: 'Anne Martin', role: 'president' }],
    });
  });

  it('says what is wrong with each field, in French, in the order of the form', () => {
    const { errors, answers } = validateAnswers(
      subsidy,
      {
        ...good,
        nom: 'x'.repeat(41),
        siret: '130 025 265 00014',
        courriel: 'pas-une-adresse',
        telephone: '12',
        creation: { day: '31', month: '2', year: '2020' },
        adherents: '12,5',
        montant: '60000',
        domaine: 'peche',
        publics: ['jeunes', 'seniors', 'familles'],
        autre_aide: 'peut-être',
        siege: { street: '', commune: '35238' },
        commune_action: 'Rennes',
        iban: 'FR76 3000 6000 0112 3456 7890 188',
        statuts: '../../etc/passwd',
        dirigeants: [{ nom: 'Anne Martin', role: 'roi' }],
      },
      TODAY,
    );
    expect(errors).toEqual([
      { path: 'nom', message: 'Le nom de l’association doit faire 40 caractères au plus (vous en avez saisi 41)' },
      { path: 'siret', message: 'Ce numéro SIRET n’existe pas : vérifiez les 14 chiffres' },
      { path: 'courriel', message: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr' },
      { path: 'telephone', message: 'Saisissez un numéro de téléphone français, par exemple 02 99 12 34 56' },
      { path: 'creation', message: 'La date de création doit être une vraie date' },
      { path: 'adherents', message: 'Le nombre d’adhérents doit être un nombre entier, sans virgule' },
      { path: 'montant', message: 'Le montant demandé doit être au plus 50000 €' },
      { path: 'domaine', message: 'Choisissez une des réponses proposées' },
      { path: 'publics', message: 'Choisissez au plus 2 réponses' },
      { path: 'autre_aide', message: 'Répondez oui ou non' },
      { path: 'siege', message: 'Saisissez le numéro et la rue' },
      { path: 'commune_action', message: 'Choisissez une commune dans la liste' },
      { path: 'iban', message: 'Cet IBAN n’existe pas : vérifiez chaque caractère' },
      { path: 'statuts', message: 'Choisissez le fichier à nouveau' },
      { path: 'dirigeants[1].role', message: 'Choisissez une des réponses proposées' },
    ]);
    // The tampered choice hid the sport question: it is neither required nor kept.
    expect(answers).not.toHaveProperty('discipline');
  });

  it('asks for required answers, and lets optional ones be empty', () => {
    const { errors } = validateAnswers(subsidy, { telephone: '' }, TODAY);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      nom: 'Saisissez le nom de l’association',
      domaine: 'Répondez à la question « Le domaine »',
      publics: 'Choisissez au moins une réponse à « Les publics »',
      statuts: 'Joignez les statuts de l’association',
      dirigeants: 'Ajoutez au moins 1 dirigeant',
    });
    expect(byPath).not.toHaveProperty('telephone');
    expect(byPath).not.toHaveProperty('intro');
    expect(byPath).not.toHaveProperty('discipline');
  });

  it('shows a question when an earlier answer is, or contains, a value', () => {
    const withDetail = validateAnswers(subsidy, { ...good, autre_aide: 'oui', autre_aide_detail: '' }, TODAY);
    expect(withDetail.errors).toEqual([{ path: 'autre_aide_detail', message: 'Saisissez quelle aide' }]);
    const contains = defs([
      { id: 'aides', type: 'multiple_choice', label: 'Les aides', options: [{ value: 'rsa', label: 'RSA' }, { value: 'apl', label: 'APL' }] },
      { id: 'numero_caf', type: 'short_text', label: 'Le numéro CAF', showWhen: { field: 'aides', contains: 'apl' } },
    ]);
    expect(validateAnswers(contains, { aides: ['rsa'] }, TODAY).errors).toEqual([]);
    expect(validateAnswers(contains, { aides: ['rsa', 'apl'] }, TODAY).errors).toEqual([{ path: 'numero_caf', message: 'Saisissez le numéro CAF' }]);
  });

  it('checks dates: parts missing, in the past or not', () => {
    const f = defs([
      { id: 'naissance', type: 'date', label: 'La date de naissance', past: 'only' },
      { id: 'debut', type: 'date', label: 'La date de début', past: 'never' },
    ]);
    const r = (naissance: object, debut: object) => validateAnswers(f, { naissance, debut } as never, TODAY).errors.map((e) => e.message);
    expect(r({ day: '', month: '4', year: '' }, { day: '24', month: '11', year: '2026' })).toEqual(['La date de naissance doit comporter un jour et une année']);
    expect(r({ day: '25', month: '11', year: '2026' }, { day: '23', month: '11', year: '2026' })).toEqual([
      'La date de naissance doit être dans le passé',
      'La date de début ne peut pas être dans le passé',
    ]);
    expect(r({ day: 'un', month: '4', year: '1980' }, { day: '1', month: '1', year: '2027' })).toEqual(['La date de naissance doit être une vraie date, par exemple 27 3 2007']);
  });

  it('bounds repeatable blocks and ignores the empty ones the form adds', () => {
    const tooMany = Array.from({ length: 4 }, (_, i) => ({ nom: `Personne ${i + 1}`, role: 'tresorier' }));
    const r = validateAnswers(subsidy, { ...good, dirigeants: tooMany }, TODAY);
    expect(r.errors).toEqual([{ path: 'dirigeants', message: 'Ajoutez au plus 3 dirigeants' }]);
    expect((r.answers.dirigeants as unknown[]).length).toBe(3);
    const junk = validateAnswers(subsidy, { ...good, dirigeants: 'pas une liste' as never }, TODAY);
    expect(junk.errors).toEqual([{ path: 'dirigeants', message: 'Ajoutez au moins 1 dirigeant' }]);
  });
});

describe('procedure definitions imported as JSON', () => {
  it('refuses repeated ids, conditions on later or unknown questions, and malformed fields', () => {
    const r = checkFieldDefinitions([
      { id: 'a', type: 'short_text', label: 'A', showWhen: { field: 'b', is: 'x' } },
      { id: 'b', type: 'yes_no', label: 'B' },
      { id: 'b', type: 'email', label: 'B bis' },
    ]);
    expect(r).toEqual({
      ok: false,
      problems: ['a : la condition porte sur « b », qui doit être une question posée avant', 'b : identifiant déjà utilisé'],
    });
    const malformed = checkFieldDefinitions([{ id: 'Choix', type: 'single_choice', label: 'C', options: [{ value: 'seul', label: 'Seul' }] }]);
    expect(malformed.ok).toBe(false);
    expect(checkFieldDefinitions({ not: 'a list' }).ok).toBe(false);
  });
});
