import type { BrandComponent, ErrorCode } from '@affdash/core';
import type { BodyName, QueryName, ResponseName } from './schemas.js';

/** Who may call a route: a brand's API key, a member's dashboard token, the hosted-page cookie, anyone. */
export const Auth = {
  apiKey: 'apiKey',
  dashboardToken: 'dashboardToken',
  hostedSession: 'hostedSession',
  consoleSession: 'consoleSession',
  brandSession: 'brandSession',
  none: 'none',
} as const;
export type Auth = (typeof Auth)[keyof typeof Auth];

export const Media = {
  json: 'application/json',
  html: 'text/html',
  csv: 'text/csv',
  javascript: 'text/javascript',
  svg: 'image/svg+xml',
} as const;
export type Media = (typeof Media)[keyof typeof Media];

/** One answer of a route other than the documented error body. */
export interface ResponseDoc {
  status: number;
  description: string;
  /** The JSON body's schema; none for HTML, CSV, JavaScript or a redirect. */
  schema?: ResponseName;
  /** Default `application/json` with a schema, no body without. */
  media?: Media;
}

/** One route of the HTTP API, as the OpenAPI document describes it. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/v1/offers/{id}`. */
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  body?: BodyName;
  query?: QueryName;
  responses: ResponseDoc[];
  /** Error codes this route answers beyond those its auth, body and query imply. */
  errors?: ErrorCode[];
  /** Takes an `Idempotency-Key` header; by default every POST and PATCH with an API key does. */
  idempotencyKey?: boolean;
  /** Takes `Prefer: return=minimal` for a shorter answer. */
  preferMinimal?: boolean;
  /** A brand session enabling one of these components may call it too (besides the API key). */
  session?: readonly BrandComponent[];
  /** Default: the method and the path's words, `getV1OffersId`. */
  operationId?: string;
}

const ok = (schema: ResponseName, description = 'OK'): ResponseDoc => ({ status: 200, description, schema });
const created = (schema: ResponseName, description = 'Created'): ResponseDoc => ({ status: 201, description, schema });
const html = (status: number, description: string): ResponseDoc => ({ status, description, media: Media.html });
const csv: ResponseDoc = { status: 200, description: 'RFC 4180 CSV, streamed', media: Media.csv };

type Details = Omit<RouteDoc, 'method' | 'path' | 'summary' | 'tag' | 'auth'>;

/** Routes of one tag, called with one kind of credential. */
function area(tag: string, auth: Auth) {
  return (method: RouteDoc['method'], path: string, summary: string, details: Details): RouteDoc => ({
    method,
    path,
    summary,
    tag,
    auth,
    ...details,
  });
}

const offers = area('Offers', Auth.apiKey);
const members = area('Members', Auth.apiKey);
const enrollments = area('Enrollments', Auth.apiKey);
const conversions = area('Conversions', Auth.apiKey);
const payments = area('Payments', Auth.apiKey);
const tokens = area('Dashboard tokens', Auth.apiKey);
const emails = area('Emails', Auth.apiKey);
const brand = area('Brand', Auth.apiKey);
const webhooks = area('Webhooks', Auth.apiKey);
const dashboard = area('Dashboard', Auth.dashboardToken);
const open = area('Public', Auth.none);
const hosted = area('Public', Auth.hostedSession);

const send = ['send'] as const;
const anyComponent = ['offers', 'members', 'send'] as const;
const sessions = area('Brand sessions', Auth.apiKey);
const consolePages = area('Console', Auth.consoleSession);

const emailRoutes = (path: string, kind: string, body: BodyName): RouteDoc[] => [
  emails('get', `/v1/offers/{offerId}/emails/${path}/template`, `The default template of the ${kind} email`, {
    responses: [ok('EmailTemplate')],
    session: send,
  }),
  emails('post', `/v1/offers/{offerId}/emails/${path}/preview`, `Render the ${kind} email for each recipient, sending nothing`, {
    body,
    responses: [ok('EmailPreview')],
    errors: ['not_found', 'not_enrolled'],
    session: send,
  }),
  emails('post', `/v1/offers/{offerId}/emails/${path}/send`, `Queue the ${kind} email, one message per recipient`, {
    body,
    responses: [{ status: 202, description: 'Queued', schema: 'EmailSendResult' }],
    errors: ['not_found', 'not_enrolled', 'conflict'],
    session: send,
  }),
  emails('post', `/v1/offers/{offerId}/emails/${path}/test`, `Send me a test: the ${kind} email for a sample member to one address, sent now and not counted as a send`, {
    body: 'EmailTest',
    responses: [ok('EmailTestResult', 'Handed to the mail server')],
    errors: ['not_found', 'email_failed'],
    session: send,
  }),
];

