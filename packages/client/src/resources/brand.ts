import { AllowedOrigins, type AllowedOriginsUpdate } from '@affdash/core';
import type { Http, RequestOptions } from '../http.js';
import { APIResource } from '../resource.js';
import { valid } from '../validate.js';

export type { AllowedOrigins, AllowedOriginsUpdate };

/**
 * The origins the brand embeds dashboards on. Only pages there may call the dashboard API
 * and frame the hosted page; an empty list allows any origin (for development).
 *
 * @example
 * await affdash.brand.allowedOrigins.update({ origins: ['https://shop.example'] });
 */
export class BrandAllowedOrigins extends APIResource {
  async retrieve(options?: RequestOptions): Promise<AllowedOrigins> {
    return this._get('v1/brand/allowed-origins', AllowedOrigins, options);
  }

  /** Replace the whole list (at most 50; https, or http for localhost and 127.0.0.1). */
  async update(params: AllowedOriginsUpdate, options?: RequestOptions): Promise<AllowedOrigins> {
    return this._put('v1/brand/allowed-origins', valid(AllowedOrigins, params, 'allowed origins'), AllowedOrigins, options);
  }
}

/** Settings of the brand the API key belongs to. */
export class Brand {
  readonly allowedOrigins: BrandAllowedOrigins;

  constructor(http: Http) {
    this.allowedOrigins = new BrandAllowedOrigins(http);
  }
}
