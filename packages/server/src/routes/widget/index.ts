import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';

export const WIDGET_PATH = '/widget/affdash-widget.js';

/** `/widget/affdash-widget.js`: the widget as one self-contained file, for a script tag. */
export function widgetRoutes() {
  let cached: Promise<string> | undefined;
  return new Hono<AppEnv>().get('/affdash-widget.js', async (c) => {
    const file = c.get('deps').widgetFile;
    if (!file) throw new ApiError('not_found', 'The widget is not built: run `npm run build`.');
    cached ??= readFile(file, 'utf8');
    const source = await cached.catch(() => {
      cached = undefined;
      throw new ApiError('not_found', 'The widget is not built: run `npm run build`.');
    });
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(source);
  });
}
