import { Hono } from 'hono';
import {
  PageQuery,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
  WebhookSecretRotate,
  type WebhookEndpointDeleted,
} from '@affdash/core';
import type { AppEnv } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import {
  deleteEndpoint,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  toWebhookDelivery,
  toWebhookEndpoint,
  updateEndpoint,
} from './queries.js';

/**
 * `/v1/webhook-endpoints`: where the brand's events are POSTed, signed with the endpoint's
 * secret (returned once, on creation and on each rotation), and the log of deliveries to each.
 */
export function webhookEndpointRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', WebhookEndpointCreate), async (c) => {
      const { db, keys } = c.get('deps');
      return c.json(await insertEndpoint(db, keys, c.get('brandId'), c.req.valid('json')), 201);
    })
    .get('/', validate('query', PageQuery), async (c) => {
      return c.json(await listEndpoints(c.get('deps').db, c.get('brandId'), c.req.valid('query')));
    })
    .get('/:id', async (c) => {
      return c.json(toWebhookEndpoint(await findEndpoint(c.get('deps').db, c.get('brandId'), c.req.param('id'))));
    })
    .patch('/:id', validate('json', WebhookEndpointUpdate), async (c) => {
      const { db } = c.get('deps');
      return c.json(await updateEndpoint(db, c.get('brandId'), c.req.param('id'), c.req.valid('json')));
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await deleteEndpoint(c.get('deps').db, c.get('brandId'), id);
      const body: WebhookEndpointDeleted = { id, deleted: true };
      return c.json(body);
    })
    .post('/:id/rotate-secret', validate('json', WebhookSecretRotate), async (c) => {
      const { db, keys } = c.get('deps');
      return c.json(await rotateSecret(db, keys, c.get('brandId'), c.req.param('id'), c.req.valid('json')));
    })
    .get('/:id/deliveries', validate('query', PageQuery), async (c) => {
      const { db } = c.get('deps');
      return c.json(await listDeliveries(db, c.get('brandId'), c.req.param('id'), c.req.valid('query')));
    });
}

/** `/v1/webhook-deliveries`: one delivery of one event, and sending it again. */
export function webhookDeliveryRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .get('/:id', async (c) => {
      const row = await findDelivery(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('webhook delivery');
      return c.json(toWebhookDelivery(row));
    })
    .post('/:id/replay', async (c) => {
      return c.json(await replayDelivery(c.get('deps').db, c.get('brandId'), c.req.param('id')));
    });
}
