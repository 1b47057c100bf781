import { DashboardKey, DashboardKeyWithSecret } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { DashboardKeyPage } from '../../openapi/schemas.js';

const keys = { tag: 'Dashboard tokens', auth: Auth.apiKey } as const;

const createKey = route({
  ...keys,
  method: 'post',
  path: '/',
  summary: 'Create a key for minting dashboard tokens offline (the secret is shown once)',
  description:
    'Creates an HS256 key the brand backend signs dashboard tokens with, offline: header `kid` = the key\'s ' +
    '`id`, key = the UTF-8 bytes of `secret`. The secret is in this answer only.',
  responses: { 201: { description: 'Created', schema: DashboardKeyWithSecret } },
});

const listAll = route({
  ...keys,
  method: 'get',
  path: '/',
  summary: 'List dashboard keys',
  description: "The brand's dashboard keys, newest first, revoked ones included, without their secrets (one page).",
  responses: { 200: { description: 'OK', schema: DashboardKeyPage } },
});

const revokeKey = route({
  ...keys,
  method: 'delete',
  path: '/{id}',
  summary: 'Revoke a dashboard key (tokens it signed stop working)',
  description:
    'Revokes the key: tokens it signed stop working at once, on every process of the server. Revoking it again ' +
    'answers the same key.',
  responses: { 200: { description: 'OK', schema: DashboardKey } },
  errors: ['not_found'],
});

/** `/v1/dashboard-keys`: keys a brand backend uses to mint dashboard tokens offline. */
export function dashboardKeyRoutes() {
  return router()
    .openapi(createKey, async (c) => {
      const { dashboardKeys, db } = c.get('deps');
      return c.json(await dashboardKeys.create(c.get('brandId'), db), 201);
    })
    .openapi(listAll, async (c) => {
      const data = await c.get('deps').dashboardKeys.list(c.get('brandId'));
      return c.json({ data, nextCursor: null }, 200);
    })
    .openapi(revokeKey, async (c) => {
      const key = await c.get('deps').dashboardKeys.revoke(c.get('brandId'), c.req.param('id'));
      if (!key) throw notFound('dashboard key');
      return c.json(key, 200);
    });
}
