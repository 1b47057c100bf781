import { auditEventRoutes } from './audit-events/index.js';
import { assetRoutes } from './assets/index.js';
import { brandRoutes } from './brand/index.js';
import { brandSessionRoutes } from './brand-sessions/index.js';
import { brandWidgetRoutes } from './brand-widget/index.js';
import { consoleRoutes } from './console/index.js';
import { conversionRoutes } from './conversions/index.js';
import { dashboardKeyRoutes } from './dashboard-keys/index.js';
import { dashboardTokenRoutes } from './dashboard-tokens/index.js';
import { docsRoutes } from './docs/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import { emailMessageRoutes, offerEmailRoutes } from './emails/index.js';
import { enrollmentRoutes } from './enrollments/index.js';
import { healthRoutes } from './health/index.js';
import { hostedRoutes } from './hosted/index.js';
import { jwksRoutes } from './jwks/index.js';
import { memberRoutes } from './members/index.js';
import { offerMemberRoutes } from './offer-members/index.js';
import { offerSummaryRoutes } from './offer-summaries/index.js';
import { offerRoutes } from './offers/index.js';
import { openApiRoutes } from './openapi/index.js';
import { paymentRoutes } from './payments/index.js';
import { trackingRoutes } from './tracking/index.js';
import { unsubscribeRoutes } from './unsubscribe/index.js';
import { webhookDeliveryRoutes, webhookEndpointRoutes } from './webhooks/index.js';
import { widgetRoutes } from './widget/index.js';
import { router } from '../http/router.js';
import { buildOpenApiDocument, type Json } from '../openapi/document.js';

/**
 * Every route of the HTTP API, each defined once (`http/route.ts`): the app mounts them behind
 * its middleware, and the OpenAPI document is built from their definitions.
 */
export function apiRoutes() {
  const app = router();
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
  app.route('/docs', docsRoutes());
  app.route('/', openApiRoutes(() => buildOpenApiDocument(app.openAPIRegistry.definitions)));
  return app;
}

/** The OpenAPI document of every route `apiRoutes()` defines (for tests and the docs). */
export function openApiDocument(): Json {
  return buildOpenApiDocument(apiRoutes().openAPIRegistry.definitions);
}
