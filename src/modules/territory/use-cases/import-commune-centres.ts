// Loads the official centre of each commune (a CSV: INSEE code, latitude, longitude) so that a search « near a
// commune » can measure distances. Header spellings vary between publishers (INSEE, IGN, data.gouv.fr extracts):
// the usual ones are accepted. Rows with a bad value are reported and skipped; communes the installation does not
// know (another département) are counted. All the centres are written in one transaction with the audit event.
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows, type Queryable } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { TerritoryDeps } from './territory-deps.ts';

const INSEE_NAMES = ['code_insee', 'insee', 'codgeo', 'insee_com', 'code_commune_insee', 'code_commune', 'com', 'code'];
const LAT_NAMES = ['latitude', 'lat', 'y'];
const LON_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];

export interface CentreLineError {
  readonly line: number;
  readonly message: string;
}

export interface ImportCommuneCentresResult {
  /** Communes of the installation whose centre was written. */
  readonly updated: number;
  readonly unknownCount: number;
  /** The first unknown INSEE codes (up to 50). */
  readonly unknownSample: readonly string[];
  readonly invalid: readonly CentreLineError[];
  readonly invalidCount: number;
  /** A fault of the whole file (no usable header, CSV syntax): nothing was written. */
  readonly fileError: string | null;
}

export interface ImportCommuneCentresInput {
  /** The CSV's rows (the directory module's `readCsv`); a `CsvSyntaxError` it throws is reported as a file fault. */
  rows: AsyncIterable<{ readonly line: number; readonly cells: readonly string[] }>;
  fileName?: string;
  actor: { userId: string | null; label: string };
}

const INSEE = /^(?:\d{2}|2[AB])\d{3}$/u;
const BATCH = 500;

function column(header: string[], names: string[]): number {
  const normalised = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const i = normalised.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/** A coordinate as written in French or English (« 48,1113 » or « 48.1113 »), or null. */
function coordinate(text: string, limit: number): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^[+-]?\d+(?:\.\d+)?$/u.test(t)) return null;
  const n = Number(t);
  return Math.abs(n) <= limit ? n : null;
}

async function writeBatch(q: Queryable, batch: { insee: string; lat: number; lon: number }[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const values = sql.join(
    batch.map((b) => sql`(${b.insee}::text, ${b.lat}::float8, ${b.lon}::float8)`),
    sql`, `,
  );
  const rows = await queryRows<{ insee: string }>(
    q,
    sql`update communes c set latitude = v.lat, longitude = v.lon from (values ${values}) as v(insee, lat, lon) where c.insee = v.insee returning c.insee`,
  );
  return new Set(rows.map((r) => r.insee));
}

export async function importCommuneCentres(deps: TerritoryDeps, input: ImportCommuneCentresInput): Promise<ImportCommuneCentresResult> {
  const invalid: CentreLineError[] = [];
  let invalidCount = 0;
  const unknownSample: string[] = [];
  let unknownCount = 0;
  let updated = 0;
  const bad = (line: number, message: string) => {
    invalidCount++;
    if (invalid.length < 1000) invalid.push({ line, message });
  };
  const fail = (fileError: string): ImportCommuneCentresResult => ({ updated: 0, unknownCount: 0, unknownSample: [], invalid: [], invalidCount: 0, fileError });

  class FileFault extends Error {}
  try {
    return await inTransaction(deps.db, async (tx) => {
      let header: string[] | null = null;
      let cols = { insee: -1, lat: -1, lon: -1 };
      let batch: { insee: string; lat: number; lon: number }[] = [];
      const flush = async () => {
        const found = await writeBatch(tx, batch);
        updated += found.size;
        for (const b of batch) {
          if (found.has(b.insee)) continue;
          unknownCount++;
          if (unknownSample.length < 50) unknownSample.push(b.insee);
        }
        batch = [];
      };
      for await (const { line, cells } of input.rows) {
        if (!header) {
          header = [...cells];
          cols = { insee: column(header, INSEE_NAMES), lat: column(header, LAT_NAMES), lon: column(header, LON_NAMES) };
          const missing = [
            cols.insee < 0 ? 'le code INSEE (code_insee, insee ou codgeo)' : null,
            cols.lat < 0 ? 'la latitude (latitude ou lat)' : null,
            cols.lon < 0 ? 'la longitude (longitude, lon ou lng)' : null,
          ].filter((m) => m !== null);
          if (missing.length > 0) {
            const semicolons = header.length === 1 && header[0]!.includes(';') ? ' Les colonnes doivent être séparées par des virgules.' : '';
            throw new FileFault(`Ligne ${line} : l’en-tête ne contient pas de colonne pour ${missing.join(', ')}.${semicolons}`);
          }
          continue;
        }
        const insee = (cells[cols.insee] ?? '').trim().toUpperCase();
        const latText = cells[cols.lat] ?? '';
        const lonText = cells[cols.lon] ?? '';
        const lat = coordinate(latText, 90);
        const lon = coordinate(lonText, 180);
        const faults: string[] = [];
        if (!INSEE.test(insee)) faults.push(`le code INSEE « ${insee} » n’est pas un code de commune (5 caractères)`);
        if (lat === null) faults.push(`la latitude « ${latText.trim()} » n’est pas un nombre entre -90 et 90`);
        if (lon === null) faults.push(`la longitude « ${lonText.trim()} » n’est pas un nombre entre -180 et 180`);
        if (faults.length > 0) {
          bad(line, `Ligne ${line} : ${faults.join(' ; ')}`);
          continue;
        }
        batch.push({ insee, lat: lat!, lon: lon! });
        if (batch.length >= BATCH) await flush();
      }
      if (!header) throw new FileFault('Le fichier est vide');
      await flush();
      await recordAudit(tx, {
        at: deps.clock.now(),
        actorId: input.actor.userId,
        actorLabel: input.actor.label,
        action: 'territory.communes_centres_imported',
        subjectType: 'communes',
        details: { fileName: input.fileName ?? null, updated, unknown: unknownCount, invalid: invalidCount },
      });
      return { updated, unknownCount, unknownSample, invalid, invalidCount, fileError: null };
    });
  } catch (e) {
    if (e instanceof FileFault) return fail(e.message);
    if (e instanceof Error && e.name === 'CsvSyntaxError') return fail(`${e.message} : aucun centre n’a été enregistré.`);
    throw e;
  }
}
