import { OfferMemberListQuery, OfferMembersAdd, OfferMembersAddResult, PageQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { addOfferMembers } from '../../offer-members/add.js';
import { listOfferMembers } from '../../offer-members/queries.js';
import { findOffer } from '../../offers/queries.js';
import { OfferMemberPage } from '../../openapi/schemas.js';

/** The members table of the brand-side components: the API key, or a session enabling `members` for the offer. */
const members = { tag: 'Offers', auth: Auth.apiKey, session: ['members'], offerParam: 'offerId' } as const;

const ListQuery = PageQuery.extend(OfferMemberListQuery.shape);

const listAll = route({
  ...members,
  method: 'get',
  path: '/',
  summary: "The offer's members with their code, links and when each was last emailed; search and filters",
  description:
    "The offer's members, newest enrollment first, each with their promo code, tracking link, dashboard link " +
    'and `lastEmailedAt` (when a message was last queued or sent to them; failed messages and tests do not ' +
    'count). `q` matches name, email or promo code, any case; `status`, `optedOut`, `neverEmailed` and ' +
    '`emailedBefore` narrow the list.',
  query: ListQuery,
  responses: { 200: { description: 'OK', schema: OfferMemberPage } },
  errors: ['not_found'],
});

const addMembers = route({
  ...members,
  method: 'post',
  path: '/',
  summary: 'Add people to the offer (matched by email or external id, else created); generates codes and links',
  description:
    'Adds 1 to 1 000 people to the offer in one transaction: each is matched to a member of the brand by ' +
    '`externalId` when given, else by email (any case), else created, then enrolled with its promo code (the ' +
    "one given, or generated), tracking link and dashboard link. One result per row, in order; a row that " +
    'cannot be added (already enrolled, a chosen code taken) fails alone.',
  body: OfferMembersAdd,
  responses: { 200: { description: 'One result per row, in order', schema: OfferMembersAddResult } },
  errors: ['not_found'],
});

/** `/v1/offers/:offerId/members`: the members table of the brand-side components. */
export function offerMemberRoutes() {
  return router()
    .openapi(listAll, async (c) => {
      const { db, links } = c.get('deps');
      const offerId = c.req.param('offerId')!;
      if (!(await findOffer(db, c.get('brandId'), offerId))) throw notFound('offer');
      return c.json(await listOfferMembers(db, links, c.get('brandId'), offerId, c.req.valid('query')), 200);
    })
    .openapi(addMembers, async (c) => {
      const { db, links } = c.get('deps');
      const result = await addOfferMembers(db, links, c.get('brandId'), c.req.param('offerId')!, c.req.valid('json'));
      return c.json(result, 200);
    });
}
