import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DashboardConversionQuery, DashboardQuery, DayRange, Month, PageQuery } from '@affdash/core';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { dashboardToken } from '../../middleware/dashboard-token/index.js';
import { csvHeaders } from './csv.js';
import { conditional, notModified } from './etag.js';
import { conversionsCsv, paymentsCsv, statement, statementCsv } from './export.js';
import { firstScreen } from './first-screen.js';
import { checkEnrollmentReadable, dashboardConversionPage, dashboardPaymentPage } from './pages.js';
import { assertReadable } from './readable.js';
import { enrollmentCurrency, resolveRange, seriesPoints } from './series.js';

/** Clicks on this enrollment's link this process has answered are written before it reads. */
const ownClicksWritten = createMiddleware<AppEnv>(async (c, next) => {
  const { brandId, enrollmentId } = c.get('dashboard');
  const { clicks } = c.get('deps');
  if (clicks.pendingFor(brandId, enrollmentId)) await clicks.flush();
  await next();
});

/** `/v1/dashboard`: what a member's dashboard reads with its token. CORS per brand
 * (`embeddingCors`, mounted in `app.ts`). */
export function dashboardRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/enrollments/:enrollmentId', dashboardToken(), ownClicksWritten);
  app.use('/enrollments/:enrollmentId/*', dashboardToken(), ownClicksWritten);
  return app
    .get('/enrollments/:enrollmentId', validate('query', DashboardQuery), async (c) => {
      const { db, links, dashboardVersions } = c.get('deps');
      const grant = c.get('dashboard');
      const fresh = notModified(c, grant);
      if (fresh) return fresh;
      const generation = dashboardVersions.generation;
      // The reader's words come with it (`?locale=`, part of the ETag): no second request.
      const { locale } = c.req.valid('query');
      const { dashboard, version } = await firstScreen(db, links, grant, locale);
      return conditional(c, grant, version, generation) ?? c.json(dashboard);
    })
    .get(
      '/enrollments/:enrollmentId/conversions',
      validate('query', PageQuery.extend(DashboardConversionQuery.shape)),
      async (c) => {
        const { db } = c.get('deps');
        const grant = c.get('dashboard');
        const query = c.req.valid('query');
        const fresh = notModified(c, grant);
        if (fresh) return fresh;
        const generation = c.get('deps').dashboardVersions.generation;
        const version = await checkEnrollmentReadable(db, grant);
        const page = await dashboardConversionPage(db, grant, query, query);
        return conditional(c, grant, version, generation) ?? c.json(page);
      },
    )
    .get('/enrollments/:enrollmentId/payments', validate('query', PageQuery), async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const fresh = notModified(c, grant);
      if (fresh) return fresh;
      const generation = c.get('deps').dashboardVersions.generation;
      const version = await checkEnrollmentReadable(db, grant);
      const page = await dashboardPaymentPage(db, grant, c.req.valid('query'));
      return conditional(c, grant, version, generation) ?? c.json(page);
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
    })
    .get(
      '/enrollments/:enrollmentId/conversions.csv',
      validate('query', DashboardConversionQuery),
      async (c) => {
        const { db } = c.get('deps');
        const grant = c.get('dashboard');
        await checkEnrollmentReadable(db, grant);
        const body = conversionsCsv(db, grant, c.req.valid('query'));
        return c.body(body, 200, csvHeaders(`conversions-${grant.enrollmentId}.csv`));
      },
    )
    .get('/enrollments/:enrollmentId/payments.csv', async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      await checkEnrollmentReadable(db, grant);
      return c.body(paymentsCsv(db, grant), 200, csvHeaders(`payments-${grant.enrollmentId}.csv`));
    })
    .get('/enrollments/:enrollmentId/statements/:month', async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const [, month = '', csv] = /^(.*?)(\.csv)?$/.exec(c.req.param('month')) ?? [];
      if (!Month.safeParse(month).success) {
        throw new ApiError('validation_failed', 'month: a month is YYYY-MM', {
          issues: [{ path: 'month', message: 'a month is YYYY-MM' }],
        });
      }
      const enrollment = await enrollmentCurrency(db, grant);
      assertReadable(enrollment?.status);
      const s = await statement(db, grant, month, enrollment!.currency);
      if (csv) return c.body(statementCsv(s), 200, csvHeaders(`statement-${grant.enrollmentId}-${month}.csv`));
      c.header('Cache-Control', 'private, no-store');
      return c.json(s);
    });
}
