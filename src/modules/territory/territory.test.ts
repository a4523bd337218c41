import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSocialCentres } from '../../../seeds/social-centres.ts';
import { randomIds } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/client.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { communesInScope, findCentreForCommune, importTerritory, isCommuneInScope, listSocialCentres, searchCommunes, seedSocialCentres } from './index.ts';
import { addCommunesToCentre } from './use-cases/change-sectorisation.ts';

// The package's own data, read independently of the import code, is what the counts are checked against.
const dataDir = join(dirname(createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json')), 'data');
const cog = JSON.parse(readFileSync(join(dataDir, 'communes.json'), 'utf8')) as Array<{ code: string; nom: string; departement: string; type: string }>;
const current = (dep: string) => cog.filter((c) => c.departement === dep && c.type === 'commune-actuelle');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.deps.db, query))[0]!.n);
const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);

describe('territory import', () => {
  it('holds every current commune of the seeded département (35), each linked to its EPCI', async () => {
    expect(current('35').length).toBeGreaterThan(300);
    expect(await count(sql`select count(*) as n from communes where departement_code = '35'`)).toBe(current('35').length);
    expect(await count(sql`select count(*) as n from communes where departement_code = '35' and epci_siren is null`)).toBe(0);
    expect(await count(sql`select count(*) as n from communes c left join epcis e on e.siren = c.epci_siren where e.siren is null`)).toBe(0);
    expect(await count(sql`select count(*) as n from departements`)).toBeGreaterThanOrEqual(101);
    expect(await count(sql`select count(*) as n from regions`)).toBeGreaterThanOrEqual(18);
    const [rennes] = await queryRows<{ name: string; epci: string; postcodes: string[] }>(
      t.deps.db,
      sql`select c.name, e.name as epci, c.postcodes from communes c join epcis e on e.siren = c.epci_siren where c.insee = '35238'`,
    );
    expect(rennes).toMatchObject({ name: 'Rennes', epci: 'Rennes Métropole' });
    expect(rennes!.postcodes).toContain('35000');
  });

  it('imports Bouches-du-Rhône too, Marseille as one commune, and is idempotent and fast', async () => {
    const first = await importTerritory(t.deps, '13');
    expect(first.communes).toBe(current('13').length);
    const again = await importTerritory(t.deps, '13');
    expect(again.communes).toBe(first.communes);
    expect(again.ms).toBeLessThan(3000);
    expect(await count(sql`select count(*) as n from communes where departement_code = '13'`)).toBe(current('13').length);
    expect(await count(sql`select count(*) as n from communes where departement_code = '13' and epci_siren is null`)).toBe(0);
    const [marseille] = await queryRows<{ postcodes: string[] }>(t.deps.db, sql`select postcodes from communes where insee = '13055'`);
    expect(marseille!.postcodes).toHaveLength(16);
    expect(await count(sql`select count(*) as n from communes where name like 'Marseille %'`)).toBe(0);
  });

  it('seeds the 12 MDS of Bouches-du-Rhône on top, Marseille served as one commune', async () => {
    await importTerritory(t.deps, '13');
    expect(await seedSocialCentres(t.deps, '13', demoSocialCentres['13'])).toBe(12);
    const centres = await listSocialCentres(t.deps.db, '13');
    expect(centres).toHaveLength(12);
    for (const name of ['MDS de Salon-de-Provence', 'MDS de Vitrolles', 'MDS de Marseille', 'MDS de Marignane']) {
      expect(centres.map((c) => c.name)).toContain(name);
    }
    expect((await findCentreForCommune(t.deps.db, '13055'))?.name).toBe('MDS de Marseille');
    expect((await findCentreForCommune(t.deps.db, '13069'))?.name).toBe('MDS de Salon-de-Provence');
    expect(names(await searchCommunes(t.deps.db, 'marseille', { departement: '13', limit: 5 }))[0]).toBe('Marseille');
    expect(names(await searchCommunes(t.deps.db, '13008', { departement: '13', limit: 5 }))).toEqual(['Marseille']);
  });
});

