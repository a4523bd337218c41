// Composition root: global middleware, then each module's routes.
import { FILING_BODY_LIMIT_BYTES, FILING_UPLOAD_PATH, filingCsrfFailure, filingRoutes, followUpRoutes, partnerRoutes, reviewRoutes } from './modules/procedures/index.ts';
import { Hono } from 'hono';
import type { Logger } from 'pino';
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
import { agentAppointmentRoutes, publicAppointmentRoutes } from './modules/appointments/index.ts';
import { accompanimentRoutes } from './modules/accompaniment/index.ts';
import { mandateRoutes } from './modules/mandates/index.ts';
import { smsAdminRoutes } from './platform/sms/sms.routes.tsx';
import { loggablePath } from './platform/logging.ts';
import { adminRoutes } from './modules/admin/index.tsx';
import { siteRoutes } from './modules/site/index.tsx';
import { accountsRoutes, principalMiddleware } from './modules/accounts/index.ts';
import { territoryRoutes } from './modules/territory/index.ts';
import { isOrientationUpload, ORIENTATION_BODY_LIMIT_BYTES, orientationRoutes } from './modules/orientation/index.ts';
import { editingRoutes, embedRoutes, IMPORT_FORM_OVERHEAD, IMPORT_UPLOAD_PATH, importUploadRoutes, moderationRoutes, openDataRoutes, placeRoutes, searchRoutes } from './modules/directory/index.ts';

function lazyChild(parent: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  return new Proxy({} as Logger, {
    get(_target, prop) {
      child ??= parent.child(bindings);
      const value = Reflect.get(child, prop, child) as unknown;
      return typeof value === 'function' ? value.bind(child) : value;
    },
  });
}

/** Answers slower than this are logged at info level. */
const SLOW_REQUEST_MS = 500;

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
    const requestId = c.get('requestId');
    // Most requests never log anything: the child logger (with its redaction set-up) is made on first use.
    c.set('logger', lazyChild(deps.logger, { requestId }));
    const started = performance.now();
    await next();
    // Every request is logged at debug level; at info only what an operator needs to see: changes (non-GET),
    // refusals and errors, and slow answers. Logging every page view costs about 40 % of the throughput
    // (docs/benchmarks.md); the access log of the reverse proxy is the place for it.
    const ms = Math.round(performance.now() - started);
    const status = c.res.status;
    const notable = status >= 400 || ms >= SLOW_REQUEST_MS || (c.req.method !== 'GET' && c.req.method !== 'HEAD');
    const entry = { method: c.req.method, path: loggablePath(c.req.url), status, ms };
    if (notable) deps.logger.info({ requestId, ...entry }, 'request');
    else deps.logger.debug({ requestId, ...entry }, 'request');
  });
  const defaultLimit = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: async (c) => c.html(<ErrorPage ctx={await pageContext(c as never)} status={413} />, 413),
  });
  // The bulk import of places takes larger files; one too large goes back to the form, which says so by the field.
  const importLimit = bodyLimit({
    maxSize: deps.config.importMaxBytes + IMPORT_FORM_OVERHEAD,
    onError: (c) => c.redirect(`${IMPORT_UPLOAD_PATH}?trop-volumineux=1`, 303),
  });
  // The orientation form carries up to three 5 MB files: it gets a larger limit too.
  const orientationLimit = bodyLimit({
    maxSize: ORIENTATION_BODY_LIMIT_BYTES,
    onError: async (c) => c.html(<ErrorPage ctx={await pageContext(c as never)} status={413} />, 413),
  });
  // A page of a procedure may carry several files (each field has its own cap, checked with the file).
  const filingLimit = bodyLimit({
    maxSize: FILING_BODY_LIMIT_BYTES,
    onError: async (c) => c.html(<ErrorPage ctx={await pageContext(c as never)} status={413} />, 413),
  });
  app.use((c, next) =>
    c.req.path === IMPORT_UPLOAD_PATH && c.req.method === 'POST'
      ? importLimit(c, next)
      : isOrientationUpload(c.req.method, c.req.path)
        ? orientationLimit(c, next)
        : c.req.method === 'POST' && FILING_UPLOAD_PATH.test(c.req.path)
          ? filingLimit(c, next)
          : defaultLimit(c, next),
  );
  app.use(sessionMiddleware);
  // Before the CSRF check, so that its 403 page (and the logs) know who is signed in; it only reads.
  app.use(principalMiddleware);
  app.use(csrfMiddleware);

  setForbiddenRenderer(async (c) => c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403));
  setCsrfFailureRenderer(async (c) => (await filingCsrfFailure(c)) ?? c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403));

  app.route('/', siteRoutes);
  app.route('/', accountsRoutes);
  app.route('/', territoryRoutes);
  // Before the place pages: /lieux/imprimer must not be read as the place « imprimer ».
  app.route('/', searchRoutes);
  app.route('/', embedRoutes);
  app.route('/', placeRoutes);
  app.route('/', adminRoutes);
  app.route('/', mailAdminRoutes);
  app.route('/', smsAdminRoutes);
  app.route('/', openDataRoutes);
  app.route('/', importUploadRoutes);
  app.route('/', editingRoutes);
  app.route('/', moderationRoutes);
  app.route('/', orientationRoutes);
  // Before the filing routes: /demarches/suivi must not be read as the procedure « suivi ».
  app.route('/', followUpRoutes);
  app.route('/', filingRoutes);
  app.route('/', reviewRoutes);
  app.route('/', partnerRoutes);
  app.route('/', publicAppointmentRoutes);
  app.route('/', agentAppointmentRoutes);
  app.route('/', accompanimentRoutes);
  app.route('/', mandateRoutes);

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
