import { images } from '../../assets/images.js';
import { notFound } from '../../http/errors.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';

const image = route({
  method: 'get',
  path: '/{name}',
  tag: 'Public',
  auth: Auth.none,
  summary: 'An image the server serves: `mark.svg` (the favicon of a brand without a logo), `demo-logo.svg`',
  description:
    "The server's own images: `mark.svg`, the neutral mark the hosted pages show as the favicon and logo of a " +
    "brand that set none, and `demo-logo.svg`, the demo brand's logo. Plain SVG, cacheable for a day, loadable " +
    'from any origin; any other name is a 404 `not_found`.',
  responses: { 200: { description: 'The image (SVG)', media: Media.svg } },
  errors: ['not_found'],
});

/** `/assets/:name`: the server's own images, cacheable for a day, loadable from any origin. */
export function assetRoutes() {
  return router().openapi(image, (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(images, name)) throw notFound('Asset');
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(images[name]!);
  });
}
