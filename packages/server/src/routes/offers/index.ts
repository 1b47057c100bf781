import { Offer, OfferCreate, OfferUpdate, PageQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { OfferPage } from '../../openapi/schemas.js';
import { findOffer, insertOffer, listOffers, toOffer, updateOffer } from '../../offers/queries.js';

/** Reading offers is open to brand sessions of every component; changing them is not. */
const anyComponent = ['offers', 'members', 'send'] as const;
const brand = { tag: 'Offers', auth: Auth.apiKey } as const;

const createOffer = route({
  ...brand,
  method: 'post',
  path: '/',
  summary: 'Create an offer',
  description: 'Creates an offer with its commission structure, payout rules and destination.',
  body: OfferCreate,
  responses: { 201: { description: 'Created', schema: Offer } },
});

const listAll = route({
  ...brand,
  method: 'get',
  path: '/',
  summary: 'List offers',
  description: "The brand's offers, newest first, a page at a time.",
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: OfferPage } },
  session: anyComponent,
});

const retrieveOffer = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve an offer',
  description: 'One offer, with its commission structure.',
  responses: { 200: { description: 'OK', schema: Offer } },
  errors: ['not_found'],
  session: anyComponent,
  offerParam: 'id',
});

const patchOffer = route({
  ...brand,
  method: 'patch',
  path: '/{id}',
  summary: 'Update an offer',
  description: 'Changes the fields given; the dashboards of its members show the change at once.',
  body: OfferUpdate,
  responses: { 200: { description: 'OK', schema: Offer } },
  errors: ['not_found'],
});

/** `/v1/offers`: a brand's offers and their commission structures. */
export function offerRoutes() {
  return router()
    .openapi(createOffer, async (c) => {
      const offer = await insertOffer(c.get('deps').db, c.get('brandId'), c.req.valid('json'));
      return c.json(offer, 201);
    })
    .openapi(listAll, async (c) => {
      const only = c.get('session')?.offerIds;
      return c.json(await listOffers(c.get('deps').db, c.get('brandId'), c.req.valid('query'), only), 200);
    })
    .openapi(retrieveOffer, async (c) => {
      const row = await findOffer(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('offer');
      return c.json(toOffer(row), 200);
    })
    .openapi(patchOffer, async (c) => {
      const offer = await updateOffer(c.get('deps').db, c.get('brandId'), c.req.param('id'), c.req.valid('json'));
      if (!offer) throw notFound('offer');
      return c.json(offer, 200);
    });
}