describe('commune search', () => {
  const dep = { departement: '35', limit: 10 };
  it('finds names whatever the accents, case and hyphens', async () => {
    expect(names(await searchCommunes(t.deps.db, 'vitre', dep))[0]).toBe('Vitré');
    expect(names(await searchCommunes(t.deps.db, 'CESSON SEVIGNE', dep))[0]).toBe('Cesson-Sévigné');
    expect(names(await searchCommunes(t.deps.db, "chateauneuf d'ille", dep))[0]).toBe("Châteauneuf-d'Ille-et-Vilaine");
    expect(names(await searchCommunes(t.deps.db, 'saint malo', dep))[0]).toBe('Saint-Malo');
  });

  it('understands « st » for « saint »', async () => {
    expect(names(await searchCommunes(t.deps.db, 'st malo', dep))[0]).toBe('Saint-Malo');
    expect(names(await searchCommunes(t.deps.db, 'St-Méloir', dep))[0]).toBe('Saint-Méloir-des-Ondes');
  });

  it('puts exact and prefix matches before words inside names, then close spellings', async () => {
    const bruz = names(await searchCommunes(t.deps.db, 'bruz', dep));
    expect(bruz[0]).toBe('Bruz');
    const rennes = names(await searchCommunes(t.deps.db, 'rennes', dep));
    expect(rennes[0]).toBe('Rennes');
    // Misspelt: trigram similarity still finds it.
    expect(names(await searchCommunes(t.deps.db, 'chateaugiro', dep))).toContain('Châteaugiron');
    expect(names(await searchCommunes(t.deps.db, 'sant malo', dep))).toContain('Saint-Malo');
  });

  it('matches postcodes by prefix', async () => {
    const r = await searchCommunes(t.deps.db, '35400', dep);
    expect(names(r)).toContain('Saint-Malo');
    const prefix = await searchCommunes(t.deps.db, '354', { departement: '35', limit: 100 });
    expect(prefix.length).toBeGreaterThan(1);
    expect(prefix.every((c) => c.postcodes.some((p) => p.startsWith('354')))).toBe(true);
    expect(names(await searchCommunes(t.deps.db, 'Saint-Malo (35400)', dep))).toEqual(['Saint-Malo']);
  });

  it('returns nothing for nonsense or empty text', async () => {
    expect(await searchCommunes(t.deps.db, 'xqzwkv', dep)).toEqual([]);
    expect(await searchCommunes(t.deps.db, '   ', dep)).toEqual([]);
    expect(await searchCommunes(t.deps.db, "%_'; drop table communes", dep)).toEqual([]);
  });
});

describe('demo sectorisation', () => {
  it('uses real communes: every INSEE code exists in the COG data of its département, with that name', () => {
    for (const dep of ['35', '13'] as const) {
      const byCode = new Map(current(dep).map((c) => [c.code, c.nom]));
      for (const centre of demoSocialCentres[dep]) {
        expect(byCode.get(centre.seat[0]), centre.name).toBe(centre.seat[1]);
        for (const [insee, name] of centre.communes) expect(byCode.get(insee), `${centre.name}: ${name}`).toBe(name);
      }
    }
    expect(demoSocialCentres['35']).toHaveLength(8);
    expect(demoSocialCentres['13']).toHaveLength(12);
  });

  it('seeds the 8 CDAS of Ille-et-Vilaine, each serving its seat', async () => {
    const centres = await listSocialCentres(t.deps.db, '35');
    expect(centres.map((c) => c.name).sort()).toEqual(demoSocialCentres['35'].map((c) => c.name).sort());
    for (const c of centres) expect(c.communeCount).toBeGreaterThanOrEqual(3);
    expect((await findCentreForCommune(t.deps.db, '35049'))?.name).toBe('CDAS de Saint-Malo');
    expect(await findCentreForCommune(t.deps.db, '35238')).toBeNull();
  });

  it('lets the database refuse a second centre for one commune', async () => {
    const [other] = await queryRows<{ id: string }>(t.deps.db, sql`select id from social_centres where name = 'CDAS de Vitré'`);
    await expect(
      t.deps.db.execute(sql`insert into social_centre_communes (social_centre_id, commune_insee) values (${other!.id}, '35288')`),
    ).rejects.toThrow();
    const refused = await addCommunesToCentre(t.deps, { id: null, label: 'test' }, other!.id, ['35288']);
    expect(refused).toMatchObject({ ok: false, reason: 'served_elsewhere', centreName: 'CDAS de Saint-Malo' });
    expect(refused.ok === false && 'message' in refused && refused.message).toBe(
      'Saint-Malo est déjà rattachée au centre « CDAS de Saint-Malo ». Retirez-la d’abord de ce centre.',
    );
  });
});

describe('scope of a role', () => {
  it('reads a grant against the database: whole département, EPCI, social centre', async () => {
    const whole = await communesInScope(t.deps.db, { socialCentreId: null, communeCodes: [], epciCodes: [] }, { departement: '35' });
    expect(whole).toHaveLength(current('35').length);
    const [rm] = await queryRows<{ siren: string; n: number }>(
      t.deps.db,
      sql`select epci_siren as siren, count(*) as n from communes where insee = '35238' or epci_siren = (select epci_siren from communes where insee = '35238') group by epci_siren`,
    );
    const metro = await communesInScope(t.deps.db, { socialCentreId: null, communeCodes: [], epciCodes: [rm!.siren] });
    expect(metro).toHaveLength(Number(rm!.n));
    expect(metro).toContain('35238');
    const [stMalo] = await queryRows<{ id: string }>(t.deps.db, sql`select id from social_centres where name = 'CDAS de Saint-Malo'`);
    const grant = { socialCentreId: stMalo!.id, communeCodes: [], epciCodes: [] };
    const served = await communesInScope(t.deps.db, grant);
    expect(served).toHaveLength(demoSocialCentres['35'][0]!.communes.length);
    expect(await isCommuneInScope(t.deps.db, grant, '35049')).toBe(true);
    expect(await isCommuneInScope(t.deps.db, grant, '35238')).toBe(false);
    expect(await isCommuneInScope(t.deps.db, { ...grant, communeCodes: ['35238'] }, '35238')).toBe(true);
    expect(await isCommuneInScope(t.deps.db, grant, '99999')).toBe(false);
    expect(await isCommuneInScope(t.deps.db, { socialCentreId: randomIds.uuid(), communeCodes: [], epciCodes: [] }, '35049')).toBe(false);
  });
});
