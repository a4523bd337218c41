// The embed: /integrer (the search in a page made for an iframe), /integrer/relais-annuaire.js (the custom
// element that inserts it), /integrer/cadre.js (the frame's resizing script) and /integrer/aide (for
// webmasters). Only /integrer may be framed, by the origins RELAIS_EMBED_ALLOWED_ORIGINS lists; every other
// page keeps refusing (frame-ancestors 'none' and X-Frame-Options DENY, platform/http/security-headers.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { queryRows } from '../../../platform/db/client.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { contentSecurityPolicy } from '../../../platform/http/security-headers.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { themes } from '../../../platform/views/theme.ts';
import { centreKindOf } from '../../territory/index.ts';
import { parseSearchCriteria, resolveSearchCommune, searchPlaces } from '../use-cases/search-places.ts';
import { EmbedHelpPage } from './embed-help.page.tsx';
import { EmbedPage } from './embed.page.tsx';

export const embedRoutes = new Hono<AppEnv>();

// Both scripts are small and never change while the process runs: read once, served with an ETag.
function script(file: string): { body: string; etag: string } {
  const body = readFileSync(new URL(file, import.meta.url), 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}
const elementScript = script('./relais-annuaire.js');
const frameScript = script('./embed-frame.js');

function serveScript(c: Context<AppEnv>, s: { body: string; etag: string }, crossOrigin: boolean): Response {
  // Host sites load the element's script from their own pages: its address cannot carry a version, so it is
  // cached for a day and revalidated cheaply with its ETag after that.
  c.header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800');
  c.header('etag', s.etag);
  if (crossOrigin) c.header('cross-origin-resource-policy', 'cross-origin');
  if (c.req.header('if-none-match') === s.etag) return c.body(null, 304);
  return c.body(s.body, 200, { 'content-type': 'text/javascript; charset=utf-8' });
}

embedRoutes.get('/integrer/relais-annuaire.js', allow.anyone, (c) => serveScript(c, elementScript, true));
embedRoutes.get('/integrer/cadre.js', allow.anyone, (c) => serveScript(c, frameScript, false));

const INSEE = /^[0-9][0-9AB][0-9]{3}$/;
const SIREN = /^[0-9]{9}$/;

/** `besoins=a,b` and `labels=a,b` (what the element's attributes look like) read as the search's `besoin`, `label`. */
function embedParams(url: URL): URLSearchParams {
  const params = new URLSearchParams(url.searchParams);
  for (const [alias, name] of [
    ['besoins', 'besoin'],
    ['labels', 'label'],
  ] as const) {
    for (const v of params.getAll(alias)) for (const one of v.split(/[\s,]+/).filter(Boolean)) params.append(name, one);
    params.delete(alias);
  }
  return params;
}

type Territory = { kind: 'commune'; code: string; name: string } | { kind: 'epci'; code: string; name: string; communes: string[] };

/** The territory a host site chose: a commune of the département (INSEE code) or an EPCI (SIREN); else none. */
async function findTerritory(c: Context<AppEnv>, raw: string | undefined): Promise<Territory | null> {
  const code = (raw ?? '').trim();
  const db = c.get('deps').db;
  const departement = c.get('deps').config.departement;
  if (INSEE.test(code)) {
    const [row] = await queryRows<{ name: string }>(db, sql`select name from communes where insee = ${code} and departement_code = ${departement}`);
    return row ? { kind: 'commune', code, name: row.name } : null;
  }
  if (SIREN.test(code)) {
    const rows = await queryRows<{ name: string; insee: string }>(
      db,
      sql`select e.name, c.insee from epcis e join communes c on c.epci_siren = e.siren where e.siren = ${code} and c.departement_code = ${departement}`,
    );
    return rows.length ? { kind: 'epci', code, name: rows[0]!.name, communes: rows.map((r) => r.insee) } : null;
  }
  return null;
}

embedRoutes.get('/integrer', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const theme = themes[deps.config.departement];
  const centreNoun = centreKindOf(deps.config.departement);
  c.header('content-security-policy', contentSecurityPolicy({ frameAncestors: deps.config.embed.allowedOrigins }));
  c.header('cache-control', 'no-store');
  const params = embedParams(new URL(c.req.url));
  const territory = await findTerritory(c, params.get('territoire') ?? undefined);
  const parsed = parseSearchCriteria(params);
  let criteria = parsed.criteria;
  // A commune's site shows its commune's places first, unless the visitor typed another commune.
  if (territory?.kind === 'commune' && !criteria.commune.text && !criteria.commune.insee && !criteria.position) {
    criteria = { ...criteria, commune: { text: '', insee: territory.code } };
  }
  const common = { theme, centreNoun, territory: territory?.code ?? null, territoryName: territory?.name ?? null };
  const firstError = parsed.errors[0];
  if (firstError) return c.html(<EmbedPage {...common} criteria={criteria} results={null} error={firstError.message} />, 422);
  const resolved = await resolveSearchCommune(deps.db, criteria);
  if (!resolved.ok) return c.html(<EmbedPage {...common} criteria={resolved.criteria} results={null} error={resolved.message} />, 422);
  const results = await searchPlaces(deps.db, resolved.criteria, deps.clock.now(), territory?.kind === 'epci' ? { communes: territory.communes } : {});
  return c.html(<EmbedPage {...common} criteria={resolved.criteria} results={results} />);
});

embedRoutes.get('/integrer/aide', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const [epci] = await queryRows<{ siren: string; name: string }>(
    deps.db,
    sql`select e.siren, e.name from epcis e join communes c on c.epci_siren = e.siren
        where c.departement_code = ${deps.config.departement} group by e.siren, e.name order by max(c.population) desc nulls last limit 1`,
  );
  return c.html(<EmbedHelpPage ctx={await pageContext(c)} publicUrl={deps.config.publicUrl} exampleEpci={epci ?? null} />);
});
