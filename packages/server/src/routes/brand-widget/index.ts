import { ApiError } from '../../http/errors.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { brandWidgetPath, widgetFile } from '../../widget/file.js';
import { sendScript } from '../../widget/send.js';

const brandFile = route({
  method: 'get',
  path: '/affdash-brand.js',
  tag: 'Public',
  auth: Auth.none,
  summary: 'The brand components (`@affdash/widget/brand`) as one file, for a script tag',
  description:
    'The brand-side components (`<affdash-offer-members>`, the send drawer, `<affdash-offers>`) as one ES module, ' +
    'built beside the widget: sent brotli or gzip compressed by `Accept-Encoding` (precompressed at build time), ' +
    'with an `ETag`, `Cache-Control: public, max-age=300`, loadable from any origin; 404 `not_found` while they ' +
    'are not built.',
  responses: { 200: { description: 'The brand components (ES module)', media: Media.javascript } },
  errors: ['not_found'],
});

/** `/widget/affdash-brand.js`: the brand components as one file, built beside the widget's. */
export function brandWidgetRoutes() {
  const missing = () => new ApiError('not_found', 'The brand components are not built: run `npm run build`.');
  return router().openapi(brandFile, async (c) => {
    const widget = c.get('deps').widgetFile;
    if (!widget) throw missing();
    const file = await widgetFile(brandWidgetPath(widget)).catch(() => null);
    if (!file) throw missing();
    return sendScript(c, file, 'public, max-age=300');
  });
}
