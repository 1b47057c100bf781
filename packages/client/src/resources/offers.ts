import { Offer, OfferCreate, OfferSummary, OfferUpdate, Page, PageQuery } from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { Offer, OfferCreate, OfferSummary, OfferUpdate };
export type OfferListParams = ListParams;

const OfferPage = Page(Offer);
const OfferSummaryPage = Page(OfferSummary);

/**
 * Offers: what a brand pays members for (currency, commission structure, hold days).
 *
 * @example
 * const offer = await affdash.offers.create({
 *   name: 'Spring sale',
 *   currency: 'USD',
 *   commission: { type: 'percent', rateBps: 1_000 },
 *   destinationUrl: 'https://shop.example/spring',
 * });
 */
export class Offers extends APIResource {
  /** Create an offer. */
  async create(params: OfferCreate, options?: RequestOptions): Promise<Offer> {
    return this._post('v1/offers', valid(OfferCreate, params, 'offer'), Offer, options);
  }

  /** Retrieve an offer by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Offer> {
    return this._get(path`v1/offers/${id}`, Offer, options);
  }

  /** Update some fields of an offer; the currency is fixed once created. */
  async update(id: string, params: OfferUpdate, options?: RequestOptions): Promise<Offer> {
    return this._patch(path`v1/offers/${id}`, valid(OfferUpdate, params, 'offer update'), Offer, options);
  }

  /** List offers, newest first. Await for one page, or `for await` over every offer. */
  list(params: OfferListParams = {}, options?: RequestOptions): PagePromise<Offer> {
    return this._list(OfferPage, () => ({ path: 'v1/offers', query: valid(PageQuery, params, 'list parameters') }), options);
  }

  /**
   * The brand's offers with their members count, conversions, sales and commission totals,
   * newest first. Await for one page, or `for await` over every offer.
   */
  summaries(params: OfferListParams = {}, options?: RequestOptions): PagePromise<OfferSummary> {
    return this._list(
      OfferSummaryPage,
      () => ({ path: 'v1/offer-summaries', query: valid(PageQuery, params, 'list parameters') }),
      options,
    );
  }
}
