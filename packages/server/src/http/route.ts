import { ErrorBody, ErrorStatus, type BrandComponent, type ErrorCode } from '@affdash/core';
import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { keyOnly, sessionScope } from '../middleware/brand-access/index.js';
import { dashboardToken } from '../middleware/dashboard-token/index.js';
import type { AppEnv } from './context.js';
import { IdempotencyKeyHeader } from './idempotency.js';

/** Who may call a route: a brand's API key, a member's dashboard token, a page's cookie, anyone. */
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

/** The groups of the API reference, in the order it shows them. */
export const Tags = {
  Offers: "A brand's offers, their members and their commission structures",
  Members: 'The people who promote offers',
  Enrollments: 'A member in an offer: promo code, tracking link, dashboard link',
  Conversions: 'Sales attributed to enrollments, with expected commission, and their approval',
  Payments: 'Money paid to members',
  'Dashboard tokens': 'Short-lived tokens for embedding a member\'s dashboard, and keys to mint them offline',
  Emails: 'The sales-tracking-items and email-members emails, their previews, tests and messages',
  'Brand sessions': 'Client secrets for the brand-side components, console login links and their audit trail',
  Brand: "The brand's profile and the origins its dashboards may be embedded on",
  Webhooks: 'Endpoints the server posts events to, and their deliveries',
  Dashboard: "What a member's dashboard reads with its token",
  Public: 'Pages and files anyone can open: tracking links, hosted dashboards, the widget, keys',
  Console: 'The hosted brand console',
} as const;
export type Tag = keyof typeof Tags;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One answer of a route other than the documented error body. */
export interface Answer {
  description: string;
  /** The JSON body's schema (output form: what is sent); none for HTML, CSV, JavaScript or a redirect. */
  schema?: z.ZodType;
  /** Default `application/json` with a schema, no body without. */
  media?: Media;
}

export interface RouteSpec<M extends Method, P extends string, B, Q, Prm> {
  method: M;
  /** OpenAPI form, relative to the router it is registered on: `/{id}`. */
  path: P;
  tag: Tag;
  summary: string;
  /** What the reference page says under the summary; defaults to the summary. */
  description?: string;
  auth: Auth;
  /** A brand session enabling one of these components may call it too (besides the API key). */
  session?: readonly BrandComponent[];
  /** With `session`: the path parameter naming an offer, checked against the session's offers. */
  offerParam?: string;
  /** With `session`: a POST that only reads (a preview), audited as a read. */
  auditAsRead?: boolean;
  params?: Prm;
  query?: Q;
  body?: B;
  responses: Record<number, Answer>;
  /** Error codes this route answers beyond those its auth, body and query imply. */
  errors?: readonly ErrorCode[];
  /** Takes `Prefer: return=minimal` for a shorter answer. */
  preferMinimal?: boolean;
  /** Middleware after the route's auth check, before validation. */
  use?: readonly MiddlewareHandler<AppEnv>[];
  /** Default: the method and the path's words, `getV1OffersId`. */
  operationId?: string;
  /** Served, but left out of the document (the same page under a second path). */
  hide?: boolean;
}

type Request<B, Q, Prm> = (B extends z.ZodType ? { body: { content: { 'application/json': { schema: B } }; required: true } } : {}) &
  (Q extends z.ZodType ? { query: Q } : {}) &
  (Prm extends z.ZodType ? { params: Prm } : {});

/** A route as `app.openapi` takes it, with what the document needs beyond the library's fields. */
export type Route<M extends Method = Method, P extends string = string, B = unknown, Q = unknown, Prm = unknown> = Omit<
  RouteConfig,
  'method' | 'path' | 'request'
> & {
  method: M;
  path: P;
  request: Request<B, Q, Prm>;
};

/** The routes an app registered with `.openapi()`, as the document is built from them. */
export type Definitions = OpenAPIHono['openAPIRegistry']['definitions'];

/** What the document reads of a route beyond `RouteConfig` (under `x-affdash`). */
export interface RouteExtras {
  auth: Auth;
  session?: readonly BrandComponent[];
  /** Served, left out of the document (its method and path still shadow the old list's entry). */
  hide?: true;
}

/**
 * `Prefer: return=minimal`, on the routes that take it. Any value is taken (a preference the
 * server does not know is ignored, RFC 7240): the header is documented, never refused.
 */
const PreferHeader = z.string().optional().meta({
  description:
    '`return=minimal`: each result names its conversion by `id` and leaves `conversion` out (answered with `Preference-Applied`)',
  examples: ['return=minimal'],
});

/** Every POST and PATCH of the brand API takes an `Idempotency-Key` (`middleware/idempotency`). */
function takesIdempotencyKey(spec: { auth: Auth; method: Method }): boolean {
  return spec.auth === Auth.apiKey && (spec.method === 'post' || spec.method === 'patch');
}

