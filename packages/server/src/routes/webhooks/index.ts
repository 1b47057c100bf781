import {
  PageQuery,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointDeleted,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
} from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { WebhookDeliveryPage, WebhookEndpointPage } from '../../openapi/schemas.js';
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
} from '../../webhooks/queries.js';

const brand = { tag: 'Webhooks', auth: Auth.apiKey } as const;

const createEndpoint = route({
  ...brand,
  method: 'post',
  path: '/',
  summary: 'Create a webhook endpoint (the signing secret is shown once)',
  description:
    'Creates an endpoint the server POSTs the chosen events to (`events`: all, `["*"]`, by default), each signed with its `secret` (`whsec_…`), which this answer shows this once. ' +
    '`url` is an `http` or `https` URL of at most 2 000 characters.',
  body: WebhookEndpointCreate,
  responses: { 201: { description: 'Created', schema: WebhookEndpointWithSecret } },
});

const listAll = route({
  ...brand,
  method: 'get',
  path: '/',
  summary: 'List webhook endpoints',
  description: "The brand's endpoints, newest first, a page at a time (deleted ones left out).",
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: WebhookEndpointPage } },
});

const retrieveEndpoint = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve a webhook endpoint',
  description: 'One endpoint: its URL, events, description and whether it is disabled; never its secret.',
  responses: { 200: { description: 'OK', schema: WebhookEndpoint } },
  errors: ['not_found'],
});

const patchEndpoint = route({
  ...brand,
  method: 'patch',
  path: '/{id}',
  summary: 'Update, disable or resume a webhook endpoint',
  description:
    'Changes `url`, `events` or `description`; `disabled: true` stops its deliveries and `false` resumes them. A PATCH with nothing in it is a 400 `validation_failed`.',
  body: WebhookEndpointUpdate,
  responses: { 200: { description: 'OK', schema: WebhookEndpoint } },
  errors: ['not_found'],
});

const removeEndpoint = route({
  ...brand,
  method: 'delete',
  path: '/{id}',
  summary: 'Delete a webhook endpoint',
  description: 'Deletes the endpoint: nothing more is sent to it, and its queued deliveries are given up.',
  responses: { 200: { description: 'OK', schema: WebhookEndpointDeleted } },
  errors: ['not_found'],
});

const rotateEndpointSecret = route({
  ...brand,
  method: 'post',
  path: '/{id}/rotate-secret',
  summary: 'Give an endpoint a new signing secret (shown once); the current one signs beside it until it expires',
  description:
    'Answers a new `secret`, shown this once. Until `previousSecretExpiresAt` (`expiresInHours` from now: 0–168, default 24) deliveries carry a second `v1` signature made with the secret before, so receivers move over without refusing an event; 0 stops the old one at once.',
  body: WebhookSecretRotate,
  responses: { 200: { description: 'OK', schema: WebhookEndpointWithSecret } },
  errors: ['not_found'],
});

const listEndpointDeliveries = route({
  ...brand,
  method: 'get',
  path: '/{id}/deliveries',
  summary: "An endpoint's deliveries, newest first",
  description:
    "The endpoint's deliveries, newest first, a page at a time. An event and its deliveries are kept 30 days after the last of them ended (`AFFDASH_WEBHOOK_RETENTION_DAYS`); queued ones however old.",
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: WebhookDeliveryPage } },
  errors: ['not_found'],
});

/**
 * `/v1/webhook-endpoints`: where the brand's events are POSTed, signed with the endpoint's
 * secret (returned once, on creation and on each rotation), and the log of deliveries to each.
 */
export function webhookEndpointRoutes() {
  return router()
    .openapi(createEndpoint, async (c) => {
      const { db, keys } = c.get('deps');
      return c.json(await insertEndpoint(db, keys, c.get('brandId'), c.req.valid('json')), 201);
    })
    .openapi(listAll, async (c) => {
      return c.json(await listEndpoints(c.get('deps').db, c.get('brandId'), c.req.valid('query')), 200);
    })
    .openapi(retrieveEndpoint, async (c) => {
      return c.json(toWebhookEndpoint(await findEndpoint(c.get('deps').db, c.get('brandId'), c.req.param('id'))), 200);
    })
    .openapi(patchEndpoint, async (c) => {
      const { db } = c.get('deps');
      return c.json(await updateEndpoint(db, c.get('brandId'), c.req.param('id'), c.req.valid('json')), 200);
    })
    .openapi(removeEndpoint, async (c) => {
      const id = c.req.param('id');
      await deleteEndpoint(c.get('deps').db, c.get('brandId'), id);
      const body: WebhookEndpointDeleted = { id, deleted: true };
      return c.json(body, 200);
    })
    .openapi(rotateEndpointSecret, async (c) => {
      const { db, keys } = c.get('deps');
      return c.json(await rotateSecret(db, keys, c.get('brandId'), c.req.param('id'), c.req.valid('json')), 200);
    })
    .openapi(listEndpointDeliveries, async (c) => {
      const { db } = c.get('deps');
      return c.json(await listDeliveries(db, c.get('brandId'), c.req.param('id'), c.req.valid('query')), 200);
    });
}

const retrieveDelivery = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve a webhook delivery',
  description:
    'One delivery of one event to one endpoint: its status (`queued`, `delivered` or `failed`), attempts, next attempt, last status code and error.',
  responses: { 200: { description: 'OK', schema: WebhookDelivery } },
  errors: ['not_found'],
});

const replay = route({
  ...brand,
  method: 'post',
  path: '/{id}/replay',
  summary: 'Send a delivery again',
  description:
    'Queues the delivery again, due now, with its attempts back to 0: the same event (same id and body, a fresh signature) to the same endpoint. A 409 `conflict` when its endpoint is disabled or deleted.',
  responses: { 200: { description: 'OK', schema: WebhookDelivery } },
  errors: ['not_found', 'conflict'],
});

/** `/v1/webhook-deliveries`: one delivery of one event, and sending it again. */
export function webhookDeliveryRoutes() {
  return router()
    .openapi(retrieveDelivery, async (c) => {
      const row = await findDelivery(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('webhook delivery');
      return c.json(toWebhookDelivery(row), 200);
    })
    .openapi(replay, async (c) => {
      return c.json(await replayDelivery(c.get('deps').db, c.get('brandId'), c.req.param('id')), 200);
    });
}
