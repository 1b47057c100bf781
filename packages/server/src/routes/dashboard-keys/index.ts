import { Hono } from 'hono';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { keyOnly } from '../../middleware/brand-access/index.js';

/** `/v1/dashboard-keys`: keys a brand backend uses to mint dashboard tokens offline. */
export function dashboardKeyRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', async (c) => {
      return c.json(await c.get('deps').dashboardKeys.create(c.get('brandId'), c.get('deps').db), 201);
    })
    .get('/', async (c) => {
      const data = await c.get('deps').dashboardKeys.list(c.get('brandId'));
      return c.json({ data, nextCursor: null });
    })
    .delete('/:id', async (c) => {
      const key = await c.get('deps').dashboardKeys.revoke(c.get('brandId'), c.req.param('id'));
      if (!key) throw notFound('dashboard key');
      return c.json(key);
    });
}
