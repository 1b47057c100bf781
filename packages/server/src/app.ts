import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { answerError, ApiError, errorResponse } from './http/errors.js';
import { compress } from './middleware/compress/index.js';
import { embeddingCors } from './middleware/embedding-cors/index.js';
import { idempotency } from './middleware/idempotency/index.js';
import { brandCredentials } from './middleware/brand-access/index.js';
import { router } from './http/router.js';
import { apiRoutes } from './routes/index.js';
import type { AppDeps, AppEnv } from './http/context.js';
import { randomString } from './keys/random.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the whole API as a Hono app. It never listens: `serve.ts` does. */
export function createApp(deps: AppDeps) {
  const app = router();
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

  // the brand API's one authentication (an API key or a brand session); each route's own
  // definition says which of them it takes
  app.use('/v1/*', brandCredentials());
  // every POST and PATCH of the brand API: a request with an Idempotency-Key runs in the
  // transaction that keeps its answer
  app.use('/v1/*', idempotency());

  app.route('/', apiRoutes());

  app.notFound((c) => errorResponse(new ApiError('not_found', `No route ${c.req.method} ${c.req.path}`), c));
  // the one place an error becomes an answer: a page on page routes, the JSON body elsewhere
  app.onError((err, c) => answerError(err, c));
  return app;
}

export type App = ReturnType<typeof createApp>;
