import { componentSchemas, referenced, type Json } from './components.js';
import { operation } from './operations.js';
import { Auth, routes as allRoutes, type RouteDoc } from './routes.js';

/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the route list and the core schemas,
 * with the components the operations reach (directly or through other components).
 */
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
        [Auth.brandSession]: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A brand session\'s client secret (`affdash_bs_…`, from `POST /v1/brand-sessions`): only the routes its components need, each listing them',
        },
        [Auth.consoleSession]: {
          type: 'apiKey',
          in: 'cookie',
          name: 'affdash_console',
          description: 'The sign-in a console login link sets',
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
