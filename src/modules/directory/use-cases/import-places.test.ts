import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, randomIds } from '../../../platform/clock.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-db.ts';
import { listingChanges, places } from '../db/directory.table.ts';
import { exampleCsvUrl } from '../standards/lieux-mediation-numerique.ts';
import { importPlaces, type ImportPlacesResult } from './import-places.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/directory/${name}`, import.meta.url), 'utf8');

let t: TestDatabase;
const clock = manualClock(new Date('2026-03-02T10:00:00Z'));
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const actor = { userId: null, label: 'test' };
function run(text: string | string[], source: string, extra: { dryRun?: boolean } = {}): Promise<ImportPlacesResult> {
  return importPlaces({ db: t.db, clock, ids: randomIds }, { chunks: Array.isArray(text) ? text : [text], source, actor, ...extra });
}
const placesOf = (source: string) => t.db.select().from(places).where(eq(places.source, source)).orderBy(places.sourceId);
async function historyCount(source: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from listing_changes where entity_type = 'place' and entity_id in (select id from places where source = ${source})`,
  );
  return row!.n;
}
const counts = (r: ImportPlacesResult) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejectedCount, toGeolocate: r.toGeolocateCount });

describe('import of places', () => {
  it('imports the schema’s published example', async () => {
    const source = `exemple-${randomUUID()}`;
    const result = await run(readFileSync(exampleCsvUrl, 'utf8'), source);
    expect(result.fileErrors).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(counts(result)).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 0, toGeolocate: 0 });
    const [place] = await placesOf(source);
    expect(place).toMatchObject({
      sourceId: 'structure-1',
      name: 'Anonymal',
      phone: '+33180059880',
      emails: ['contact@laquincaillerie.tl', 'responsable@laquincaillerie.tl'],
      nationalPrograms: ['Aidants Connect', 'Conseillers numériques', 'La Croix Rouge'],
      latitude: 43.52609,
      updatedOn: '2024-04-02',
      lastEditorKind: 'import',
      status: 'published',
    });
    expect(place!.openWeek).not.toBeNull();
  });

  it('creates, then is idempotent: a second run of the same file changes nothing and writes no history', async () => {
    const source = `valides-${randomUUID()}`;
    const text = fixture('lieux-valides.csv');
    const first = await run(text, source);
    expect(counts(first)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0, toGeolocate: 1 });
    expect(first.toGeolocate).toEqual([{ line: 4, id: 'epn-vitre', name: 'Espace public numérique de Vitré' }]);
    const stored = await placesOf(source);
    expect(stored.map((p) => p.sourceId)).toEqual(['epn-vitre', 'france-services-fougeres', 'mediatheque-champs-libres']);
    // « 02 23 40 66 00 » is stored as E.164.
    expect(stored[2]!.phone).toBe('+33223406600');
    const history = await historyCount(source);
    expect(history).toBeGreaterThan(20);

    // Chunks cut anywhere (here every 7 characters) give the same rows.
    const chunks = text.match(/[^]{1,7}/gu)!;
    const second = await run(chunks, source);
    expect(counts(second)).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0, toGeolocate: 1 });
    expect(await historyCount(source)).toBe(history);
    expect(await placesOf(source)).toEqual(stored);
  });

  it('updates only the changed field, with one history row by the import', async () => {
    const source = `maj-${randomUUID()}`;
    const text = fixture('lieux-valides.csv');
    await run(text, source);
    const before = await historyCount(source);
    clock.advance(86_400_000);
    const changed = text.replace('Mo-Fr 09:00-12:00,14:00-17:00', 'Mo-Fr 09:00-12:00');
    const preview = await run(changed, source, { dryRun: true });
    expect(counts(preview)).toEqual({ created: 0, updated: 1, unchanged: 2, rejected: 0, toGeolocate: 1 });
    expect(await historyCount(source)).toBe(before);

    const result = await run(changed, source);
    expect(counts(result)).toEqual({ created: 0, updated: 1, unchanged: 2, rejected: 0, toGeolocate: 1 });
    const [place] = await t.db.select().from(places).where(and(eq(places.source, source), eq(places.sourceId, 'france-services-fougeres')));
    expect(place!.openingHours).toBe('Mo-Fr 09:00-12:00');
    const rows = await t.db.select().from(listingChanges).where(and(eq(listingChanges.entityId, place!.id), eq(listingChanges.field, 'openingHours')));
    expect(rows.map((r) => [r.oldValue, r.newValue, r.actorKind, r.moderation])).toEqual([
      [null, 'Mo-Fr 09:00-12:00,14:00-17:00', 'import', 'not_needed'],
      ['Mo-Fr 09:00-12:00,14:00-17:00', 'Mo-Fr 09:00-12:00', 'import', 'not_needed'],
    ]);
    expect(await historyCount(source)).toBe(before + 1);
  });

  it('reports every fault of every bad row with its line, and imports none of those rows', async () => {
    const source = `erreurs-${randomUUID()}`;
    const result = await run(fixture('lieux-avec-erreurs.csv'), source);
    expect(counts(result)).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 4, toGeolocate: 0 });
    const byLine = Object.fromEntries(result.rejected.map((r) => [r.line, r.errors.map((e) => e.message)]));
    expect(Object.keys(byLine)).toEqual(['3', '4', '5', '6']);
    expect(byLine[3]).toEqual([
      'code_postal : "3500" n’a pas le format attendu (5 chiffres)',
      'courriels : "pas-une-adresse" n’est pas une adresse e-mail valide',
      'services : "Faire du café" n’est pas une valeur autorisée',
    ]);
    expect(byLine[4]).toEqual(
      expect.arrayContaining([
        'Le champ nom est obligatoire',
        'Le champ adresse est obligatoire',
        'Le champ date_maj est obligatoire',
        'telephone : "12" n’est pas un numéro de téléphone valide',
      ]),
    );
    expect(byLine[4]!.some((m) => m.startsWith('latitude'))).toBe(true);
    expect(byLine[5]).toEqual(['id : "bon-lieu" est déjà utilisé à la ligne 2']);
    expect(byLine[6]!.some((m) => m === 'La ligne a 3 cellules, l’en-tête en a 32')).toBe(true);
    // Never half-imported: only the good row is there, with its own history only.
    expect((await placesOf(source)).map((p) => p.sourceId)).toEqual(['bon-lieu']);
  });

  it('reads the older v0 CSV of the national cartography and maps its values', async () => {
    const source = `v0-${randomUUID()}`;
    const result = await run(fixture('lieux-v0.csv'), source);
    expect(result.version).toBe('v0');
    expect(counts(result)).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1, toGeolocate: 1 });
    expect(result.rejected[0]!.errors.map((e) => e.message)).toEqual([
      'services : "Jouer aux cartes" n’est pas une valeur connue du format v0',
      'labels_nationaux : "Label inventé" n’est pas une valeur connue du format v0',
    ]);
    const [first, second] = await placesOf(source);
    expect(first).toMatchObject({
      sourceId: 'v0-1',
      typologies: ['CCAS', 'MUNI'],
      phone: '+33299407111',
      emails: ['numerique@saint-malo.example.fr'],
      services: ['Maîtrise des outils numériques du quotidien', 'Aide aux démarches administratives', 'Accès internet et matériel informatique'],
      publics: ['Seniors', 'Familles et/ou enfants'],
      specificSupport: ['Surdité'],
      fees: ['Gratuit'],
      nationalPrograms: ['France Services', 'Conseillers numériques'],
      otherLabels: 'French Tech, Label régional',
      supportModes: ['En autonomie', 'Dans un atelier collectif'],
      accessibilityUrl: 'https://acceslibre.beta.gouv.fr/app/35-saint-malo/a/mairie/erp/point-numerique/',
      acceptsPassNumerique: true,
    });
    expect(second).toMatchObject({ sourceId: 'v0-2', fees: ['Payant'], nationalPrograms: ['Aidants Connect'], acceptsPassNumerique: false });
  });

  it('reads the v0 JSON (lists as text or arrays, the array inside an object) like the CSV', async () => {
    const source = `v0json-${randomUUID()}`;
    const result = await run(fixture('lieux-v0.json'), source);
    expect({ format: result.format, version: result.version, ...counts(result) }).toEqual({
      format: 'json',
      version: 'v0',
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      toGeolocate: 1,
    });
    const stored = await placesOf(source);
    expect(stored[1]!.services).toEqual(['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien']);
    expect(stored[0]!.latitude).toBe(48.6493);
    expect(counts(await run(fixture('lieux-v0.json'), source))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('reports a file it cannot read as a whole, in French', async () => {
    const source = `illisible-${randomUUID()}`;
    const missing = await run('id,nom\r\nx,y\r\n', source);
    expect(missing.fileErrors[0]!.errors.map((e) => e.message)).toContain('La colonne obligatoire pivot est manquante');
    const semicolons = await run('id;pivot;nom\r\n', source);
    expect(semicolons.fileErrors[0]!.errors[0]!.message).toContain('séparées par des virgules');
    const json = await run('[{"id": "a"}, 3]', source);
    expect(json.fileErrors[0]!.errors[0]!.message).toBe('Le fichier JSON est mal formé : l’élément 2 du tableau n’est pas un objet');
    expect((await run('', source)).fileErrors[0]!.errors[0]!.message).toBe('Le fichier est vide');
    expect(await t.db.select().from(places).where(inArray(places.source, [source]))).toEqual([]);
  });
});
