import { Hono } from 'hono';
import { AllowedOrigins, BrandProfileUpdate } from '@affdash/core';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import { allowedOrigins, replaceAllowedOrigins } from '../../embedding/allowed-origins.js';
import { brandProfile, updateBrandProfile } from '../../brand-profile/index.js';

/** `/v1/brand`: settings of the brand the API key belongs to. */
export function brandRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .get('/allowed-origins', async (c) => {
      const { origins } = await allowedOrigins(c.get('deps').db, c.get('brandId'));
      return c.json({ origins: [...origins] } satisfies AllowedOrigins);
    })
    .put('/allowed-origins', validate('json', AllowedOrigins), async (c) => {
      const { origins } = c.req.valid('json');
      const saved = await replaceAllowedOrigins(c.get('deps').db, c.get('brandId'), origins);
      return c.json({ origins: [...saved] } satisfies AllowedOrigins);
    })
    .get('/profile', async (c) => c.json(await brandProfile(c.get('deps').db, c.get('brandId'))))
    .patch('/profile', validate('json', BrandProfileUpdate), async (c) =>
      c.json(await updateBrandProfile(c.get('deps').db, c.get('brandId'), c.req.valid('json'))),
    );
}
