import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/http/guard.ts';
import { pageContext } from '../../platform/http/render.tsx';
import { HomePage } from './home.page.tsx';

export const siteRoutes = new Hono<AppEnv>();

siteRoutes.get('/', allow.anyone, async (c) => c.html(<HomePage ctx={await pageContext(c)} />));
