import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, errorResponse } from './http/errors.js';
import { compress } from './middleware/compress/index.js';
import { embeddingCors } from './middleware/embedding-cors/index.js';
import { idempotency } from './middleware/idempotency/index.js';
import type { AppDeps, AppEnv } from './http/context.js';
import { randomString } from './keys/random.js';
import { auditEventRoutes } from './routes/audit-events/index.js';
import { assetRoutes } from './routes/assets/index.js';
import { brandRoutes } from './routes/brand/index.js';
import { brandSessionRoutes } from './routes/brand-sessions/index.js';
import { brandWidgetRoutes } from './routes/brand-widget/index.js';
import { consoleRoutes } from './routes/console/index.js';
import { conversionRoutes } from './routes/conversions/index.js';
import { dashboardKeyRoutes } from './routes/dashboard-keys/index.js';
import { dashboardTokenRoutes } from './routes/dashboard-tokens/index.js';
import { dashboardRoutes } from './routes/dashboard/index.js';
import { emailMessageRoutes, offerEmailRoutes } from './routes/emails/index.js';
import { enrollmentRoutes } from './routes/enrollments/index.js';
import { healthRoutes } from './routes/health/index.js';
import { hostedRoutes } from './routes/hosted/index.js';
import { jwksRoutes } from './routes/jwks/index.js';
import { memberRoutes } from './routes/members/index.js';
import { offerMemberRoutes } from './routes/offer-members/index.js';
import { offerSummaryRoutes } from './routes/offer-summaries/index.js';
import { offerRoutes } from './routes/offers/index.js';
import { openApiRoutes } from './routes/openapi/index.js';
import { paymentRoutes } from './routes/payments/index.js';
import { trackingRoutes } from './routes/tracking/index.js';
import { unsubscribeRoutes } from './routes/unsubscribe/index.js';
import { webhookDeliveryRoutes, webhookEndpointRoutes } from './routes/webhooks/index.js';
import { widgetRoutes } from './routes/widget/index.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the whole API as a Hono app. It never listens: `serve.ts` does. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId({ generator: () => `req_${randomString(16)}` }));
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(deps.rateLimits.failedAuth);
  app.use('/d/*', deps.rateLimits.hosted);
  app.use(
    secureHeaders({
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      xFrameOptions: false,
      contentSecurityPolicy: undefined,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError('payload_too_large', 'The request body is over 1 MiB.');
    },
  });
  // GET and HEAD carry no body: not reading one keeps reads off a Request's construction
  app.use('/v1/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  // A write answered here must not leave this process a 304 (or a tracking link) of what it
  // changed while its NOTIFY is on the way: they start over (other processes hear the NOTIFY).
  app.use('/v1/*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS' && c.res.status < 400) {
      deps.dashboardVersions.forgetAll();
      deps.linkTargets.forgetAll();
    }
  });

  // JSON answers and the server's pages, compressed above 1 KiB (the widget is precompressed);
  // outside the idempotency middleware, so what it keeps is the plain answer
  app.use('/v1/*', compress());
  app.use('/d/*', compress());
  app.use('/d', compress());

  // every POST and PATCH of the brand API: a request with an Idempotency-Key runs in the
  // transaction that keeps its answer
  app.use('/v1/*', idempotency());

  // before the dashboard routes: it decides CORS per brand once the token is verified
  app.use('/v1/dashboard/*', embeddingCors());
  // the brand-side components call these from the brand's admin pages with a session secret
  const componentCors = embeddingCors({
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['X-Request-Id', 'Idempotent-Replayed'],
    sessionsOnly: true,
  });
  for (const path of ['/v1/offers', '/v1/offers/*', '/v1/offer-summaries', '/v1/emails/*']) app.use(path, componentCors);

  app.route('/v1/brand', brandRoutes());
  app.route('/v1/offers/:offerId/emails', offerEmailRoutes());
  app.route('/v1/offers/:offerId/members', offerMemberRoutes());
  app.route('/v1/offers', offerRoutes());
  app.route('/v1/offer-summaries', offerSummaryRoutes());
  app.route('/v1/members', memberRoutes());
  app.route('/v1/enrollments', enrollmentRoutes());
  app.route('/v1/conversions', conversionRoutes());
  app.route('/v1/payments', paymentRoutes());
  app.route('/v1/emails', emailMessageRoutes());
  app.route('/v1/dashboard-tokens', dashboardTokenRoutes());
  app.route('/v1/dashboard-keys', dashboardKeyRoutes());
  app.route('/v1/webhook-endpoints', webhookEndpointRoutes());
  app.route('/v1/webhook-deliveries', webhookDeliveryRoutes());
  app.route('/v1/brand-sessions', brandSessionRoutes());
  app.route('/v1/audit-events', auditEventRoutes());
  app.route('/v1/dashboard', dashboardRoutes());
  app.route('/t', trackingRoutes());
  app.route('/u', unsubscribeRoutes());
  app.route('/', hostedRoutes());
  // before the widget's `/widget/:file` (its content-hashed name)
  app.route('/widget', brandWidgetRoutes());
  app.route('/widget', widgetRoutes());
  app.route('/console', consoleRoutes());
  app.route('/assets', assetRoutes());
  app.route('/', healthRoutes());
  app.route('/', jwksRoutes());
  app.route('/', openApiRoutes());

  app.notFound((c) => errorResponse(new ApiError('not_found', `No route ${c.req.method} ${c.req.path}`), c));
  app.onError((err, c) => errorResponse(err, c));
  return app;
}

export type App = ReturnType<typeof createApp>;
