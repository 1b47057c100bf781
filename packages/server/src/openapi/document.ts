import { ErrorStatus, type ErrorCode } from '@affdash/core';
import { z } from 'zod';
import { Auth, Media, routes as allRoutes, type RouteDoc } from './routes.js';
import { bodySchemas, querySchemas, responseSchemas, sharedSchemas, type BodyName } from './schemas.js';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';
const ref = (name: string) => ({ $ref: `${COMPONENTS}${name}` });

/** A body schema's component name: its own, unless a response already has that name. */
const inputName = (name: BodyName) => (name in responseSchemas ? `${name}Input` : name);

/**
 * An answer may gain fields without a new API version, so answers do not forbid unknown
 * properties (zod's output form of a plain object would); `.strict()` objects still do.
 */
const openObjects: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = ({ zodSchema, jsonSchema }) => {
  const def = zodSchema._zod.def;
  if (def.type === 'object' && !def.catchall && jsonSchema.additionalProperties === false) {
    delete jsonSchema.additionalProperties;
  }
};

/**
 * JSON Schema (2020-12, as OpenAPI 3.1 takes it) for every named schema: request bodies as
 * zod reads them (`io: 'input'`: fields with defaults optional), responses as the API sends
 * them (`io: 'output'`). A named schema inside another of the same pass becomes a `$ref`.
 */
function componentSchemas(): Record<string, Json> {
  const schemas: Record<string, Json> = {};
  const passes = [
    { io: 'output' as const, named: Object.entries({ ...sharedSchemas, ...responseSchemas }) },
    { io: 'input' as const, named: Object.entries(bodySchemas).map(([n, s]) => [inputName(n as BodyName), s] as const) },
  ];
  for (const { io, named } of passes) {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of named) registry.add(schema, { id });
    const { schemas: generated } = z.toJSONSchema(registry, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      uri: (id) => `${COMPONENTS}${id}`,
      ...(io === 'output' ? { override: openObjects } : {}),
    });
    for (const [id, schema] of Object.entries(generated)) {
      const { $schema: _schema, $id: _id, ...rest } = schema as Json;
      schemas[id] = rest;
    }
  }
  return schemas;
}

/** Names of the components `value` refers to, directly or through other components. */
function referenced(value: unknown, schemas: Record<string, Json>, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referenced(item, schemas, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(COMPONENTS)) {
        const name = item.slice(COMPONENTS.length);
        if (!found.has(name)) {
          found.add(name);
          referenced(schemas[name], schemas, found);
        }
      } else {
        referenced(item, schemas, found);
      }
    }
  }
  return found;
}

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

/** Every error code a route can answer: those it lists, and those its auth and input imply. */
function errorCodes(route: RouteDoc): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors);
  if (route.auth === Auth.apiKey) codes.add('unauthorized');
  if (route.auth === Auth.dashboardToken) {
    codes.add('unauthorized').add('token_expired').add('not_found');
  }
  if (route.query) codes.add('validation_failed');
  if (route.body) codes.add('bad_request').add('validation_failed');
  if (route.body && route.path.startsWith('/v1/')) codes.add('payload_too_large');
  if (route.idempotencyKey) codes.add('bad_request').add('conflict');
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

function operation(route: RouteDoc): Json {
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
    ...(route.idempotencyKey
      ? [{
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A retry with the same key gets the first answer and sends nothing again',
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        }]
      : []),
  ];
  return {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.tag],
    security: route.auth === Auth.none ? [] : [{ [route.auth]: [] }],
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

/** Builds the OpenAPI 3.1 document of the HTTP API from the route list and the core schemas. */
export function buildOpenApiDocument(routes: readonly RouteDoc[] = allRoutes): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`${route.method} ${route.path} is listed twice`);
    item[route.method] = operation(route);
  }
  const schemas = componentSchemas();
  const used = referenced(paths, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'affdash API',
      version: '1',
      description:
        'Brand endpoints take an API key, dashboard endpoints a dashboard token, both as `Authorization: Bearer …`. ' +
        'Every error is `{ "error": { "code", "message", "details"?, "requestId"? } }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))),
      securitySchemes: {
        [Auth.apiKey]: { type: 'http', scheme: 'bearer', description: "A brand's API key" },
        [Auth.dashboardToken]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A member's dashboard token (audience `affdash:dashboard`)",
        },
        [Auth.hostedSession]: {
          type: 'apiKey',
          in: 'cookie',
          name: 'affdash_session',
          description: 'The session the hosted dashboard page sets',
        },
      },
    },
  };
}

let cached: Json | undefined;

/** The document, built on first use. */
export function openApiDocument(): Json {
  return (cached ??= buildOpenApiDocument());
}
