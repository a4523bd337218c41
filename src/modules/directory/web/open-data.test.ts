// The open-data exports over HTTP, with the data of the test database (the demo seed may add its own places).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { createService, createStructure, updatePlace } from '../db/listing-store.ts';
import { strictPlaceSchema } from '../domain/place.ts';
import { parseCsv, toRecord } from '../domain/csv.ts';
import { validateCsvFile } from '../domain/validate-file.ts';
import { lieuxMediationNumeriqueSchema as schema } from '../standards/lieux-mediation-numerique.ts';
import { importPlaces } from '../use-cases/import-places.ts';
import { and, eq } from 'drizzle-orm';
import { places } from '../db/directory.table.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/directory/${name}`, import.meta.url), 'utf8');

let t: TestApp;
const source = `opendata-${randomUUID()}`;
let fougeresId: string;
let structureId: string;

beforeAll(async () => {
  t = await createTestApp();
  const deps = { db: t.database.db, clock: t.clock, ids: t.deps.ids };
  await importPlaces(deps, { chunks: [fixture('lieux-valides.csv')], source, actor: { userId: null, label: 'test' } });
  const [fougeres] = await t.database.db.select().from(places).where(and(eq(places.source, source), eq(places.sourceId, 'france-services-fougeres')));
  fougeresId = fougeres!.id;
  const actor = { userId: null, kind: 'departement' as const };
  await inTransaction(t.database.db, async (tx) => {
    structureId = await createStructure(tx, deps, { name: 'Mairie de Fougères', kind: 'commune', siret: '21350115000015', postcode: '35300', communeInsee: '35115', street: '2 rue Porte Saint-Léonard', networks: ['france-service'] }, actor);
    await updatePlace(tx, deps, fougeresId, { structureId }, actor);
    await createService(
      tx,
      deps,
      {
        structureId,
        placeId: fougeresId,
        name: 'Aide aux démarches en ligne',
        summary: 'Un conseiller vous aide à faire vos démarches en ligne.',
        themes: ['numerique--realiser-des-demarches-administratives'],
        publics: ['tous-publics'],
        fees: 'gratuit',
        receptionModes: ['en-presentiel'],
        mobilisationModes: ['se-presenter', 'telephoner'],
        mobilisableBy: ['usagers', 'professionnels'],
        zoneKind: 'commune',
        zoneCodes: ['35115'],
      },
      actor,
    );
  });
});
afterAll(async () => t.close());

async function text(res: Response): Promise<string> {
  return new TextDecoder('utf-8').decode(await res.arrayBuffer());
}

