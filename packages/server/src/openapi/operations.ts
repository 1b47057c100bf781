import { ErrorStatus, type ErrorCode } from '@affdash/core';
import { z } from 'zod';
import { inputName, ref, type Json } from './components.js';
import { Auth, Media, type RouteDoc } from './routes.js';
import { querySchemas } from './schemas.js';

/** A query schema's fields as `in: query` parameters. */
function queryParameters(name: RouteDoc['query']): Json[] {
  if (!name) return [];
  const schema = z.toJSONSchema(querySchemas[name], { io: 'input', unrepresentable: 'any' }) as Json;
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([field, { description, ...fieldSchema }]) => ({
    name: field,
    in: 'query',
    required: required.has(field),
    ...(description ? { description } : {}),
    schema: fieldSchema,
  }));
}

function pathParameters(path: string): Json[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

/** Every POST and PATCH of the brand API takes an `Idempotency-Key` (`middleware/idempotency`). */
function takesIdempotencyKey(route: RouteDoc): boolean {
  return route.idempotencyKey ?? (route.auth === Auth.apiKey && (route.method === 'post' || route.method === 'patch'));
}

/** Every error code a route can answer: those it lists, and those its auth and input imply. */
function errorCodes(route: RouteDoc): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors);
  if (route.auth === Auth.apiKey) codes.add('unauthorized').add('forbidden').add('rate_limited');
  if (route.session) codes.add('token_expired');
  if (route.auth === Auth.dashboardToken) {
    codes.add('unauthorized').add('token_expired').add('not_found').add('rate_limited');
  }
  if (route.query) codes.add('validation_failed');
  if (route.body) codes.add('bad_request').add('validation_failed');
  if (route.body && route.path.startsWith('/v1/')) codes.add('payload_too_large');
  if (takesIdempotencyKey(route)) codes.add('bad_request').add('conflict');
  return [...codes];
}

function errorResponses(route: RouteDoc): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes(route)) {
    const status = ErrorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, Json> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: `Error: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: { [Media.json]: { schema: ref('ErrorBody') } },
    };
  }
  responses.default = {
    description: 'Any other error (`internal`: 500), in the same body',
    content: { [Media.json]: { schema: ref('ErrorBody') } },
  };
  return responses;
}

/** One route as an OpenAPI operation: parameters, request body, answers and errors. */
export function operation(route: RouteDoc): Json {
  const responses: Record<string, Json> = {};
  for (const r of route.responses) {
    const media = r.media ?? (r.schema ? Media.json : undefined);
    responses[r.status] = {
      description: r.description,
      ...(media ? { content: { [media]: r.schema ? { schema: ref(r.schema) } : {} } } : {}),
    };
  }
  for (const [status, response] of Object.entries(errorResponses(route))) responses[status] ??= response;
  const parameters = [
    ...pathParameters(route.path),
    ...queryParameters(route.query),
    ...(takesIdempotencyKey(route)
      ? [{
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A retry with the same key and request within 24 h gets the first answer (`Idempotent-Replayed: true`) and writes nothing again; the same key with another request is a 409',
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        }]
      : []),
    ...(route.preferMinimal
      ? [{
          name: 'Prefer',
          in: 'header',
          required: false,
          description: '`return=minimal`: each result names its conversion by `id` and leaves `conversion` out (answered with `Preference-Applied`)',
          schema: { type: 'string', examples: ['return=minimal'] },
        }]
      : []),
  ];
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.session
      ? { description: `Also callable with a brand session enabling ${route.session.map((c) => `\`${c}\``).join(' or ')}.` }
      : {}),
    tags: [route.tag],
    security:
      route.auth === Auth.none
        ? []
        : [{ [route.auth]: [] }, ...(route.session ? [{ [Auth.brandSession]: [] }] : [])],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { [Media.json]: { schema: ref(inputName(route.body)) } } } }
      : {}),
    responses,
  };
}

/** `get /v1/offers/{id}` → `getV1OffersId`. */
function operationId(route: RouteDoc): string {
  if (route.operationId) return route.operationId;
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return route.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
