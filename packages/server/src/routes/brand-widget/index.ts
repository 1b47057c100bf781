import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';

export const BRAND_WIDGET_PATH = '/widget/affdash-brand.js';

/** `/widget/affdash-brand.js`: the brand components as one file, built beside the widget's. */
export function brandWidgetRoutes() {
  let cached: Promise<string> | undefined;
  const missing = () => new ApiError('not_found', 'The brand components are not built: run `npm run build`.');
  return new Hono<AppEnv>().get('/affdash-brand.js', async (c) => {
    const widget = c.get('deps').widgetFile;
    if (!widget) throw missing();
    cached ??= readFile(path.join(path.dirname(widget), 'affdash-brand.js'), 'utf8');
    const source = await cached.catch(() => {
      cached = undefined;
      throw missing();
    });
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(source);
  });
}
