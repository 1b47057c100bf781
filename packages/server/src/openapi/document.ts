import type { RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import { Auth, defaultOperationId, Tags, type Definitions, type RouteExtras } from '../http/route.js';
import { componentSchemas, inputName, ref, referenced, type Json } from './components.js';

export type { Json };
import { bodySchemas, responseSchemas, sharedSchemas, type BodyName } from './schemas.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Component names by schema instance: what is sent (output) and what is taken (input). */
const outputNames = new Map<z.ZodType, string>(
  Object.entries({ ...sharedSchemas, ...responseSchemas }).map(([name, schema]) => [schema, name]),
);
const inputNames = new Map<z.ZodType, string>(
  Object.entries(bodySchemas).map(([name, schema]) => [schema, inputName(name as BodyName)]),
);

/** A schema as the document shows it: a reference to its component, else inline. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const name = (io === 'input' ? inputNames : outputNames).get(schema);
  if (name) return ref(name);
  const { $schema: _schema, ...inline } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return inline;
}

/** The fields of an object schema as parameters `in` the query, the path or a header. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path' | 'header'): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, ...fieldSchema }]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(description ? { description } : {}),
    schema: fieldSchema,
  }));
}

/** Path parameters the path names but no schema declares: strings. */
function pathParameters(path: string, declared: Json[]): Json[] {
  const byName = new Map(declared.map((p) => [p.name as string, p]));
  return [...path.matchAll(/\{([^}]+)\}/g)].map(
    ([, name]) => byName.get(name!) ?? { name, in: 'path', required: true, schema: { type: 'string' } },
  );
}

function content(media: Record<string, { schema?: unknown }> | undefined, io: 'input' | 'output'): Json | undefined {
  if (!media) return undefined;
  return Object.fromEntries(
    Object.entries(media).map(([type, { schema }]) => [
      type,
      schema instanceof z.ZodType ? { schema: type === 'application/json' ? schemaOf(schema, io) : { type: 'string' } } : {},
    ]),
  );
}

/** One route's definition as an OpenAPI operation. */
function operation(route: RouteConfig): Json {
  const { request } = route;
  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    const body = content((answer as { content?: Record<string, { schema?: unknown }> }).content, 'output');
    responses[status] = { description: (answer as { description: string }).description, ...(body ? { content: body } : {}) };
  }
  const body = request?.body;
  const params = [
    ...pathParameters(route.path, parameters(request?.params as z.ZodType | undefined, 'path')),
    ...parameters(request?.query as z.ZodType | undefined, 'query'),
    ...parameters(request?.headers as z.ZodType | undefined, 'header'),
  ];
  return {
    operationId: route.operationId ?? defaultOperationId(route.method, route.path),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    security: route.security,
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: { required: true, content: content(body.content as never, 'input') } } : {}),
    responses,
  };
}

/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the routes' own definitions (those the
 * app registered with `.openapi()`), with the components the operations reach. The schemas are
 * zod's own JSON Schema: request bodies as zod reads them (fields with defaults optional),
 * answers as the API sends them.
 */
export function buildOpenApiDocument(definitions: Definitions): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const defined = new Set<string>();
  for (const definition of definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route;
    const key = `${route.method} ${route.path}`;
    if (defined.has(key)) throw new Error(`${key} is defined twice`);
    defined.add(key);
    if (routeExtras(route as RouteConfig)?.hide) continue;
    (paths[route.path] ??= {})[route.method] = operation(route as RouteConfig);
  }
  const sorted = Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(METHODS.filter((m) => item[m]).map((m) => [m, item[m]])),
    ]),
  );
  const schemas = componentSchemas();
  const used = referenced(sorted, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'affdash API',
      version: '1',
      description:
        'Brand endpoints take an API key, dashboard endpoints a dashboard token, both as `Authorization: Bearer …`. ' +
        'Every error is `{ "error": { "code", "message", "details"?, "requestId"? } }` (`ErrorBody`).',
      license: { name: 'MIT', identifier: 'MIT' },
      contact: { name: 'affdash', url: 'https://github.com/affdash/affdash/issues' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // the server that serves the document names its own public address here
    servers: [{ url: '/', description: 'The server this document came from' }],
    tags: Object.entries(Tags).map(([name, description]) => ({ name, description })),
    paths: sorted,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))),
      securitySchemes: securitySchemes(),
    },
  };
}

/** What a route definition says beyond the library's fields. */
export function routeExtras(route: RouteConfig): RouteExtras {
  return (route as RouteConfig & { 'x-affdash': RouteExtras })['x-affdash'];
}

function securitySchemes(): Json {
  return {
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
    [Auth.brandSession]: {
      type: 'http',
      scheme: 'bearer',
      description:
        "A brand session's client secret (`affdash_bs_…`, from `POST /v1/brand-sessions`): only the routes its components need, each listing them",
    },
    [Auth.consoleSession]: {
      type: 'apiKey',
      in: 'cookie',
      name: 'affdash_console',
      description: 'The sign-in a console login link sets',
    },
  };
}

