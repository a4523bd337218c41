// Composition root: global middleware, then each module's routes.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './platform/http/context.ts';
import { csrfMiddleware, setCsrfFailureRenderer } from './platform/http/csrf.ts';
import { pageContext } from './platform/http/render.tsx';
import { securityHeaders } from './platform/http/security-headers.ts';
import { sessionMiddleware } from './platform/http/session.ts';
import { allow, setForbiddenRenderer } from './platform/http/guard.ts';
import { staticAssets } from './platform/http/static-assets.ts';
import { ErrorPage } from './platform/views/error-page.tsx';
import { healthRoutes } from './platform/health/health.routes.ts';
import { mailAdminRoutes } from './platform/mail/mails.routes.tsx';
import { loggablePath } from './platform/logging.ts';
import { adminRoutes } from './modules/admin/index.tsx';
import { siteRoutes } from './modules/site/index.tsx';
import { accountsRoutes, principalMiddleware } from './modules/accounts/index.ts';
import { territoryRoutes } from './modules/territory/index.ts';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('principal', { kind: 'anonymous' });
    c.set('session', { idHash: null, userId: null, csrfToken: null, data: {} });
    await next();
  });
  app.use(securityHeaders);
  // Static files need no session and no request log.
  app.get('/assets/*', allow.anyone, staticAssets);
  // Probes neither read nor create a session, and are not logged (they come every few seconds).
  app.route('/', healthRoutes);

  app.use(requestId({ headerName: 'x-request-id' }));
  // HTML pages are compressed (small phones on slow networks); cached pages and assets come precompressed.
  app.use(compress());
  app.use(async (c, next) => {
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    const started = performance.now();
    await next();
    logger.info(
      { method: c.req.method, path: loggablePath(c.req.url), status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use(
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: async (c) => c.html(<ErrorPage ctx={await pageContext(c as never)} status={413} />, 413),
    }),
  );
  app.use(sessionMiddleware);
  // Before the CSRF check, so that its 403 page (and the logs) know who is signed in; it only reads.
  app.use(principalMiddleware);
  app.use(csrfMiddleware);

  setForbiddenRenderer(async (c) => c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403));
  setCsrfFailureRenderer(async (c) => c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403));

  app.route('/', siteRoutes);
  app.route('/', accountsRoutes);
  app.route('/', territoryRoutes);
  app.route('/', adminRoutes);
  app.route('/', mailAdminRoutes);

  app.notFound(async (c) => c.html(<ErrorPage ctx={await pageContext(c)} status={404} />, 404));
  app.onError(async (err, c) => {
    (c.get('logger') ?? deps.logger).error({ err }, 'unhandled error');
    try {
      return c.html(<ErrorPage ctx={await pageContext(c)} status={500} requestId={c.get('requestId')} />, 500);
    } catch {
      return c.text('Désolé, le service rencontre un problème. Réessayez plus tard.', 500);
    }
  });
  return app;
}
