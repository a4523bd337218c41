import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { adminCentresRoutes } from './admin-centres.routes.tsx';
import { publicRoutes } from './public.routes.tsx';

/** Every route of the territory module, mounted at the root by the composition root. */
export const territoryRoutes = new Hono<AppEnv>();
territoryRoutes.route('/', publicRoutes);
territoryRoutes.route('/', adminCentresRoutes);
