import type { Json } from '../../openapi/document.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { OpenApiDocument } from '../../openapi/schemas.js';

const openapi = route({
  method: 'get',
  path: '/openapi.json',
  tag: 'Public',
  auth: Auth.none,
  summary: 'This document',
  description:
    'The OpenAPI 3.1 document of the whole HTTP API, built from the same route definitions that validate the ' +
    'requests, with `servers` set to this server\'s public address (`Cache-Control: public, max-age=300`, ' +
    'loadable from any origin).',
  responses: { 200: { description: 'OK', schema: OpenApiDocument } },
});

/** `/openapi.json`: the OpenAPI 3.1 document of this API, built from the routes' definitions. */
export function openApiRoutes(document: () => Json) {
  let body: string | undefined;
  return router().openapi(openapi, (c) => {
    body ??= JSON.stringify({
      ...document(),
      servers: [{ url: c.get('deps').config.publicUrl || '/' }],
    });
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  });
}
