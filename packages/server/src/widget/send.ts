import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { chooseEncoding } from '../http/accept-encoding.js';
import type { WidgetFile } from './file.js';

/**
 * Answers a built script file: brotli or gzip by `Accept-Encoding` (the copies built beside it),
 * its hash as a strong `ETag` (an `If-None-Match` with it is a 304), `cacheControl`, loadable
 * from any origin.
 */
export function sendScript(c: Context<AppEnv>, file: WidgetFile, cacheControl: string): Response {
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', cacheControl);
  c.header('ETag', `"${file.hash}"`);
  c.header('Vary', 'Accept-Encoding');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  if (c.req.header('if-none-match') === `"${file.hash}"`) return c.body(null, 304);
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.identity;
  return c.body(new Uint8Array(body));
}
