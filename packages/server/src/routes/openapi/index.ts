import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { openApiDocument } from '../../openapi/document.js';

/** `/openapi.json`: the OpenAPI 3.1 document of this API, generated from the core schemas. */
export function openApiRoutes() {
  let body: string | undefined;
  return new Hono<AppEnv>().get('/openapi.json', (c) => {
    body ??= JSON.stringify({
      ...openApiDocument(),
      servers: [{ url: c.get('deps').config.publicUrl || '/' }],
    });
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  });
}
