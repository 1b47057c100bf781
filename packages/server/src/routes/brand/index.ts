import { AllowedOrigins, BrandProfile, BrandProfileUpdate } from '@affdash/core';
import { brandProfile, updateBrandProfile } from '../../brand-profile/index.js';
import { allowedOrigins, replaceAllowedOrigins } from '../../embedding/allowed-origins.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';

const brand = { tag: 'Brand', auth: Auth.apiKey } as const;

const getOrigins = route({
  ...brand,
  method: 'get',
  path: '/allowed-origins',
  summary: "The origins the brand's dashboards may be embedded on",
  description:
    "The origins the brand embeds its members' dashboards on (`{ \"origins\": [...] }`). None listed (the " +
    'default) lets any origin call the dashboard API and frame the hosted page.',
  responses: { 200: { description: 'OK', schema: AllowedOrigins } },
});

const putOrigins = route({
  ...brand,
  method: 'put',
  path: '/allowed-origins',
  summary: 'Replace the allowed origins',
  description:
    'Replaces the whole list: at most 50 origins, `https://host[:port]` (or `http://` for `localhost` and ' +
    '`127.0.0.1`), no wildcards, paths or IPv6 literals, stored as browsers send `Origin`. Dashboard CORS ' +
    "answers and the hosted page's `frame-ancestors` follow it, at once on this process and within 30 s on the others.",
  body: AllowedOrigins,
  responses: { 200: { description: 'OK', schema: AllowedOrigins } },
});

const getProfile = route({
  ...brand,
  method: 'get',
  path: '/profile',
  summary: 'The brand profile the hosted pages and emails apply',
  description:
    'How the hosted dashboard page, its notice pages and every email look and speak to members: name, logo, ' +
    'accent colours, font, theme, default language and the sender details of email.',
  responses: { 200: { description: 'OK', schema: BrandProfile } },
});

const patchProfile = route({
  ...brand,
  method: 'patch',
  path: '/profile',
  summary: 'Update the brand profile (null clears a field)',
  description:
    'Changes only the fields sent; `null` clears one. An `accentTextColor` you choose must reach 4.5:1 on the ' +
    'accent (else `validation_failed`); left `null`, it is computed.',
  body: BrandProfileUpdate,
  responses: { 200: { description: 'OK', schema: BrandProfile } },
});

/** `/v1/brand`: settings of the brand the API key belongs to. */
export function brandRoutes() {
  return router()
    .openapi(getOrigins, async (c) => {
      const { origins } = await allowedOrigins(c.get('deps').db, c.get('brandId'));
      return c.json({ origins: [...origins] } satisfies AllowedOrigins, 200);
    })
    .openapi(putOrigins, async (c) => {
      const { origins } = c.req.valid('json');
      const saved = await replaceAllowedOrigins(c.get('deps').db, c.get('brandId'), origins);
      return c.json({ origins: [...saved] } satisfies AllowedOrigins, 200);
    })
    .openapi(getProfile, async (c) => c.json(await brandProfile(c.get('deps').db, c.get('brandId')), 200))
    .openapi(patchProfile, async (c) =>
      c.json(await updateBrandProfile(c.get('deps').db, c.get('brandId'), c.req.valid('json')), 200),
    );
}
