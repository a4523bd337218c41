// Generates a national-scale directory for the benchmarks: every French commune of ../shared/data/communes-2024.csv
// (with its real centre) and N places spread over them, denser where people live. Deterministic (seeded PRNG).
// The shared data file is read here only; it is never copied into the repository.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { Service, DispositifProgrammeNational, PublicSpecifiquementAdresse } from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { Db } from '../src/platform/db/client.ts';
import { communes } from '../src/modules/territory/db/territory.table.ts';
import { places } from '../src/modules/directory/db/directory.table.ts';
import { openWeekLiteral } from '../src/modules/directory/db/listing-store.ts';
import { prng } from '../seeds/directory.ts';

export const COMMUNES_CSV = new URL('../../shared/data/communes-2024.csv', import.meta.url);

export interface BenchCommune {
  insee: string;
  name: string;
  dep: string;
  reg: string;
  postcode: string;
  lat: number;
  lon: number;
  population: number;
}

export { prng };

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export async function readBenchCommunes(): Promise<BenchCommune[]> {
  if (!existsSync(COMMUNES_CSV)) throw new Error(`Fichier absent : ${COMMUNES_CSV.pathname}`);
  const rl = createInterface({ input: createReadStream(COMMUNES_CSV) });
  let header: string[] | null = null;
  const out: BenchCommune[] = [];
  for await (const line of rl) {
    const cells = splitCsvLine(line);
    if (!header) {
      header = cells;
      continue;
    }
    const r = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const lat = Number(r.lat);
    const lon = Number(r.lng);
    if (r.commune_type !== 'COM' || !r.lat || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    out.push({
      insee: r.insee_com!,
      name: r.commune!,
      dep: r.insee_dep!,
      reg: r.insee_reg!,
      postcode: r.code_postal!.split(/[^0-9]/)[0] || '00000',
      lat,
      lon,
      population: Number(r.population_2021) || 0,
    });
  }
  return out;
}

const HOURS = [
  'Mo-Fr 09:00-12:00,14:00-17:30',
  'Tu-Sa 10:00-12:30,13:30-18:00; PH off',
  'Mo,We,Fr 09:00-12:00',
  'Mo-Th 08:30-12:30,13:30-17:00; Fr 08:30-12:00',
  'We 14:00-18:00; Sa 09:00-12:00',
  'Mo-Fr 09:00-17:00; PH off',
  'Tu,Th 14:00-17:00',
  'Mo-Sa 10:00-19:00',
];
const KINDS = ['Médiathèque', 'Espace France Services', 'CCAS', 'Centre social', 'Espace public numérique', 'Association', 'Tiers-lieu', 'Mairie'];
const SERVICES = Object.values(Service);
const PROGRAMS = Object.values(DispositifProgrammeNational);
const PUBLICS = Object.values(PublicSpecifiquementAdresse);

function pick<T>(rand: () => number, list: readonly T[], n: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
  return out;
}

/** Cumulative weights for drawing communes: places follow population, softened so that villages get some. */
export function communeSampler(list: BenchCommune[], rand: () => number): () => BenchCommune {
  const cumulative: number[] = [];
  let total = 0;
  for (const c of list) {
    total += Math.pow(Math.max(c.population, 50), 0.8);
    cumulative.push(total);
  }
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

export async function loadBenchCommunes(db: Db, list: BenchCommune[]): Promise<void> {
  for (let i = 0; i < list.length; i += 2000) {
    await db
      .insert(communes)
      .values(
        list.slice(i, i + 2000).map((c) => ({
          insee: c.insee,
          name: c.name,
          searchName: c.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
          departementCode: c.dep,
          regionCode: c.reg,
          postcodes: [c.postcode],
          population: c.population,
          latitude: c.lat,
          longitude: c.lon,
        })),
      )
      .onConflictDoNothing();
  }
}

export async function generatePlaces(db: Db, list: BenchCommune[], count: number, now: Date): Promise<void> {
  const rand = prng(20261123);
  const draw = communeSampler(list, rand);
  const hours = HOURS.map((h) => ({ text: h, ...openWeekLiteral(h) }));
  const BATCH = 1000;
  for (let done = 0; done < count; done += BATCH) {
    const rows = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const c = draw();
      const h = hours[Math.floor(rand() * hours.length)]!;
      const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
      rows.push({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        source: 'bench',
        sourceId: String(i),
        name: `${kind} de ${c.name} n° ${i}`,
        street: `${1 + Math.floor(rand() * 80)} rue de la République`,
        postcode: c.postcode,
        communeName: c.name,
        communeInsee: c.insee,
        // Within about 3 km of the commune's centre.
        latitude: c.lat + (rand() - 0.5) * 0.05,
        longitude: c.lon + (rand() - 0.5) * 0.07,
        phone: `+332${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        openingHours: h.text,
        openWeek: h.openWeek,
        closedOnPublicHolidays: h.closedOnPublicHolidays,
        services: pick(rand, SERVICES, 1 + Math.floor(rand() * 4)),
        publics: rand() < 0.3 ? pick(rand, PUBLICS, 1) : [],
        fees: [rand() < 0.8 ? 'Gratuit' : 'Payant'],
        nationalPrograms: rand() < 0.4 ? pick(rand, PROGRAMS, 1) : [],
        acceptsPassNumerique: rand() < 0.1,
        updatedOn: '2026-06-01',
        lastEditorKind: 'import' as const,
        createdAt: now,
        updatedAt: now,
      });
    }
    await db.insert(places).values(rows);
  }
  await db.execute(sql`analyze places`);
  await db.execute(sql`analyze communes`);
}
