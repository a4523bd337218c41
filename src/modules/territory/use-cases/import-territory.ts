// Loads the official geography (COG, through @etalab/decoupage-administratif) into our tables: every région
// and département, and the communes and EPCI of one département. Idempotent: rows are upserted, so running it
// at every start or after a package update only refreshes names, postcodes and populations.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { communes, departements, epcis, regions } from '../db/territory.table.ts';
import { toSearchName } from '../domain/search-name.ts';

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}
interface CogEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: Array<{ code: string }>;
}
interface CogDepartement {
  code: string;
  nom: string;
  region: string;
}
interface CogRegion {
  code: string;
  nom: string;
}

const dataDir = join(dirname(createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json')), 'data');

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(join(dataDir, file), 'utf8')) as T;
}

export interface ImportTerritoryResult {
  regions: number;
  departements: number;
  epcis: number;
  communes: number;
  ms: number;
}

// Upserts in slices: one statement per slice keeps the number of bound parameters far below PostgreSQL's 65535.
const SLICE = 500;

export async function importTerritory(deps: { db: Queryable }, departementCode: string): Promise<ImportTerritoryResult> {
  const started = performance.now();
  const [allCommunes, allEpcis, allDepartements, allRegions] = await Promise.all([
    readJson<CogCommune[]>('communes.json'),
    readJson<CogEpci[]>('epci.json'),
    readJson<CogDepartement[]>('departements.json'),
    readJson<CogRegion[]>('regions.json'),
  ]);
  if (!allDepartements.some((d) => d.code === departementCode)) {
    throw new Error(`Département inconnu : ${departementCode}`);
  }
  // Only current communes: « communes déléguées/associées » and Marseille's, Lyon's and Paris's arrondissements
  // are not communes in their own right (Marseille is one commune, 13055, for INSEE and for sectorisation).
  const local = allCommunes.filter((c) => c.departement === departementCode && c.type === 'commune-actuelle');
  const localCodes = new Set(local.map((c) => c.code));
  const localEpcis = allEpcis.filter((e) => e.membres.some((m) => localCodes.has(m.code)));
  const epciOf = new Map<string, string>();
  for (const e of localEpcis) for (const m of e.membres) if (localCodes.has(m.code)) epciOf.set(m.code, e.code);

  const db = deps.db;
  await db
    .insert(regions)
    .values(allRegions.map((r) => ({ code: r.code, name: r.nom })))
    .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name` } });
  await db
    .insert(departements)
    .values(allDepartements.map((d) => ({ code: d.code, name: d.nom, regionCode: d.region })))
    .onConflictDoUpdate({ target: departements.code, set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code` } });
  if (localEpcis.length) {
    await db
      .insert(epcis)
      .values(localEpcis.map((e) => ({ siren: e.code, name: e.nom, nature: e.type, population: e.populationTotale ?? null })))
      .onConflictDoUpdate({
        target: epcis.siren,
        set: { name: sql`excluded.name`, nature: sql`excluded.nature`, population: sql`excluded.population` },
      });
  }
  const rows = local.map((c) => ({
    insee: c.code,
    name: c.nom,
    searchName: toSearchName(c.nom),
    departementCode: c.departement,
    regionCode: c.region,
    epciSiren: epciOf.get(c.code) ?? null,
    postcodes: [...new Set(c.codesPostaux ?? [])].sort(),
    population: c.population ?? null,
  }));
  for (let i = 0; i < rows.length; i += SLICE) {
    await db
      .insert(communes)
      .values(rows.slice(i, i + SLICE))
      .onConflictDoUpdate({
        target: communes.insee,
        set: {
          name: sql`excluded.name`,
          searchName: sql`excluded.search_name`,
          departementCode: sql`excluded.departement_code`,
          regionCode: sql`excluded.region_code`,
          epciSiren: sql`excluded.epci_siren`,
          postcodes: sql`excluded.postcodes`,
          population: sql`excluded.population`,
        },
      });
  }
  return {
    regions: allRegions.length,
    departements: allDepartements.length,
    epcis: localEpcis.length,
    communes: rows.length,
    ms: Math.round(performance.now() - started),
  };
}

/** True once the communes of the département are in the database. */
export async function hasTerritory(q: Queryable, departementCode: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(q, sql`select count(*)::int as n from communes where departement_code = ${departementCode}`);
  return (rows[0]?.n ?? 0) > 0;
}
