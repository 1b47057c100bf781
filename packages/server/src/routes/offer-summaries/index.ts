import { PageQuery } from '@affdash/core';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { listOfferSummaries } from '../../offer-summaries/queries.js';
import { OfferSummaryPage } from '../../openapi/schemas.js';

const listAll = route({
  method: 'get',
  path: '/',
  tag: 'Offers',
  summary: 'Offers with their members, conversions, sales and commission totals',
  description:
    "The brand's offers, newest first, each with its `members` (enrollments of any status), `conversions`, " +
    '`sales`, `commission` (pending + approved) and `paid`, from totals kept with every write. A brand ' +
    'session sees only its offers.',
  auth: Auth.apiKey,
  session: ['offers'],
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: OfferSummaryPage } },
});

/** `/v1/offer-summaries`: the brand's offers with their totals, for the offers list of the components. */
export function offerSummaryRoutes() {
  return router().openapi(listAll, async (c) => {
    const { db } = c.get('deps');
    const only = c.get('session')?.offerIds;
    return c.json(await listOfferSummaries(db, c.get('brandId'), c.req.valid('query'), only), 200);
  });
}
