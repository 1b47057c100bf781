import { PageQuery, Payment, PaymentCreate, PaymentListQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { PaymentPage } from '../../openapi/schemas.js';
import { findPayment, listPayments, toPayment } from '../../payments/queries.js';
import { insertPayment } from '../../payments/record.js';

const brand = { tag: 'Payments', auth: Auth.apiKey } as const;

const recordPayment = route({
  ...brand,
  method: 'post',
  path: '/',
  summary: 'Record a payment to a member',
  description:
    "Records money paid to the member of an enrollment, in the offer's currency (another `currency` is a 422 `currency_mismatch`); `paidAt` defaults to now. " +
    "It counts in the enrollment's paid total and the member's dashboard lists it.",
  body: PaymentCreate,
  responses: { 201: { description: 'Created', schema: Payment } },
  errors: ['not_found', 'currency_mismatch', 'total_limit_exceeded'],
});

/** The list's query: a page, and the enrollment. */
const ListQuery = PageQuery.extend(PaymentListQuery.shape);

const listAll = route({
  ...brand,
  method: 'get',
  path: '/',
  summary: 'List payments',
  description: "The brand's payments, the latest `paidAt` first, a page at a time; `enrollmentId` lists one enrollment's.",
  query: ListQuery,
  responses: { 200: { description: 'OK', schema: PaymentPage } },
});

const retrievePayment = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve a payment',
  description: 'One payment: its enrollment, amount, method, reference and when it was paid.',
  responses: { 200: { description: 'OK', schema: Payment } },
  errors: ['not_found'],
});

/** `/v1/payments`: what the brand has paid its members. */
export function paymentRoutes() {
  return router()
    .openapi(recordPayment, async (c) => {
      const payment = await insertPayment(c.get('deps').db, c.get('brandId'), c.req.valid('json'));
      return c.json(payment, 201);
    })
    .openapi(listAll, async (c) => {
      const query = c.req.valid('query');
      return c.json(await listPayments(c.get('deps').db, c.get('brandId'), query.enrollmentId, query), 200);
    })
    .openapi(retrievePayment, async (c) => {
      const row = await findPayment(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('payment');
      return c.json(toPayment(row), 200);
    });
}
