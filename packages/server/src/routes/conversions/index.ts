import {
  Conversion,
  ConversionBatchResult,
  ConversionCreate,
  ConversionEventList,
  ConversionListQuery,
  ConversionUpdate,
  PageQuery,
} from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { parsePrefer } from '../../http/prefer.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { ConversionBatchBody, ConversionPage } from '../../openapi/schemas.js';
import { recordConversionBatch } from '../../conversions/batch.js';
import { apiKeyActor, listEvents } from '../../conversions/events.js';
import { findConversion, listConversions } from '../../conversions/queries.js';
import { recordConversion } from '../../conversions/record.js';
import { toConversion } from '../../conversions/rows.js';
import { changeConversionStatus } from '../../conversions/status.js';

const brand = { tag: 'Conversions', auth: Auth.apiKey } as const;

const recordOne = route({
  ...brand,
  method: 'post',
  path: '/',
  summary: 'Record a conversion (idempotent by order id)',
  description:
    "Records a sale for the enrollment its `promoCode` (case-insensitive), `clickId` or `enrollmentId` names, `pending` with its expected commission until the offer's hold has passed. " +
    "The same `orderId` again answers 200 with the existing conversion, also when both arrive at once. `amount` is in the offer's currency; an order paid in another also sends `originalAmount`.",
  body: ConversionCreate,
  responses: {
    201: { description: 'Recorded', schema: Conversion },
    200: { description: 'This order id was recorded before: the existing conversion', schema: Conversion },
  },
  errors: ['not_found', 'unknown_promo_code', 'unknown_click', 'enrollment_inactive', 'currency_mismatch', 'total_limit_exceeded'],
});

const recordBatch = route({
  ...brand,
  method: 'post',
  path: '/batch',
  summary: 'Record up to 1 000 conversions, each on its own',
  description:
    'Answers each item, in order, exactly as `POST /v1/conversions` would had the items been sent one after another (`created`, `existing` or `error`); a bad item never stops the others. ' +
    'The valid items are recorded together in one transaction, so after a 5xx the same batch can be sent again; an empty batch or one over 1 000 items is a 400 for the whole request.',
  body: ConversionBatchBody,
  responses: { 200: { description: 'One result per item, in order', schema: ConversionBatchResult } },
  errors: ['total_limit_exceeded'],
  preferMinimal: true,
});

/** The list's query: a page, and the filters. */
const ListQuery = PageQuery.extend(ConversionListQuery.shape);

const listAll = route({
  ...brand,
  method: 'get',
  path: '/',
  summary: 'List conversions',
  description:
    "The brand's conversions, newest first, a page at a time: of one enrollment, in one status, and on the UTC days of `occurredAt` from `from` to `to` (both included).",
  query: ListQuery,
  responses: { 200: { description: 'OK', schema: ConversionPage } },
});

const retrieveOne = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve a conversion',
  description: 'One conversion: its enrollment, amounts, expected commission, status and how it was attributed.',
  responses: { 200: { description: 'OK', schema: Conversion } },
  errors: ['not_found'],
});

const listHistory = route({
  ...brand,
  method: 'get',
  path: '/{id}/events',
  summary: "A conversion's status changes, oldest first",
  description:
    'Every status change of the conversion, who made it and when, in the order they were applied (also for simultaneous changes); the first is its recording.',
  responses: { 200: { description: 'OK', schema: ConversionEventList } },
  errors: ['not_found'],
});

const changeStatus = route({
  ...brand,
  method: 'patch',
  path: '/{id}',
  summary: 'Approve, reject or reverse a conversion',
  description:
    'Moves a conversion `pending` → `approved` or `rejected`, `rejected` → `pending` or `approved`, or `approved` → `reversed` (a refund: its commission leaves the totals); any other change is a 409 `conflict`. ' +
    'Rejecting or reversing takes a `reason` the member can read.',
  body: ConversionUpdate,
  responses: { 200: { description: 'OK', schema: Conversion } },
  errors: ['not_found', 'conflict'],
});

/** `/v1/conversions`: sales the brand reports, and their approval. */
export function conversionRoutes() {
  return router()
    .openapi(recordOne, async (c) => {
      // a click answered here moments ago may still be on its way to the database
      await c.get('deps').clicks.flushIfWaiting([c.req.valid('json').clickId]);
      const { conversion, created } = await recordConversion(
        c.get('deps').db,
        c.get('brandId'),
        c.req.valid('json'),
        apiKeyActor(c.get('apiKeyId')),
      );
      return c.json(conversion, created ? 201 : 200);
    })
    .openapi(recordBatch, async (c) => {
      // `Prefer: return=minimal`: each result without its conversion, which `id` names
      const minimal = parsePrefer(c.req.header('prefer')).return === 'minimal';
      await c.get('deps').clicks.flushIfWaiting(c.req.valid('json').conversions.map((i) => (i as { clickId?: unknown } | null)?.clickId as string | undefined));
      const results = await recordConversionBatch(
        c.get('deps').db,
        c.get('brandId'),
        c.req.valid('json').conversions,
        apiKeyActor(c.get('apiKeyId')),
        minimal ? 'minimal' : 'representation',
      );
      c.header('Vary', 'Prefer');
      if (minimal) c.header('Preference-Applied', 'return=minimal');
      return c.json({ results }, 200);
    })
    .openapi(listAll, async (c) => {
      const query = c.req.valid('query');
      return c.json(await listConversions(c.get('deps').db, c.get('brandId'), query, query), 200);
    })
    .openapi(retrieveOne, async (c) => {
      const row = await findConversion(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('conversion');
      return c.json(toConversion(row), 200);
    })
    .openapi(listHistory, async (c) => {
      const { db } = c.get('deps');
      const row = await findConversion(db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('conversion');
      return c.json({ data: await listEvents(db, c.get('brandId'), row.id) }, 200);
    })
    .openapi(changeStatus, async (c) => {
      const conversion = await changeConversionStatus(
        c.get('deps').db,
        c.get('brandId'),
        c.req.param('id'),
        c.req.valid('json'),
        apiKeyActor(c.get('apiKeyId')),
      );
      return c.json(conversion, 200);
    });
}
