import { Hono, type Context } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/http/guard.ts';
import { cachedPublicPage } from '../../platform/http/page-cache.ts';
import { pageContext } from '../../platform/http/render.tsx';
import type { PageContext } from '../../platform/views/layout.tsx';
import { AccessibilityPage } from './accessibility.page.tsx';
import { HomePage } from './home.page.tsx';
import { LegalNoticePage } from './legal-notice.page.tsx';
import { PersonalDataPage } from './personal-data.page.tsx';
import { SiteMapPage } from './site-map.page.tsx';

export { sitePages, type SitePage } from './site-map.ts';

export const siteRoutes = new Hono<AppEnv>();

/** These pages depend only on the code and the département: render once per process and département. */
function staticPage(key: string, Page: FC<{ ctx: PageContext }>) {
  return (c: Context<AppEnv>) =>
    cachedPublicPage(c, `${key}-${c.get('deps').config.departement}`, async () => String(<Page ctx={await pageContext(c)} />));
}

siteRoutes.get('/', allow.anyone, staticPage('home', HomePage));
siteRoutes.get('/accessibilite', allow.anyone, staticPage('accessibilite', AccessibilityPage));
siteRoutes.get('/mentions-legales', allow.anyone, staticPage('mentions-legales', LegalNoticePage));
siteRoutes.get('/donnees-personnelles', allow.anyone, staticPage('donnees-personnelles', PersonalDataPage));
siteRoutes.get('/plan-du-site', allow.anyone, staticPage('plan-du-site', SiteMapPage));
