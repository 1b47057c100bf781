import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { images } from './images.js';

/** The path of the neutral mark: the favicon of a brand without a logo. */
export const MARK_PATH = '/assets/mark.svg';
/** The demo brand's logo. */
export const DEMO_LOGO_PATH = '/assets/demo-logo.svg';

/** `/assets/:name`: the server's own images, cacheable for a day, loadable from any origin. */
export function assetRoutes() {
  return new Hono<AppEnv>().get('/:name', (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(images, name)) throw notFound('Asset');
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(images[name]!);
  });
}
