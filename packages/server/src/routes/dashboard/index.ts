import { createMiddleware } from 'hono/factory';
import { Dashboard, DashboardConversionQuery, DashboardQuery, DashboardSeries, DashboardStatement, DayRange, Month, PageQuery } from '@affdash/core';
import { conversionsCsv, paymentsCsv, statement, statementCsv } from '../../dashboard/export.js';
import { firstScreenJson } from '../../dashboard/first-screen-bodies.js';
import { checkEnrollmentReadable, dashboardConversionPage, dashboardPaymentPage } from '../../dashboard/pages.js';
import { assertReadable } from '../../dashboard/readable.js';
import { enrollmentCurrency, resolveRange, seriesPoints } from '../../dashboard/series.js';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { DashboardConversionPage, DashboardPaymentPage } from '../../openapi/schemas.js';
import { conditional, notModified } from './etag.js';

/** Clicks on this enrollment's link this process has answered are written before it reads. */
const ownClicksWritten = createMiddleware<AppEnv>(async (c, next) => {
  const { brandId, enrollmentId } = c.get('dashboard');
  const { clicks } = c.get('deps');
  if (clicks.pendingFor(brandId, enrollmentId)) await clicks.flush();
  await next();
});

/** Response headers of a CSV download. */
function csvHeaders(filename: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
  };
}

const dashboard = { tag: 'Dashboard', auth: Auth.dashboardToken, use: [ownClicksWritten] } as const;
const csv = { description: 'RFC 4180 CSV, streamed', media: Media.csv } as const;
const CSV_RULES =
  'RFC 4180 (a header row, CRLF line ends, quoted fields where needed); money as a decimal in the currency\'s ' +
  "digits (`1234.56` USD, `500` JPY) beside a `currency` column; text that starts with `=`, `+`, `-`, `@`, a tab or " +
  "a carriage return gets a leading `'`, so spreadsheets show it rather than run it. The token goes in the " +
  '`Authorization` header (a page saves the download through `fetch` and a `Blob`), never in the URL.';

/** The conversions page's query: a page, and the list's filters. */
const ConversionPageQuery = PageQuery.extend(DashboardConversionQuery.shape);

const firstScreenRoute = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}',
  summary: 'The whole first screen of the dashboard in one request, with the words of `locale`',
  description:
    'Everything the first screen shows in one request and one query: the enrollment (code, tracking link), the ' +
    "brand's look, the offer with its terms worded in the reader's language, totals, the first page of " +
    'conversions and of payments, the last 30 days (`series`) and the payout (`minimum`, `schedule`, ' +
    '`nextPayoutAt`, `remaining`), and every message of the dashboard in the language of `locale` (`messages`). ' +
    'A token reads only the enrollment its `sub` names (any other id is a 404). The answer carries an `ETag` ' +
    '(`Cache-Control: private, no-cache`): with `If-None-Match` of an unchanged dashboard it is a 304, answered ' +
    'without a query.',
  query: DashboardQuery,
  responses: { 200: { description: 'OK', schema: Dashboard } },
});

const conversionPage = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}/conversions',
  summary: "The member's conversions",
  description:
    "The member's conversions, newest first, a page at a time, each order id masked to its last four " +
    'characters; `status`, `from` and `to` filter them. The answer carries an `ETag` like the first screen\'s.',
  query: ConversionPageQuery,
  responses: { 200: { description: 'OK', schema: DashboardConversionPage } },
});

const paymentPage = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}/payments',
  summary: 'The payments made to the member',
  description:
    "The payments made to the member, newest first, a page at a time. The answer carries an `ETag` like the first screen's.",
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: DashboardPaymentPage } },
});

const series = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}/series',
  summary: 'Clicks, conversions, sales and commission per UTC day',
  description:
    'One point per UTC day from `from` to `to`, both included, days without activity as zeros, read from the ' +
    'daily rollup only (a conversion counts on the day it occurred, a payment on its day, a click on its day). ' +
    '`conversions` and `sales` count pending and approved conversions; `commission` is the pending and approved ' +
    "commission of that day's sales, in minor units of `currency`. Without `from` / `to`, the last 30 days up to " +
    'today; with one end only, 30 days from or to it. A range covers at most 366 days; one ending before it ' +
    'starts, a longer one or a malformed day is a 400 `validation_failed`.',
  query: DayRange,
  responses: { 200: { description: 'OK', schema: DashboardSeries } },
});

const conversionsCsvRoute = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}/conversions.csv',
  summary: "The member's conversions as CSV",
  description:
    "The member's conversions as a CSV download (`conversions-<enrollment>.csv`), newest first, streamed 500 rows " +
    'at a time: `id, order_ref (masked), status, occurred_at, expected_approval_at, sale, commission, currency, ' +
    `status_reason\`; it takes the list's \`status\`, \`from\` and \`to\`. ${CSV_RULES}`,
  query: DashboardConversionQuery,
  responses: { 200: csv },
});