const hostedPage = (path: string, operationId: string): RouteDoc =>
  hosted('get', path, 'The hosted dashboard page again, from the session cookie', {
    operationId,
    responses: [
      html(200, 'The dashboard page'),
      html(401, 'No valid session: open the link from the email, or ask for the current link (an HTML page)'),
      html(410, 'The enrollment ended and its brand keeps ended dashboards closed (an HTML page)'),
    ],
  });

/** Every route the app serves. `test/openapi.test.ts` fails when this and the app disagree. */
export const routes: RouteDoc[] = [
  offers('post', '/v1/offers', 'Create an offer', { body: 'OfferCreate', responses: [created('Offer')] }),
  offers('get', '/v1/offers', 'List offers', { query: 'PageQuery', responses: [ok('OfferPage')], session: anyComponent }),
  offers('get', '/v1/offers/{id}', 'Retrieve an offer', { responses: [ok('Offer')], errors: ['not_found'], session: anyComponent }),
  offers('get', '/v1/offer-summaries', 'Offers with their members, conversions, sales and commission totals', {
    query: 'PageQuery',
    responses: [ok('OfferSummaryPage')],
    session: ['offers'],
  }),
  offers('get', '/v1/offers/{offerId}/members', "The offer's members with their code, links and when each was last emailed; search and filters", {
    query: 'OfferMemberListQuery',
    responses: [ok('OfferMemberPage')],
    errors: ['not_found'],
    session: ['members'],
  }),
  offers('post', '/v1/offers/{offerId}/members', 'Add people to the offer (matched by email or external id, else created); generates codes and links', {
    body: 'OfferMembersAdd',
    responses: [ok('OfferMembersAddResult', 'One result per row, in order')],
    errors: ['not_found'],
    session: ['members'],
  }),
  offers('patch', '/v1/offers/{id}', 'Update an offer', {
    body: 'OfferUpdate',
    responses: [ok('Offer')],
    errors: ['not_found'],
  }),

  members('post', '/v1/members', 'Create a member', {
    body: 'MemberCreate',
    responses: [created('Member')],
    errors: ['conflict'],
  }),
  members('get', '/v1/members', 'List members', { query: 'PageQuery', responses: [ok('MemberPage')] }),
  members('get', '/v1/members/{id}', 'Retrieve a member', { responses: [ok('Member')], errors: ['not_found'] }),
  members('patch', '/v1/members/{id}', 'Update a member', {
    body: 'MemberUpdate',
    responses: [ok('Member')],
    errors: ['not_found', 'conflict'],
  }),

  enrollments('post', '/v1/enrollments', 'Enroll a member in an offer (generates promo code, tracking link and dashboard link)', {
    body: 'EnrollmentCreate',
    responses: [created('Enrollment')],
    errors: ['not_found', 'conflict'],
  }),
  enrollments('post', '/v1/enrollments/bulk', 'Enroll up to 1 000 members in an offer in one transaction', {
    body: 'EnrollmentBulkCreate',
    responses: [ok('EnrollmentBulkResult', 'One result per member, in order')],
    errors: ['not_found'],
  }),
  enrollments('post', '/v1/enrollments/{id}/rotate-dashboard-link', 'Replace the dashboard link (the old one stops working at once)', {
    responses: [ok('Enrollment')],
    errors: ['not_found'],
  }),
  enrollments('get', '/v1/enrollments', 'List enrollments', { query: 'EnrollmentListQuery', responses: [ok('EnrollmentPage')] }),
  enrollments('get', '/v1/enrollments/{id}', 'Retrieve an enrollment', { responses: [ok('Enrollment')], errors: ['not_found'] }),
  enrollments('patch', '/v1/enrollments/{id}', 'Update an enrollment (status, promo code)', {
    body: 'EnrollmentUpdate',
    responses: [ok('Enrollment')],
    errors: ['not_found', 'conflict'],
  }),

  conversions('post', '/v1/conversions', 'Record a conversion (idempotent by order id)', {
    body: 'ConversionCreate',
    responses: [created('Conversion', 'Recorded'), ok('Conversion', 'This order id was recorded before: the existing conversion')],
    errors: ['not_found', 'unknown_promo_code', 'unknown_click', 'enrollment_inactive', 'currency_mismatch', 'total_limit_exceeded'],
  }),
  conversions('post', '/v1/conversions/batch', 'Record up to 1 000 conversions, each on its own', {
    body: 'ConversionBatchCreate',
    responses: [ok('ConversionBatchResult', 'One result per item, in order')],
    errors: ['total_limit_exceeded'],
    preferMinimal: true,
  }),
  conversions('get', '/v1/conversions', 'List conversions', { query: 'ConversionListQuery', responses: [ok('ConversionPage')] }),
  conversions('get', '/v1/conversions/{id}', 'Retrieve a conversion', { responses: [ok('Conversion')], errors: ['not_found'] }),
  conversions('get', '/v1/conversions/{id}/events', "A conversion's status changes, oldest first", {
    responses: [ok('ConversionEventList')],
    errors: ['not_found'],
  }),
  conversions('patch', '/v1/conversions/{id}', 'Approve, reject or reverse a conversion', {
    body: 'ConversionUpdate',
    responses: [ok('Conversion')],
    errors: ['not_found', 'conflict'],
  }),

  payments('post', '/v1/payments', 'Record a payment to a member', {
    body: 'PaymentCreate',
    responses: [created('Payment')],
    errors: ['not_found', 'currency_mismatch', 'total_limit_exceeded'],
  }),
  payments('get', '/v1/payments', 'List payments', { query: 'PaymentListQuery', responses: [ok('PaymentPage')] }),
  payments('get', '/v1/payments/{id}', 'Retrieve a payment', { responses: [ok('Payment')], errors: ['not_found'] }),

  tokens('post', '/v1/dashboard-tokens', "Mint a short-lived token for one member's dashboard (an ended enrollment's only when the brand profile's `endedEnrollmentAccess` is `read_only`)", {
    body: 'DashboardTokenCreate',
    responses: [created('DashboardToken')],
    errors: ['not_found', 'enrollment_inactive'],
  }),
  tokens('post', '/v1/dashboard-keys', 'Create a key for minting dashboard tokens offline (the secret is shown once)', {
    responses: [created('DashboardKeyWithSecret')],
  }),
  tokens('get', '/v1/dashboard-keys', 'List dashboard keys', { responses: [ok('DashboardKeyPage')] }),
  tokens('delete', '/v1/dashboard-keys/{id}', 'Revoke a dashboard key (tokens it signed stop working)', {
    responses: [ok('DashboardKey')],
    errors: ['not_found'],
  }),

  ...emailRoutes('tracking-items', '"sales tracking items"', 'TrackingItemsEmail'),
  ...emailRoutes('members-message', '"email members"', 'MembersMessageEmail'),
  emails('get', '/v1/emails/messages', 'List queued, sent and failed email messages', {
    query: 'EmailMessageListQuery',
    responses: [ok('EmailMessagePage')],
    session: send,
  }),
  emails('get', '/v1/emails/messages/{id}', 'Retrieve an email message', { responses: [ok('EmailMessage')], errors: ['not_found'], session: send }),
  emails('post', '/v1/emails/messages/resend', 'Queue failed messages again', {
    body: 'EmailResend',
    responses: [ok('EmailResendResult')],
    errors: ['not_found'],
    session: send,
  }),

  sessions('post', '/v1/brand-sessions', 'Mint a brand session for staff: a client secret for the components, or a one-time console login link', {
    body: 'BrandSessionCreate',
    responses: [created('BrandSessionWithSecret')],
    errors: ['not_found'],
  }),
  sessions('get', '/v1/brand-sessions', 'List brand sessions', { query: 'PageQuery', responses: [ok('BrandSessionPage')] }),
  sessions('delete', '/v1/brand-sessions/{id}', 'Revoke a brand session and every session opened from it', {
    responses: [ok('BrandSession')],
    errors: ['not_found'],
  }),
  sessions('get', '/v1/audit-events', "What brand sessions did, with their staff user, newest first", {
    query: 'AuditEventListQuery',
    responses: [ok('AuditEventPage')],
  }),

  brand('get', '/v1/brand/allowed-origins', "The origins the brand's dashboards may be embedded on", {
    responses: [ok('AllowedOrigins')],
  }),
  brand('put', '/v1/brand/allowed-origins', 'Replace the allowed origins', {
    body: 'AllowedOrigins',
    responses: [ok('AllowedOrigins')],
  }),
  brand('get', '/v1/brand/profile', 'The brand profile the hosted pages and emails apply', {
    responses: [ok('BrandProfile')],
  }),
  brand('patch', '/v1/brand/profile', 'Update the brand profile (null clears a field)', {
    body: 'BrandProfileUpdate',
    responses: [ok('BrandProfile')],
  }),

  webhooks('post', '/v1/webhook-endpoints', 'Create a webhook endpoint (the signing secret is shown once)', {
    body: 'WebhookEndpointCreate',
    responses: [created('WebhookEndpointWithSecret')],
  }),
  webhooks('get', '/v1/webhook-endpoints', 'List webhook endpoints', { query: 'PageQuery', responses: [ok('WebhookEndpointPage')] }),
  webhooks('get', '/v1/webhook-endpoints/{id}', 'Retrieve a webhook endpoint', {
    responses: [ok('WebhookEndpoint')],
    errors: ['not_found'],
  }),
  webhooks('patch', '/v1/webhook-endpoints/{id}', 'Update, disable or resume a webhook endpoint', {
    body: 'WebhookEndpointUpdate',
    responses: [ok('WebhookEndpoint')],
    errors: ['not_found'],
  }),
  webhooks('delete', '/v1/webhook-endpoints/{id}', 'Delete a webhook endpoint', {
    responses: [ok('WebhookEndpointDeleted')],
    errors: ['not_found'],
  }),
  webhooks('post', '/v1/webhook-endpoints/{id}/rotate-secret', 'Give an endpoint a new signing secret (shown once); the current one signs beside it until it expires', {
    body: 'WebhookSecretRotate',
    responses: [ok('WebhookEndpointWithSecret')],
    errors: ['not_found'],
  }),
  webhooks('get', '/v1/webhook-endpoints/{id}/deliveries', "An endpoint's deliveries, newest first", {
    query: 'PageQuery',
    responses: [ok('WebhookDeliveryPage')],
    errors: ['not_found'],
  }),
  webhooks('get', '/v1/webhook-deliveries/{id}', 'Retrieve a webhook delivery', {
    responses: [ok('WebhookDelivery')],
    errors: ['not_found'],
  }),
  webhooks('post', '/v1/webhook-deliveries/{id}/replay', 'Send a delivery again', {
    responses: [ok('WebhookDelivery')],
    errors: ['not_found', 'conflict'],
  }),

  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}', 'The whole first screen of the dashboard in one request, with the words of `locale`', {
    query: 'DashboardQuery',
    responses: [ok('Dashboard')],
  }),
  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}/conversions', "The member's conversions", {
    query: 'DashboardConversionQuery',
    responses: [ok('DashboardConversionPage')],
  }),
  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}/payments', 'The payments made to the member', {
    query: 'PageQuery',
    responses: [ok('DashboardPaymentPage')],
  }),
  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}/series', 'Clicks, conversions, sales and commission per UTC day', {
    query: 'DayRange',
    responses: [ok('DashboardSeries')],
  }),
  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}/conversions.csv', "The member's conversions as CSV", {
    query: 'DashboardConversionCsvQuery',
    responses: [csv],
  }),
  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}/payments.csv', 'The payments made to the member as CSV', {
    responses: [csv],
  }),
  dashboard('get', '/v1/dashboard/enrollments/{enrollmentId}/statements/{month}', 'A monthly statement (`YYYY-MM`; `YYYY-MM.csv` for CSV)', {
    responses: [ok('DashboardStatement', 'The statement; CSV (`text/csv`) when the month ends in `.csv`')],
    errors: ['validation_failed'],
  }),

  open('get', '/t/{slug}', 'Tracking link: record the click and redirect to the offer', {
    responses: [
      { status: 302, description: "Redirect to the offer's destination with `affdash_click` and its UTM parameters" },
      html(404, 'No such link (an HTML page)'),
      html(410, 'The enrollment or offer is paused or ended (an HTML page)'),
    ],
  }),
  open('get', '/u/{token}', 'The unsubscribe link of bulk member email: a page that asks to confirm', {
    responses: [html(200, 'The confirm page'), html(404, "The link is not valid (an HTML page in the reader's language; the brand's when the token names one)")],
  }),
  open('post', '/u/{token}', 'Unsubscribe in one click (RFC 8058 `List-Unsubscribe=One-Click`, or the confirm button): sets the member\'s email opt-out', {
    responses: [html(200, 'Unsubscribed (an HTML page)'), html(404, "The link is not valid (an HTML page in the reader's language; the brand's when the token names one)")],
  }),
  open('get', '/d/{link}', "A member's hosted dashboard page; sets the session cookie", {
    responses: [
      html(200, 'The dashboard page'),
      html(404, 'The link is not valid (an HTML page)'),
      html(410, 'The link was replaced, or the enrollment ended (an HTML page saying what to do)'),
    ],
  }),
  hostedPage('/d/', 'getDSlash'),
  hostedPage('/d', 'getD'),
  hosted('post', '/d/token', 'A fresh dashboard token for the hosted page, from the session cookie', {
    responses: [created('DashboardToken')],
    errors: ['unauthorized'],
  }),
  open('post', '/d/request-link', "A member asks for their current dashboard link by email (an HTML form's POST: `context`, `email`, `locale`)", {
    responses: [
      html(200, 'The same answer whether or not the address is a member’s (an HTML page)'),
      html(400, 'Not a valid address, or a form this server did not make (an HTML page)'),
      html(429, 'Too many requests for this address or link (an HTML page)'),
    ],
  }),
  open('post', '/d/{link}/token', 'A fresh dashboard token from the dashboard link itself', {
    responses: [created('DashboardToken')],
    errors: ['not_found'],
  }),
  open('get', '/console/login/{secret}', 'A one-time console login link: signs in with a cookie and moves to /console', {
    responses: [{ status: 303, description: 'Signed in; on to `/console`' }, html(404, 'The link was used, expired or is unknown (an HTML page)')],
  }),
  consolePages('get', '/console', 'The hosted brand console', {
    operationId: 'getConsole',
    responses: [html(200, 'The console page'), html(401, 'Signed out (an HTML page)')],
  }),
  consolePages('post', '/console/client-secret', "A short-lived client secret for the console's components", {
    responses: [created('ConsoleClientSecret')],
    errors: ['unauthorized', 'forbidden'],
  }),
  consolePages('post', '/console/sign-out', 'End the console sign-in and every client secret it handed out', {
    responses: [{ status: 303, description: 'Signed out; on to `/console`' }],
    errors: ['forbidden'],
  }),
  open('get', '/widget/affdash-widget.js', 'The widget as one self-contained file, for a script tag', {
    responses: [{ status: 200, description: 'The widget (ES module)', media: Media.javascript }],
    errors: ['not_found'],
  }),
  open('get', '/widget/affdash-brand.js', 'The brand components (`@affdash/widget/brand`) as one file, for a script tag', {
    responses: [{ status: 200, description: 'The brand components (ES module)', media: Media.javascript }],
    errors: ['not_found'],
  }),
  open('get', '/widget/{file}', 'The same file under its content-hashed name `affdash-widget.<hash>.js`, cached immutable for a year', {
    responses: [{ status: 200, description: 'The widget (ES module)', media: Media.javascript }],
    errors: ['not_found'],
  }),
  open('get', '/assets/{name}', 'An image the server serves: `mark.svg` (the favicon of a brand without a logo), `demo-logo.svg`', {
    responses: [{ status: 200, description: 'The image (SVG)', media: Media.svg }],
    errors: ['not_found'],
  }),
  open('get', '/.well-known/jwks.json', 'The public keys that verify dashboard tokens the server signs (JWKS)', {
    responses: [ok('Jwks')],
  }),
  open('get', '/openapi.json', 'This document', { responses: [ok('OpenApiDocument')] }),
  open('get', '/health', 'Liveness: the process answers', { responses: [ok('Health')] }),
  open('get', '/ready', 'Readiness: the database answers and is migrated', {
    responses: [
      ok('Readiness', 'Ready'),
      { status: 503, description: 'Not ready: migrations pending or database unavailable', schema: 'Readiness' },
    ],
  }),
];
