import { Hono } from 'hono';
import { OfferCreate, OfferUpdate, PageQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { apiKey } from '../../middleware/api-key/index.js';
import { brandAccess } from '../../middleware/brand-access/index.js';
import { findOffer, insertOffer, listOffers, toOffer, updateOffer } from './queries.js';

/** Reading offers is open to brand sessions of every component; changing them is not. */
const anyComponent = ['offers', 'members', 'send'] as const;

/** `/v1/offers`: a brand's offers and their commission structures. */
export function offerRoutes() {
  return new Hono<AppEnv>()
    .post('/', apiKey(), validate('json', OfferCreate), async (c) => {
      const offer = await insertOffer(c.get('deps').db, c.get('brandId'), c.req.valid('json'));
      return c.json(offer, 201);
    })
    .get('/', brandAccess({ components: anyComponent }), validate('query', PageQuery), async (c) => {
      const only = c.get('session')?.offerIds;
      return c.json(await listOffers(c.get('deps').db, c.get('brandId'), c.req.valid('query'), only));
    })
    .get('/:id', brandAccess({ components: anyComponent, offerParam: 'id' }), async (c) => {
      const row = await findOffer(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('offer');
      return c.json(toOffer(row));
    })
    .patch('/:id', apiKey(), validate('json', OfferUpdate), async (c) => {
      const offer = await updateOffer(
        c.get('deps').db,
        c.get('brandId'),
        c.req.param('id'),
        c.req.valid('json'),
      );
      if (!offer) throw notFound('offer');
      return c.json(offer);
    });
}
