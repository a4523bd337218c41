// The demo directory: the town table holds true facts, the seed is deterministic, and the seeded listings are
// what the rest of the product expects (valid schema v1.0.2 places, derived hours, labels, freshness, owners).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDirectory, demoTowns, elide, type DemoDirectoryInput } from '../seeds/directory.ts';
import { demoSocialCentres } from '../seeds/social-centres.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { openWeekLiteral } from '../src/modules/directory/db/listing-store.ts';
import { lieuxMediationNumeriqueSchema, strictPlaceSchema, validateRow } from '../src/modules/directory/index.ts';
import { MOBILISABLE_BY, MOBILISATION_MODES, RECEPTION_MODES, SERVICE_FEES, SERVICE_PUBLICS, THEMES } from '../src/modules/directory/domain/data-inclusion.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const dataDir = join(dirname(createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json')), 'data');
const cog = JSON.parse(readFileSync(join(dataDir, 'communes.json'), 'utf8')) as Array<{
  code: string;
  nom: string;
  departement: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}>;
// Official commune centres (INSEE/IGN), for tests only: never read by the product or the seed.
const centresFile = fileURLToPath(new URL('../../shared/data/communes-2024.csv', import.meta.url));

function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = (a.latitude - b.latitude) * 111.2;
  const dLon = (a.longitude - b.longitude) * 111.2 * Math.cos((a.latitude * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

describe('the main towns of the demo départements', () => {
  for (const dep of ['35', '13'] as const) {
    it(`${dep}: each INSEE code is a current commune of the département with that official name`, () => {
      expect(demoTowns[dep].length).toBeGreaterThanOrEqual(20);
      for (const town of demoTowns[dep]) {
        const c = cog.find((x) => x.code === town.insee && x.type === 'commune-actuelle');
        expect(c?.nom, town.insee).toBe(town.name);
        expect(c?.departement).toBe(dep);
      }
      expect(new Set(demoTowns[dep].map((t) => t.insee)).size).toBe(demoTowns[dep].length);
    });

    it(`${dep}: every social centre's seat is one of the towns, so that each centre's place is on the map`, () => {
      const codes = new Set(demoTowns[dep].map((t) => t.insee));
      for (const centre of demoSocialCentres[dep]) expect(codes.has(centre.seat[0]), centre.name).toBe(true);
    });

    it.skipIf(!existsSync(centresFile))(`${dep}: each town centre lies within a few km of the official commune centre`, () => {
      const rows = readFileSync(centresFile, 'utf8').split('\n').slice(1).map((l) => l.split(','));
      for (const town of demoTowns[dep]) {
        // Marseille is published by arrondissement: the nearest one counts.
        const official = rows
          .filter((r) => r[0] === town.insee || (r[6] === 'ARM' && r[7] === town.insee))
          .map((r) => ({ latitude: Number(r[8]), longitude: Number(r[9]) }));
        expect(official.length, town.name).toBeGreaterThan(0);
        const distance = Math.min(...official.map((o) => km(town, o)));
        // Arles spans the Camargue: its geometric centre is 15 km from the town.
        expect(distance, town.name).toBeLessThan(town.insee === '13004' ? 16 : 6);
      }
    });
  }
});

describe('building the demo directory', () => {
  const input = (): DemoDirectoryInput => {
    let n = 0;
    return {
      departement: '13',
      departementName: 'des Bouches-du-Rhône',
      today: '2026-03-02',
      now: new Date('2026-03-02T09:00:00Z'),
      ids: { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
      communes: cog
        .filter((c) => c.departement === '13' && c.type === 'commune-actuelle')
        .map((c) => ({ insee: c.code, name: c.nom, postcodes: c.codesPostaux ?? [], population: c.population ?? null, epciSiren: null })),
      epciNames: new Map(),
      centres: [],
      demo: { id: 'demo', name: 'Espace numérique de Marseille' },
    };
  };

  it('gives the same listings every time (a seeded PRNG, no Math.random)', () => {
    const a = buildDemoDirectory(input());
    const b = buildDemoDirectory(input());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.places.length).toBeGreaterThan(400);
    expect(a.structures.length).toBeGreaterThan(3300);
  });

  it('writes French elisions in names built from communes', () => {
    expect(elide('Mairie de Le Rheu')).toBe('Mairie du Rheu');
    expect(elide('CCAS de Les Pennes-Mirabeau')).toBe('CCAS des Pennes-Mirabeau');
    expect(elide('Médiathèque de Arles')).toBe('Médiathèque d’Arles');
    expect(elide('Lire et écrire à Le Rheu')).toBe('Lire et écrire au Rheu');
    expect(elide('Centre social de La Ciotat')).toBe('Centre social de La Ciotat');
  });
});

describe('the seeded demo directory (35)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const rows = <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => queryRows<T>(t.deps.db, q);

  it('has about 450 places and 3,500 structures with their services', async () => {
    const [n] = await rows<{ places: number; structures: number; services: number; linked: number }>(sql`
      select (select count(*)::int from places) as places, (select count(*)::int from structures) as structures,
             (select count(*)::int from services) as services,
             (select count(*)::int from services where place_id is not null) as linked`);
    expect(n!.places).toBeGreaterThanOrEqual(420);
    expect(n!.places).toBeLessThanOrEqual(480);
    expect(n!.structures).toBeGreaterThanOrEqual(3300);
    expect(n!.services).toBeGreaterThan(n!.structures);
    expect(n!.linked).toBe(n!.places);
  });

  it('gives every place a valid schema v1.0.2 row', async () => {
    const places = await rows<Record<string, unknown>>(sql`select * from places`);
    const schema = strictPlaceSchema(lieuxMediationNumeriqueSchema);
    const multi = (v: unknown) => (v as string[]).join('|');
    const faults = places.flatMap((p) =>
      validateRow(schema, {
        id: String(p.source_id),
        pivot: String(p.pivot),
        nom: String(p.name),
        commune: String(p.commune_name),
        code_postal: String(p.postcode),
        code_insee: String(p.commune_insee ?? ''),
        adresse: String(p.street),
        complement_adresse: String(p.complement ?? ''),
        latitude: p.latitude == null ? '' : String(p.latitude),
        longitude: p.longitude == null ? '' : String(p.longitude),
        typologie: multi(p.typologies),
        telephone: String(p.phone ?? ''),
        courriels: multi(p.emails),
        site_web: multi(p.websites),
        horaires: String(p.opening_hours ?? ''),
        presentation_resume: String(p.summary ?? ''),
        presentation_detail: '',
        source: String(p.source),
        itinerance: multi(p.itinerance),
        structure_parente: String(p.parent_structure_name ?? ''),
        date_maj: String(p.updated_on).slice(0, 10),
        services: multi(p.services),
        publics_specifiquement_adresses: multi(p.publics),
        prise_en_charge_specifique: multi(p.specific_support),
        frais_a_charge: multi(p.fees),
        dispositif_programmes_nationaux: multi(p.national_programs),
        formations_labels: multi(p.labels),
        autres_formations_labels: '',
        modalites_acces: multi(p.access_modes),
        modalites_accompagnement: multi(p.support_modes),
        fiche_acces_libre: String(p.accessibility_url ?? ''),
        prise_rdv: String(p.appointment_url ?? ''),
      }).map((f) => `${String(p.name)}: ${JSON.stringify(f)}`),
    );
    expect(faults).toEqual([]);
  });

  it('derives the open week from the opening hours, as the write path does', async () => {
    const places = await rows<{ opening_hours: string | null; open_week: string | null; closed_on_public_holidays: boolean }>(
      sql`select opening_hours, open_week::text, closed_on_public_holidays from places`,
    );
    for (const p of places) {
      const expected = openWeekLiteral(p.opening_hours);
      expect(p.closed_on_public_holidays).toBe(expected.closedOnPublicHolidays);
      expect(p.open_week === null).toBe(expected.openWeek === null);
    }
  });

  it('varies what search, maps and the quality dashboard need: Saturdays, holidays, unknown hours, no coordinates, stale listings, labels', async () => {
    const [n] = await rows<Record<string, number>>(sql`
      select count(*) filter (where open_week && '{[7200,8640)}'::int4multirange)::int as saturday,
             count(*) filter (where closed_on_public_holidays)::int as ph_off,
             count(*) filter (where opening_hours is null)::int as unknown_hours,
             count(*) filter (where latitude is null)::int as to_locate,
             count(*) filter (where updated_on < current_date - update_frequency_days)::int as stale,
             count(*) filter (where 'France Services' = any(national_programs))::int as france_services,
             count(*) filter (where 'Aidants Connect' = any(national_programs))::int as aidants_connect,
             count(*) filter (where 'Conseillers numériques' = any(national_programs))::int as conseillers,
             count(*) filter (where accepts_pass_numerique)::int as pass,
             count(*) filter (where social_centre_id is not null)::int as centres,
             count(distinct last_editor_kind)::int as editor_kinds,
             count(*) filter (where 'Itinérant' = any(itinerance))::int as itinerant
      from places`);
    for (const key of ['saturday', 'ph_off', 'unknown_hours', 'to_locate', 'stale', 'france_services', 'aidants_connect', 'conseillers', 'pass', 'itinerant']) {
      expect(n![key], key).toBeGreaterThan(0);
    }
    expect(n!.to_locate).toBeLessThan(60);
    expect(n!.editor_kinds).toBe(4);
    expect(n!.centres).toBe(demoSocialCentres['35'].length);
  });

  it('places the mapped listings around their towns, inside the département', async () => {
    const far = await rows<{ name: string }>(sql`
      select p.name from places p join communes c on c.insee = p.commune_insee
      where p.latitude is not null and (c.latitude is null or abs(p.latitude - c.latitude) > 0.07 or abs(p.longitude - c.longitude) > 0.1)`);
    expect(far).toEqual([]);
    const [rennes] = await rows<{ latitude: number; longitude: number }>(sql`select latitude, longitude from communes where insee = '35238'`);
    expect(rennes).toEqual({ latitude: 48.1147, longitude: -1.6794 });
  });

  it('links each social centre to its own place', async () => {
    const centres = await rows<{ name: string; places: number }>(sql`
      select sc.name, count(p.id)::int as places from social_centres sc left join places p on p.social_centre_id = sc.id group by sc.name`);
    expect(centres.length).toBe(demoSocialCentres['35'].length);
    for (const c of centres) expect(c.places, c.name).toBe(1);
  });

  it('gives the demo structure a few places and services its member can edit, some of them due for an update', async () => {
    const places = await rows<{ name: string; stale: boolean }>(sql`
      select p.name, p.updated_on < current_date - p.update_frequency_days as stale
      from places p join structures s on s.id = p.structure_id where s.name = 'Espace numérique de Rennes' order by p.name`);
    expect(places.map((p) => p.name)).toEqual([
      'Espace numérique de Rennes – Cleunay',
      'Espace numérique de Rennes – Le Blosne',
      'Espace numérique de Rennes – Maurepas',
      'Espace numérique de Rennes – Villejean',
    ]);
    expect(places.filter((p) => p.stale).length).toBeGreaterThan(0);
    const [services] = await rows<{ n: number }>(sql`
      select count(*)::int as n from services v join structures s on s.id = v.structure_id where s.name = 'Espace numérique de Rennes'`);
    expect(services!.n).toBe(5);
  });

  it('writes phones in E.164 and names that are unique', async () => {
    const [bad] = await rows<{ n: number }>(sql`
      select (select count(*) from places where phone is not null and phone !~ '^\\+33[1-9][0-9]{8}$')
           + (select count(*) from structures where phone is not null and phone !~ '^\\+33[1-9][0-9]{8}$')
           + (select count(*) from services where phone is not null and phone !~ '^\\+33[1-9][0-9]{8}$') as n`);
    expect(Number(bad!.n)).toBe(0);
    const dupes = await rows<{ name: string }>(sql`select name from structures group by name having count(*) > 1`);
    expect(dupes).toEqual([]);
  });
});

describe('the seeded services (35)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('use only the data·inclusion v1 vocabularies the editing forms offer', async () => {
    const rows = await queryRows<Record<string, string[] | string>>(
      t.deps.db,
      sql`select distinct unnest(themes) as v, 'themes' as k from services
          union select distinct unnest(publics), 'publics' from services
          union select distinct fees, 'fees' from services
          union select distinct unnest(reception_modes), 'reception' from services
          union select distinct unnest(mobilisation_modes), 'mobilisation' from services
          union select distinct unnest(mobilisable_by), 'by' from services`,
    );
    const allowed: Record<string, readonly { value: string }[]> = {
      themes: THEMES,
      publics: SERVICE_PUBLICS,
      fees: SERVICE_FEES,
      reception: RECEPTION_MODES,
      mobilisation: MOBILISATION_MODES,
      by: MOBILISABLE_BY,
    };
    const unknown = rows.filter((r) => !allowed[r.k as string]!.some((term) => term.value === r.v)).map((r) => `${String(r.k)}: ${String(r.v)}`);
    expect(rows.length).toBeGreaterThan(30);
    expect(unknown).toEqual([]);
  });
});