/** Every error code a route can answer: those it lists, and those its auth and input imply. */
function errorCodes(spec: RouteSpec<Method, string, unknown, unknown, unknown>): ErrorCode[] {
  const codes = new Set<ErrorCode>(spec.errors);
  if (spec.auth === Auth.apiKey) codes.add('unauthorized').add('forbidden').add('rate_limited');
  if (spec.session) codes.add('token_expired');
  if (spec.auth === Auth.dashboardToken) codes.add('unauthorized').add('token_expired').add('not_found').add('rate_limited');
  if (spec.query || spec.params) codes.add('validation_failed');
  if (spec.body) codes.add('bad_request').add('validation_failed').add('payload_too_large').add('unsupported_media_type');
  if (takesIdempotencyKey(spec)) codes.add('bad_request').add('conflict');
  return [...codes];
}

const errorContent = { [Media.json]: { schema: ErrorBody } };

function responses(spec: RouteSpec<Method, string, unknown, unknown, unknown>): RouteConfig['responses'] {
  const all: RouteConfig['responses'] = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    const media = answer.media ?? (answer.schema ? Media.json : undefined);
    all[status] = {
      description: answer.description,
      ...(media ? { content: { [media]: { schema: answer.schema ?? z.string() } } } : {}),
    };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes(spec)) {
    const status = ErrorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    all[status] ??= { description: `Error: ${codes.map((c) => `\`${c}\``).join(', ')}`, content: errorContent };
  }
  all.default = { description: 'Any other error (`internal`: 500), in the same body', content: errorContent };
  return all;
}

/** A route that answers HTML pages: its errors are answered as pages too (`answerError`). */
const answersPages: MiddlewareHandler<AppEnv> = async function answersPages(c, next) {
  c.set('page', true);
  await next();
};

/** The check a route's auth asks for, run before its input is validated. */
function guard(spec: RouteSpec<Method, string, unknown, unknown, unknown>): MiddlewareHandler<AppEnv>[] {
  if (spec.auth === Auth.dashboardToken) return [dashboardToken()];
  if (spec.auth !== Auth.apiKey) return [];
  if (!spec.session) return [keyOnly()];
  return [
    sessionScope({
      components: spec.session,
      ...(spec.offerParam ? { offerParam: spec.offerParam } : {}),
      ...(spec.auditAsRead ? { reads: () => true } : {}),
    }),
  ];
}

/** `get /v1/offers/{id}` → `getV1OffersId`, made when the document is built (the path is whole then). */
export function defaultOperationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * Defines one route of the HTTP API, once: its path, auth, input and answers. `app.openapi`
 * registers it (validation from its schemas, its auth check first), and the OpenAPI document
 * and the endpoint reference are built from the same definition.
 *
 * @example
 * const getOffer = route({
 *   method: 'get', path: '/{id}', tag: 'Offers', summary: 'Retrieve an offer', auth: Auth.apiKey,
 *   responses: { 200: { description: 'OK', schema: Offer } }, errors: ['not_found'],
 * });
 * router().openapi(getOffer, async (c) => c.json(await findOffer(...)));
 */
export function route<
  const M extends Method,
  const P extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  Prm extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<M, P, B, Q, Prm>,
): Route<M, P, B, Q, Prm> {
  const headers: Record<string, z.ZodType> = {};
  if (takesIdempotencyKey(spec)) headers['Idempotency-Key'] = IdempotencyKeyHeader;
  if (spec.preferMinimal) headers.Prefer = PreferHeader;
  const extras: RouteExtras = {
    auth: spec.auth,
    ...(spec.session ? { session: spec.session } : {}),
    ...(spec.hide ? { hide: true } : {}),
  };
  const page = Object.values(spec.responses).some((answer) => answer.media === Media.html);
  const security =
    spec.auth === Auth.none ? [] : [{ [spec.auth]: [] }, ...(spec.session ? [{ [Auth.brandSession]: [] }] : [])];
  const description =
    (spec.description ?? spec.summary) +
    (spec.session ? `\n\nAlso callable with a brand session enabling ${spec.session.map((c) => `\`${c}\``).join(' or ')}.` : '');
  const config = createRoute({
    method: spec.method,
    path: spec.path,
    tags: [spec.tag],
    summary: spec.summary,
    description,
    ...(spec.operationId ? { operationId: spec.operationId } : {}),
    security,
    middleware: [...(page ? [answersPages] : []), ...guard(spec), ...(spec.use ?? [])],
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(Object.keys(headers).length ? { headers: z.object(headers) } : {}),
      ...(spec.body ? { body: { content: { [Media.json]: { schema: spec.body } }, required: true } } : {}),
    },
    responses: responses(spec),
    'x-affdash': extras,
  } as RouteConfig);
  return config as unknown as Route<M, P, B, Q, Prm>;
}
