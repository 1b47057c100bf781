import { Hono } from 'hono';
import { PageQuery, PaymentCreate, PaymentListQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import { findPayment, insertPayment, listPayments, toPayment } from './queries.js';

/** `/v1/payments`: what the brand has paid its members. */
export function paymentRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', PaymentCreate), async (c) => {
      const payment = await insertPayment(c.get('deps').db, c.get('brandId'), c.req.valid('json'));
      return c.json(payment, 201);
    })
    .get('/', validate('query', PageQuery.extend(PaymentListQuery.shape)), async (c) => {
      const query = c.req.valid('query');
      return c.json(await listPayments(c.get('deps').db, c.get('brandId'), query.enrollmentId, query));
    })
    .get('/:id', async (c) => {
      const row = await findPayment(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('payment');
      return c.json(toPayment(row));
    });
}
