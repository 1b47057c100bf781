import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import type { Json } from '../../openapi/document.js';

/** `/openapi.json`: the OpenAPI 3.1 document of this API, built from the routes' definitions. */
export function openApiRoutes(document: () => Json) {
  let body: string | undefined;
  return new Hono<AppEnv>().get('/openapi.json', (c) => {
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
