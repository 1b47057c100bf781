import {
  Page,
  PageQuery,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointDeleted,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from '@affdash/core';
import type { Http, RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointDeleted,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookEventType,
  WebhookSecretRotate,
};
export type WebhookEndpointListParams = ListParams;
export type WebhookDeliveryListParams = ListParams;

const EndpointPage = Page(WebhookEndpoint);
const DeliveryPage = Page(WebhookDelivery);

/** Each event sent to an endpoint: status, attempts, last status code and error; replay. */
export class WebhookDeliveries extends APIResource {
  /** An endpoint's deliveries, newest first. */
  list(endpointId: string, params: WebhookDeliveryListParams = {}, options?: RequestOptions): PagePromise<WebhookDelivery> {
    return this._list(
      DeliveryPage,
      () => ({ path: path`v1/webhook-endpoints/${endpointId}/deliveries`, query: valid(PageQuery, params, 'list parameters') }),
      options,
    );
  }

  async retrieve(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this._get(path`v1/webhook-deliveries/${id}`, WebhookDelivery, options);
  }

  /** Sends the delivery's event again, now, with a fresh retry schedule. */
  async replay(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this._post(path`v1/webhook-deliveries/${id}/replay`, undefined, WebhookDelivery, options);
  }
}

/**
 * Webhook endpoints: URLs affdash POSTs the brand's events to, signed with the endpoint's
 * secret (returned once, by `create`). Check requests with `constructWebhookEvent`.
 *
 * @example
 * const endpoint = await affdash.webhookEndpoints.create({
 *   url: 'https://brand.example/affdash/webhooks',
 *   events: ['conversion.created', 'conversion.status_changed'],
 * });
 * saveSecret(endpoint.secret); // shown only this once
 * for await (const delivery of affdash.webhookEndpoints.deliveries.list(endpoint.id)) {
 *   if (delivery.status === 'failed') await affdash.webhookEndpoints.deliveries.replay(delivery.id);
 * }
 */
export class WebhookEndpoints extends APIResource {
  readonly deliveries: WebhookDeliveries;

  constructor(http: Http) {
    super(http);
    this.deliveries = new WebhookDeliveries(http);
  }

  /** Create an endpoint (every event unless `events` says which). The answer carries its `secret`, once. */
  async create(params: WebhookEndpointCreate, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    const body = valid(WebhookEndpointCreate, params, 'webhook endpoint');
    return this._post('v1/webhook-endpoints', body, WebhookEndpointWithSecret, options);
  }

  async retrieve(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this._get(path`v1/webhook-endpoints/${id}`, WebhookEndpoint, options);
  }

  /** Change the URL, events or description; `disabled: true` pauses deliveries, `false` resumes them. */
  async update(id: string, params: WebhookEndpointUpdate, options?: RequestOptions): Promise<WebhookEndpoint> {
    const body = valid(WebhookEndpointUpdate, params, 'webhook endpoint update');
    return this._patch(path`v1/webhook-endpoints/${id}`, body, WebhookEndpoint, options);
  }

  /**
   * Give an endpoint a new signing secret, in the answer this once. Deliveries stay signed
   * with the current secret too for `expiresInHours` (default 24; 0 stops it at once), so
   * receivers can move to the new one without refusing an event: `verifyWebhookSignature`
   * accepts a request signed with either.
   */
  async rotateSecret(id: string, params: WebhookSecretRotate = {}, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    const body = valid(WebhookSecretRotate, params, 'secret rotation');
    return this._post(path`v1/webhook-endpoints/${id}/rotate-secret`, body, WebhookEndpointWithSecret, options);
  }

  /** Delete an endpoint: nothing more is sent to it, and what was queued is given up. */
  async del(id: string, options?: RequestOptions): Promise<WebhookEndpointDeleted> {
    return this._delete(path`v1/webhook-endpoints/${id}`, WebhookEndpointDeleted, options);
  }

  /** List endpoints, newest first. Await for one page, or `for await` over every endpoint. */
  list(params: WebhookEndpointListParams = {}, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this._list(EndpointPage, () => ({ path: 'v1/webhook-endpoints', query: valid(PageQuery, params, 'list parameters') }), options);
  }
}