const paymentsCsvRoute = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}/payments.csv',
  summary: 'The payments made to the member as CSV',
  description:
    'The payments made to the member as a CSV download (`payments-<enrollment>.csv`), newest first: `id, paid_at, ' +
    `amount, currency, method, reference\`. ${CSV_RULES}`,
  responses: { 200: csv },
});

const statementRoute = route({
  ...dashboard,
  method: 'get',
  path: '/enrollments/{enrollmentId}/statements/{month}',
  summary: 'A monthly statement (`YYYY-MM`; `YYYY-MM.csv` for CSV)',
  description:
    "One month's statement from the daily rollup, by the UTC day of each sale and payment: `openingBalance` " +
    "(approved − paid before the month), `approved` (the commission of the month's sales that was approved, " +
    'including any reversed since), `reversed` (the part of it reversed), `payments` (made in the month) and ' +
    '`closingBalance` = opening + approved − reversed − payments, so the next month opens with it and the current ' +
    "month closes at the dashboard's `balance`. Pending and rejected commission is not in a statement. " +
    '`…/statements/YYYY-MM.csv` answers it as CSV (`statement-<enrollment>-<month>.csv`: `month, currency, ' +
    'opening_balance, approved, reversed, payments, closing_balance`); any other month is a 400 `validation_failed`.',
  responses: { 200: { description: 'The statement; CSV (`text/csv`) when the month ends in `.csv`', schema: DashboardStatement } },
  errors: ['validation_failed'],
});

/** `/v1/dashboard`: what a member's dashboard reads with its token. CORS per brand
 * (`embeddingCors`, mounted in `app.ts`). */
export function dashboardRoutes() {
  return router()
    .openapi(firstScreenRoute, async (c) => {
      const deps = c.get('deps');
      const grant = c.get('dashboard');
      const fresh = notModified(c, grant);
      if (fresh) return fresh;
      const generation = deps.dashboardVersions.generation;
      // The reader's words come with it (`?locale=`, part of the ETag): no second request.
      const { locale } = c.req.valid('query');
      const { json, version } = await firstScreenJson(deps, grant, locale);
      return conditional(c, grant, version, generation) ?? c.body(json, 200, { 'Content-Type': 'application/json' });
    })
    .openapi(conversionPage, async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const query = c.req.valid('query');
      const fresh = notModified(c, grant);
      if (fresh) return fresh;
      const generation = c.get('deps').dashboardVersions.generation;
      const version = await checkEnrollmentReadable(db, grant);
      const page = await dashboardConversionPage(db, grant, query, query);
      return conditional(c, grant, version, generation) ?? c.json(page, 200);
    })
    .openapi(paymentPage, async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const fresh = notModified(c, grant);
      if (fresh) return fresh;
      const generation = c.get('deps').dashboardVersions.generation;
      const version = await checkEnrollmentReadable(db, grant);
      const page = await dashboardPaymentPage(db, grant, c.req.valid('query'));
      return conditional(c, grant, version, generation) ?? c.json(page, 200);
    })
    .openapi(series, async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const range = resolveRange(c.req.valid('query'));
      const [enrollment, points] = await Promise.all([
        enrollmentCurrency(db, grant),
        seriesPoints(db, grant, range),
      ]);
      assertReadable(enrollment);
      c.header('Cache-Control', 'private, no-store');
      return c.json({ ...range, currency: enrollment!.currency, points }, 200);
    })
    .openapi(conversionsCsvRoute, async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      await checkEnrollmentReadable(db, grant);
      const body = conversionsCsv(db, grant, c.req.valid('query'));
      return c.body(body, 200, csvHeaders(`conversions-${grant.enrollmentId}.csv`));
    })
    .openapi(paymentsCsvRoute, async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      await checkEnrollmentReadable(db, grant);
      return c.body(paymentsCsv(db, grant), 200, csvHeaders(`payments-${grant.enrollmentId}.csv`));
    })
    .openapi(statementRoute, async (c) => {
      const { db } = c.get('deps');
      const grant = c.get('dashboard');
      const [, month = '', csv] = /^(.*?)(\.csv)?$/.exec(c.req.param('month')) ?? [];
      if (!Month.safeParse(month).success) {
        throw new ApiError('validation_failed', 'month: a month is YYYY-MM', {
          issues: [{ path: 'month', message: 'a month is YYYY-MM' }],
        });
      }
      const enrollment = await enrollmentCurrency(db, grant);
      assertReadable(enrollment);
      const s = await statement(db, grant, month, enrollment!.currency);
      if (csv) return c.body(statementCsv(s), 200, csvHeaders(`statement-${grant.enrollmentId}-${month}.csv`));
      c.header('Cache-Control', 'private, no-store');
      return c.json(s, 200);
    });
}
