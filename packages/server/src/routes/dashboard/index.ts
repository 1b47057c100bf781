import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { DashboardConversionQuery, DayRange, PageQuery } from '@affdash/core';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { dashboardToken } from '../../middleware/dashboard-token/index.js';
import { firstScreen } from './first-screen.js';
import { checkEnrollmentReadable, dashboardConversionPage, dashboardPaymentPage } from './pages.js';
import { assertReadable } from './readable.js';
import { enrollmentCurrency, resolveRange, seriesPoints } from './series.js';

/** `/v1/dashboard`: what a member's dashboard reads with its token. CORS open. */
export function dashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['X-Request-Id'],
      maxAge: 600,
    }),
  );
  app.use('/enrollments/:enrollmentId', dashboardToken());
  app.use('/enrollments/:enrollmentId/*', dashboardToken());
  return app
    .get('/enrollments/:enrollmentId', async (c) => {
      const { db, keys, config } = c.get('deps');
      const dashboard = await firstScreen(db, { keys, publicUrl: config.publicUrl }, c.get('dashboard'));
      c.header('Cache-Control', 'private, no-store');
      return c.json(dashboard);
    })
    .get(
      '/enrollments/:enrollmentId/conversions',
      validate('query', PageQuery.extend(DashboardConversionQuery.shape)),
      async (c) => {
        const { db } = c.get('deps');
        const grant = c.get('dashboard');
        const query = c.req.valid('query');
        await checkEnrollmentReadable(db, grant);
        return c.json(await dashboardConversionPage(db, grant, query, query));
      },
    )
    .get('/enrollments/:enrollmentId/payments', validate('query', PageQuery), async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      await checkEnrollmentReadable(db, grant);
      return c.json(await dashboardPaymentPage(db, grant, c.req.valid('query')));
    })
    .get('/enrollments/:enrollmentId/series', validate('query', DayRange), async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const range = resolveRange(c.req.valid('query'));
      const [enrollment, points] = await Promise.all([
        enrollmentCurrency(db, grant),
        seriesPoints(db, grant, range),
      ]);
      assertReadable(enrollment?.status);
      c.header('Cache-Control', 'private, no-store');
      return c.json({ ...range, currency: enrollment!.currency, points });
    });
}
