import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/http/guard.ts';
import { cachedPublicPage } from '../../platform/http/page-cache.ts';
import { pageContext } from '../../platform/http/render.tsx';
import { HomePage } from './home.page.tsx';

export const siteRoutes = new Hono<AppEnv>();

siteRoutes.get('/', allow.anyone, (c) =>
  cachedPublicPage(c, 'home', async () => (<HomePage ctx={await pageContext(c)} />).toString()),
);
