// The public search of places (/lieux) and its printable list (/lieux/imprimer). Both are GET forms: a search
// is an address a person can keep, share or print.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { themes } from '../../../platform/views/theme.ts';
import { centreKindOf } from '../../territory/index.ts';
import { EMPTY_CRITERIA, parseSearchCriteria, resolveSearchCommune, searchPlaces } from '../use-cases/search-places.ts';
import { mapContentSecurityPolicy } from './place-map.tsx';
import { PrintPage } from './print.page.tsx';
import { SearchPage } from './search.page.tsx';

export const searchRoutes = new Hono<AppEnv>();

const searchParams = (c: Context<AppEnv>) => new URL(c.req.url).searchParams;

searchRoutes.get('/lieux', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const centreNoun = centreKindOf(deps.config.departement);
  const mapStyleUrl = deps.config.map.styleUrl;
  const parsed = parseSearchCriteria(searchParams(c));
  const common = { centreNoun, mapStyleUrl };
  if (!parsed.asked) {
    return c.html(<SearchPage ctx={await pageContext(c)} criteria={EMPTY_CRITERIA} results={null} {...common} />);
  }
  const firstError = parsed.errors[0];
  if (firstError) {
    return c.html(<SearchPage ctx={await pageContext(c)} criteria={parsed.criteria} results={null} error={{ message: firstError.message }} {...common} />, 422);
  }
  const resolved = await resolveSearchCommune(deps.db, parsed.criteria);
  if (!resolved.ok) {
    return c.html(
      <SearchPage
        ctx={await pageContext(c)}
        criteria={resolved.criteria}
        results={null}
        error={{ message: resolved.message, candidates: resolved.candidates }}
        {...common}
      />,
      422,
    );
  }
  const results = await searchPlaces(deps.db, resolved.criteria, deps.clock.now());
  // Only a page that shows a map lets the browser reach the tile server.
  if (results.hits.length) c.header('content-security-policy', mapContentSecurityPolicy(mapStyleUrl));
  return c.html(<SearchPage ctx={await pageContext(c)} criteria={resolved.criteria} results={results} {...common} />);
});

searchRoutes.get('/lieux/imprimer', allow.anyone, async (c) => {
  const deps = c.get('deps');
  const parsed = parseSearchCriteria(searchParams(c));
  const resolved = parsed.errors.length ? null : await resolveSearchCommune(deps.db, parsed.criteria);
  // The print page has no form to correct a faulty search: send the person back to the search page, which explains.
  if (!resolved?.ok) return c.redirect(`/lieux?${searchParams(c).toString()}`, 303);
  const now = deps.clock.now();
  const results = await searchPlaces(deps.db, resolved.criteria, now);
  const centreNoun = centreKindOf(deps.config.departement);
  return c.html(<PrintPage theme={themes[deps.config.departement]} criteria={resolved.criteria} results={results} now={now} centreNoun={centreNoun} />);
});
