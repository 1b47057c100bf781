import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import { chooseEncoding } from '../../http/accept-encoding.js';
import { loadWidgetFile, type WidgetFile } from './file.js';

/** The widget's plain URL: always the current file, cached for five minutes. */
export const WIDGET_PATH = '/widget/affdash-widget.js';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** One load per file path and process; a failed load is tried again next time. */
const loaded = new Map<string, Promise<WidgetFile>>();

function widgetFile(c: Context<AppEnv>): Promise<WidgetFile> | null {
  const file = c.get('deps').widgetFile;
  if (!file) return null;
  let pending = loaded.get(file);
  if (!pending) {
    pending = loadWidgetFile(file);
    loaded.set(file, pending);
    pending.catch(() => loaded.delete(file));
  }
  return pending;
}

/**
 * The widget's content-hashed URL (`/widget/affdash-widget.<hash>.js`, cached for a year),
 * for the pages this server renders; the plain URL while the widget is not built.
 */
export async function widgetUrl(c: Context<AppEnv>): Promise<string> {
  const file = await widgetFile(c)?.catch(() => null);
  return file ? `/widget/affdash-widget.${file.hash}.js` : WIDGET_PATH;
}

/**
 * `/widget/affdash-widget.js`: the widget as one self-contained file, for a script tag; and
 * `/widget/affdash-widget.<hash>.js`, the same bytes `immutable` for a year. Sent brotli or
 * gzip compressed by `Accept-Encoding` (precompressed at build time).
 */
export function widgetRoutes() {
  return new Hono<AppEnv>().get('/affdash-widget.js', serveWidget).get('/:file{affdash-widget\\.[0-9a-f]+\\.js}', serveWidget);
}

async function serveWidget(c: Context<AppEnv>) {
  const file = await widgetFile(c)?.catch(() => null);
  if (!file) throw new ApiError('not_found', 'The widget is not built: run `npm run build`.');
  const hashed = /\.([0-9a-f]{16})\.js$/.exec(c.req.param('file') ?? '')?.[1];
  // an old hash answers 404: its bytes are gone, and caching these under its URL would lie
  if (hashed !== undefined && hashed !== file.hash) throw new ApiError('not_found', 'No such widget version.');
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300');
  c.header('ETag', `"${file.hash}"`);
  c.header('Vary', 'Accept-Encoding');
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  if (c.req.header('if-none-match') === `"${file.hash}"`) return c.body(null, 304);
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.identity;
  return c.body(new Uint8Array(body));
}
