// Public pages: commune search (page and JSON for the autocomplete), a commune's page, « Trouver mon CDAS / ma MDS ».
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { findCentreForCommune } from '../db/social-centre-queries.ts';
import { communeLabel } from '../domain/search-name.ts';
import { centreKindOf, myCentre } from '../domain/social-centre.ts';
import { resolveCommuneField } from '../use-cases/resolve-commune-field.ts';
import { getCommuneDetails, searchCommunes } from '../use-cases/search-communes.ts';
import { readCommuneField } from './commune-field.tsx';
import { CommunePage, CommuneSearchPage } from './communes.page.tsx';
import { MyCentrePage } from './my-centre.page.tsx';

export const publicRoutes = new Hono<AppEnv>();

const query = (v: string | undefined) => (v ?? '').slice(0, 200);

publicRoutes.get('/communes', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const q = query(c.req.query('q')).trim();
  const results = q ? await searchCommunes(deps.db, q, { departement: deps.config.departement, limit: 50 }) : null;
  return c.html(<CommuneSearchPage ctx={await pageContext(c)} q={q} results={results} />);
});

publicRoutes.get('/communes/:insee', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const insee = c.req.param('insee');
  const commune = /^[0-9][0-9AB][0-9]{3}$/.test(insee) ? await getCommuneDetails(deps.db, insee) : null;
  if (!commune) return c.notFound();
  const centre = await findCentreForCommune(deps.db, insee);
  return c.html(<CommunePage ctx={await pageContext(c)} commune={commune} centre={centre} centreNoun={centreKindOf(deps.config.departement)} />);
});

// The autocomplete's source. `departement` narrows the search (forms about the département's own services).
publicRoutes.get('/api/communes', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const q = query(c.req.query('q'));
  const dep = c.req.query('departement');
  const results = await searchCommunes(deps.db, q, { ...(dep && /^[0-9][0-9AB]$/.test(dep) ? { departement: dep } : {}), limit: 8 });
  c.header('cache-control', 'public, max-age=300');
  return c.json({
    results: results.map((r) => ({ insee: r.insee, name: r.name, postcodes: r.postcodes, label: communeLabel(r) })),
  });
});

publicRoutes.get('/mon-centre', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const kind = centreKindOf(deps.config.departement);
  const title = `Trouver ${myCentre(kind)}`;
  const common = { title, noun: kind, departement: deps.config.departement };
  const asked = c.req.query('commune') !== undefined || c.req.query('communeInsee') !== undefined;
  const value = readCommuneField(c.req.query(), 'commune');
  if (!asked) return c.html(<MyCentrePage ctx={await pageContext(c)} {...common} value={value} />);
  const r = await resolveCommuneField(deps.db, value, { departement: deps.config.departement });
  if (r.kind === 'found') {
    const centre = await findCentreForCommune(deps.db, r.commune.insee);
    return c.html(
      <MyCentrePage
        ctx={await pageContext(c)}
        {...common}
        value={{ text: communeLabel(r.commune), insee: r.commune.insee }}
        answer={{ commune: r.commune, centre }}
      />,
    );
  }
  const error = r.kind === 'empty' ? 'Saisissez le nom ou le code postal de votre commune' : r.message;
  const candidates = r.kind === 'ambiguous' ? r.candidates : undefined;
  return c.html(<MyCentrePage ctx={await pageContext(c)} {...common} value={value} error={error} candidates={candidates} />, 422);
});
