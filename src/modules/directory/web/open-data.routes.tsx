// « Données ouvertes »: the page listing the exports, and the exports themselves at stable URLs, streamed, with
// ETag and Last-Modified from a cheap fingerprint (count and latest change) so that harvesters polling every
// night get a 304 without a byte of data when nothing changed.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { exportFingerprint, type ExportKind, type Fingerprint } from '../db/open-data-queries.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { dataInclusionServices, dataInclusionStructures, placesCsv, placesGeoJson, placesJson } from '../use-cases/export-open-data.ts';
import { OpenDataPage, type OpenDataset } from './open-data.page.tsx';

export const openDataRoutes = new Hono<AppEnv>();

interface ExportDefinition {
  path: string;
  title: string;
  format: string;
  description: string;
  kind: ExportKind;
  contentType: string;
  fileName: string;
  body: (q: Queryable, producer: string) => AsyncIterable<string>;
}

// Bump when the shape of an export changes, so that caches holding the old shape are refreshed.
const FORMAT_VERSION = 1;

export const openDataExports: ExportDefinition[] = [
  {
    path: '/donnees/lieux.csv',
    title: 'Lieux de médiation numérique (CSV)',
    format: 'CSV, schéma « lieux de médiation numérique » v1.0.2',
    description: 'Le fichier exact du standard national : colonnes dans l’ordre du schéma, valeurs multiples séparées par « | », téléphones au format international, UTF-8.',
    kind: 'places',
    contentType: 'text/csv; charset=utf-8',
    fileName: 'lieux-mediation-numerique.csv',
    body: (q) => placesCsv(q),
  },
  {
    path: '/donnees/lieux.json',
    title: 'Lieux de médiation numérique (JSON)',
    format: 'JSON, mêmes champs que le schéma v1.0.2',
    description: 'Un tableau d’objets : les valeurs multiples sont des listes, les coordonnées des nombres.',
    kind: 'places',
    contentType: 'application/json; charset=utf-8',
    fileName: 'lieux-mediation-numerique.json',
    body: (q) => placesJson(q),
  },
  {
    path: '/donnees/lieux.geojson',
    title: 'Lieux de médiation numérique (GeoJSON)',
    format: 'GeoJSON (FeatureCollection)',
    description: 'Les lieux dont la position est connue, pour un logiciel de cartographie.',
    kind: 'geolocated-places',
    contentType: 'application/geo+json; charset=utf-8',
    fileName: 'lieux-mediation-numerique.geojson',
    body: (q) => placesGeoJson(q),
  },
  {
    path: '/donnees/data-inclusion/structures.json',
    title: 'Structures (data·inclusion)',
    format: 'JSON, schéma data·inclusion v1',
    description: 'Les structures de l’annuaire qui ont au moins un lieu ou un service publié.',
    kind: 'structures',
    contentType: 'application/json; charset=utf-8',
    fileName: 'structures.json',
    body: (q, producer) => dataInclusionStructures(q, producer),
  },
  {
    path: '/donnees/data-inclusion/services.json',
    title: 'Services (data·inclusion)',
    format: 'JSON, schéma data·inclusion v1',
    description: 'Les services publiés, avec l’adresse et les horaires du lieu où ils sont rendus.',
    kind: 'services',
    contentType: 'application/json; charset=utf-8',
    fileName: 'services.json',
    body: (q, producer) => dataInclusionServices(q, producer),
  },
];

function etagOf(kind: ExportKind, f: Fingerprint): string {
  return `W/"${kind}-${FORMAT_VERSION}-${f.count}-${f.lastModified?.getTime() ?? 0}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** True when the client's copy is current (RFC 9110: If-None-Match wins over If-Modified-Since). */
function notModified(c: Context<AppEnv>, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => opaque(t) === opaque(etag));
  }
  const since = c.req.header('if-modified-since');
  if (since && lastModified) {
    const t = Date.parse(since);
    return !Number.isNaN(t) && Math.floor(lastModified.getTime() / 1000) * 1000 <= t;
  }
  return false;
}

function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // Pulled: the next batch is read from the database only when the client has taken the previous chunk.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

for (const def of openDataExports) {
  openDataRoutes.get(def.path, allow.anyone, async (c) => {
    const deps = c.get('deps');
    const fingerprint = await exportFingerprint(deps.db, def.kind);
    const etag = etagOf(def.kind, fingerprint);
    const headers: Record<string, string> = {
      etag,
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    };
    if (fingerprint.lastModified) headers['last-modified'] = fingerprint.lastModified.toUTCString();
    if (notModified(c, etag, fingerprint.lastModified)) return c.body(null, 304, headers);
    headers['content-type'] = def.contentType;
    if (def.path.endsWith('.csv')) headers['content-disposition'] = `attachment; filename="${def.fileName}"`;
    return c.body(streamOf(def.body(deps.db, `relais-${deps.config.departement}`)), 200, headers);
  });
}

openDataRoutes.get('/donnees', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const datasets: OpenDataset[] = await Promise.all(
    openDataExports.map(async (def) => {
      const f = await exportFingerprint(deps.db, def.kind);
      return { path: def.path, title: def.title, format: def.format, description: def.description, rows: f.count, lastModified: f.lastModified };
    }),
  );
  return c.html(<OpenDataPage ctx={await pageContext(c)} datasets={datasets} publicUrl={deps.config.publicUrl} />);
});
