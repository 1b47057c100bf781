import { AllowedOrigins, BrandProfile, BrandProfileUpdate, type AllowedOriginsUpdate } from '@affdash/core';
import type { Http, RequestOptions } from '../http.js';
import { APIResource } from '../resource.js';
import { valid } from '../validate.js';

export type { AllowedOrigins, AllowedOriginsUpdate, BrandProfile, BrandProfileUpdate };

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

/**
 * How the hosted dashboard page and every email look and speak: display name, logo, accent,
 * font, theme, default language, sender name, reply-to and postal address.
 *
 * @example
 * await affdash.brand.profile.update({ accentColor: '#0b3d2e', defaultLocale: 'de' });
 */
export class BrandProfiles extends APIResource {
  async retrieve(options?: RequestOptions): Promise<BrandProfile> {
    return this._get('v1/brand/profile', BrandProfile, options);
  }

  /** Changes only the fields given; `null` clears one (`accentTextColor: null`: computed again). */
  async update(params: BrandProfileUpdate, options?: RequestOptions): Promise<BrandProfile> {
    return this._patch('v1/brand/profile', valid(BrandProfileUpdate, params, 'brand profile'), BrandProfile, options);
  }
}

/** Settings of the brand the API key belongs to. */
export class Brand {
  readonly allowedOrigins: BrandAllowedOrigins;
  readonly profile: BrandProfiles;

  constructor(http: Http) {
    this.allowedOrigins = new BrandAllowedOrigins(http);
    this.profile = new BrandProfiles(http);
  }
}