describe('open data', () => {
  it('exports the places as a CSV that validates against schema v1.0.2 with zero errors', async () => {
    const res = await t.client().request('/donnees/lieux.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await text(res);
    const faults = [];
    for await (const fault of validateCsvFile(schema, [csv])) faults.push(fault);
    expect(faults).toEqual([]);
    // Relais' stricter reading (e-mails, web addresses, each value of a list) finds nothing either.
    for await (const fault of validateCsvFile(strictPlaceSchema(schema), [csv])) faults.push(fault);
    expect(faults).toEqual([]);

    const [header, ...rows] = [...parseCsv(csv)];
    expect(header!.cells).toEqual(schema.fields.map((f) => f.name));
    const records = rows.map((r) => toRecord(header!.cells, r.cells));
    const fougeres = records.find((r) => r.id === fougeresId)!;
    expect(fougeres).toMatchObject({
      nom: 'France Services de Fougères',
      telephone: '+33299945800',
      dispositif_programmes_nationaux: 'France Services|Aidants Connect',
      modalites_acces: 'Se présenter|Téléphoner',
      source,
    });
    // CRLF line endings, as RFC 4180 asks.
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('answers 304 to a conditional request while nothing changed, and a new ETag once a place changes', async () => {
    const client = t.client();
    const first = await client.request('/donnees/lieux.csv');
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/"places-/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();

    const again = await client.request('/donnees/lieux.csv', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await client.request('/donnees/lieux.csv', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await client.request('/donnees/lieux.csv', { headers: { 'if-none-match': '"autre"' } })).status).toBe(200);

    t.clock.advance(60_000);
    await updatePlace(t.database.db, { clock: t.clock, ids: t.deps.ids }, fougeresId, { summary: 'Accueil sans rendez-vous le matin.' }, { userId: null, kind: 'departement' });
    const changed = await client.request('/donnees/lieux.csv', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await text(changed)).toContain('Accueil sans rendez-vous le matin.');
  });

  it('exports JSON with lists and numbers, and GeoJSON with only the places that have coordinates', async () => {
    const json = (await (await t.client().request('/donnees/lieux.json')).json()) as Record<string, unknown>[];
    const fougeres = json.find((p) => p.id === fougeresId)!;
    expect(fougeres).toMatchObject({ nom: 'France Services de Fougères', latitude: 48.35157, longitude: -1.19852, services: ['Aide aux démarches administratives'], complement_adresse: null });
    expect(Object.keys(fougeres)).toEqual(schema.fields.map((f) => f.name));

    const res = await t.client().request('/donnees/lieux.geojson');
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const geo = (await res.json()) as { type: string; features: { type: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(geo.type).toBe('FeatureCollection');
    const ours = geo.features.filter((f) => f.properties.source === source);
    expect(ours.map((f) => f.properties.nom).sort()).toEqual(['France Services de Fougères', 'Médiathèque des Champs Libres']);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates.every((n) => typeof n === 'number')).toBe(true);
    }
    expect(ours.find((f) => f.properties.nom === 'France Services de Fougères')!.geometry.coordinates).toEqual([-1.19852, 48.35157]);
  });

  it('exports structures and services following data·inclusion v1', async () => {
    const structures = (await (await t.client().request('/donnees/data-inclusion/structures.json')).json()) as Record<string, unknown>[];
    const mairie = structures.find((s) => s.id === structureId)!;
    expect(Object.keys(mairie).sort()).toEqual(
      [
        'source', 'id', 'nom', 'date_maj', 'description', 'lien_source', 'siret', 'commune', 'code_postal', 'code_insee', 'adresse',
        'complement_adresse', 'longitude', 'latitude', 'telephone', 'courriel', 'site_web', 'horaires_accueil', 'accessibilite_lieu', 'reseaux_porteurs',
      ].sort(),
    );
    expect(mairie).toMatchObject({ source: 'relais-35', nom: 'Mairie de Fougères', siret: '21350115000015', commune: 'Fougères', reseaux_porteurs: ['france-service'] });

    const services = (await (await t.client().request('/donnees/data-inclusion/services.json')).json()) as Record<string, unknown>[];
    const service = services.find((s) => s.structure_id === structureId)!;
    expect(service).toMatchObject({
      nom: 'Aide aux démarches en ligne',
      description: 'Un conseiller vous aide à faire vos démarches en ligne.',
      thematiques: ['numerique--realiser-des-demarches-administratives'],
      frais: 'gratuit',
      publics: ['tous-publics'],
      modes_accueil: ['en-presentiel'],
      modes_mobilisation: ['se-presenter', 'telephoner'],
      mobilisable_par: ['usagers', 'professionnels'],
      zone_eligibilite: ['35115'],
      commune: 'Fougères',
      code_postal: '35300',
      latitude: 48.35157,
      horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-17:00',
    });
    expect(typeof service.date_maj).toBe('string');
  });

  it('lists every export on the « Données ouvertes » page, linked from the site map', async () => {
    const client = t.client();
    const { status, html } = await client.get('/donnees');
    expect(status).toBe(200);
    for (const path of ['/donnees/lieux.csv', '/donnees/lieux.json', '/donnees/lieux.geojson', '/donnees/data-inclusion/structures.json', '/donnees/data-inclusion/services.json']) {
      expect(html).toContain(`href="${path}"`);
    }
    expect(html).toContain('Licence Ouverte 2.0');
    expect(html).toContain('Nombre de lignes');
    expect(html).toContain('Dernière mise à jour');
    expect((await client.get('/plan-du-site')).html).toContain('href="/donnees"');
  });
});
