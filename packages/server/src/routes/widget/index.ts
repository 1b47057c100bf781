import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { widgetFile } from '../../widget/file.js';
import { sendScript } from '../../widget/send.js';

const YEAR_SECONDS = 365 * 24 * 60 * 60;
/** The names `/{file}` serves: the content-hashed one a page loads (`widgetUrl`). */
const HASHED_NAME = /^affdash-widget\.[0-9a-f]+\.js$/;

const widget = { tag: 'Public', auth: Auth.none, method: 'get', errors: ['not_found'] } as const;
const script = { 200: { description: 'The widget (ES module)', media: Media.javascript } } as const;
const ENCODED =
  'Sent brotli or gzip compressed by `Accept-Encoding` (precompressed at build time), with an `ETag`, ' +
  '`Access-Control-Allow-Origin: *` and `Cross-Origin-Resource-Policy: cross-origin`; 404 `not_found` while the ' +
  'widget is not built.';

const plainFile = route({
  ...widget,
  path: '/affdash-widget.js',
  summary: 'The widget as one self-contained file, for a script tag',
  description: `\`<affiliate-dashboard>\` as one self-contained ES module, always the current file (\`Cache-Control: public, max-age=300\`). ${ENCODED}`,
  responses: script,
});

const hashedFile = route({
  ...widget,
  path: '/{file}',
  summary: 'The same file under its content-hashed name `affdash-widget.<hash>.js`, cached immutable for a year',
  description:
    'The same bytes under the content-hashed name `affdash-widget.<hash>.js` (`Cache-Control: public, ' +
    'max-age=31536000, immutable`), the one the hosted page loads; another hash is a 404, as its bytes are gone. ' +
    ENCODED,
  responses: script,
});

/**
 * `/widget/affdash-widget.js`: the widget as one self-contained file, for a script tag; and
 * `/widget/affdash-widget.<hash>.js`, the same bytes `immutable` for a year. Sent brotli or
 * gzip compressed by `Accept-Encoding` (precompressed at build time).
 */
export function widgetRoutes() {
  return router()
    .openapi(plainFile, (c) => serveWidget(c, undefined))
    .openapi(hashedFile, (c) => {
      const name = c.req.param('file');
      // any other name is no route: the app's 404
      if (!HASHED_NAME.test(name)) return c.notFound();
      return serveWidget(c, /\.([0-9a-f]{16})\.js$/.exec(name)?.[1]);
    });
}

async function serveWidget(c: Context<AppEnv>, hashed: string | undefined) {
  const path = c.get('deps').widgetFile;
  const file = path ? await widgetFile(path).catch(() => null) : null;
  if (!file) throw new ApiError('not_found', 'The widget is not built: run `npm run build`.');
  // an old hash answers 404: its bytes are gone, and caching these under its URL would lie
  if (hashed !== undefined && hashed !== file.hash) throw new ApiError('not_found', 'No such widget version.');
  return sendScript(c, file, hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=300');
}
