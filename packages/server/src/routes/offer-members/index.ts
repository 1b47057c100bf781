import { Hono } from 'hono';
import { OfferMemberListQuery, OfferMembersAdd, PageQuery } from '@affdash/core';
import type { AppEnv } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { validate } from '../../http/validate.js';
import { brandAccess } from '../../middleware/brand-access/index.js';
import type { LinkContext } from '../enrollments/queries.js';
import { findOffer } from '../offers/queries.js';
import { addOfferMembers } from './add.js';
import { listOfferMembers } from './queries.js';

function links(c: { get(key: 'deps'): AppEnv['Variables']['deps'] }): LinkContext {
  const { keys, config } = c.get('deps');
  return { keys, publicUrl: config.publicUrl };
}

/** `/v1/offers/:offerId/members`: the members table of the brand-side components. */
export function offerMemberRoutes() {
  return new Hono<AppEnv>()
    .use(brandAccess({ components: ['members'], offerParam: 'offerId' }))
    .get('/', validate('query', PageQuery.extend(OfferMemberListQuery.shape)), async (c) => {
      const { db } = c.get('deps');
      const offerId = c.req.param('offerId')!;
      if (!(await findOffer(db, c.get('brandId'), offerId))) throw notFound('offer');
      return c.json(await listOfferMembers(db, links(c), c.get('brandId'), offerId, c.req.valid('query')));
    })
    .post('/', validate('json', OfferMembersAdd), async (c) => {
      const result = await addOfferMembers(
        c.get('deps').db,
        links(c),
        c.get('brandId'),
        c.req.param('offerId')!,
        c.req.valid('json'),
      );
      return c.json(result, 200);
    });
}
