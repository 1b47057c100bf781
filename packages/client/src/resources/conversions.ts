import {
  Conversion,
  ConversionBatchCreate,
  ConversionBatchResult,
  ConversionCreate,
  ConversionEvent,
  ConversionEventList,
  ConversionListQuery,
  ConversionUpdate,
  Page,
  PageQuery,
  type ConversionBatchItem,
  type ConversionStatus,
} from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type {
  Conversion,
  ConversionBatchCreate,
  ConversionBatchItem,
  ConversionBatchResult,
  ConversionCreate,
  ConversionEvent,
  ConversionStatus,
  ConversionUpdate,
};
export interface ConversionListParams extends ListParams {
  enrollmentId?: string;
  status?: ConversionStatus;
}

/** What `record` answers: the conversion, and whether this call created it. */
export interface ConversionRecord {
  conversion: Conversion;
  /** `false` when a conversion with this `orderId` already existed (it is returned as is). */
  created: boolean;
}

/** Options of `batch`: those of every call, and how much each result carries. */
export interface ConversionBatchOptions extends RequestOptions {
  /**
   * `'minimal'`: each result names its conversion by `id` only, without `conversion`, for a
   * shorter answer when recording many sales (`Prefer: return=minimal`). Default
   * `'representation'`: each result also carries the conversion.
   */
  return?: 'minimal' | 'representation';
}

const ConversionPage = Page(Conversion);
const ListQuery = PageQuery.extend(ConversionListQuery.shape);

/**
 * Conversions: sales attributed to an enrollment by promo code or enrollment id. Recording is
 * idempotent by `orderId`, so both methods below are retried safely on network errors.
 *
 * @example
 * const { conversion, created } = await affdash.conversions.record({
 *   orderId: 'order_1001',
 *   amount: 12_000,
 *   promoCode: 'ADA10',
 * });
 * await affdash.conversions.update(conversion.id, { status: 'approved' });
 */
export class Conversions extends APIResource {
  /** Record a sale and return its conversion; an `orderId` seen before returns the existing one. */
  async create(params: ConversionCreate, options?: RequestOptions): Promise<Conversion> {
    return (await this.record(params, options)).conversion;
  }

  /** Like `create`, and also tells whether the conversion is new (201) or existed (200). */
  async record(params: ConversionCreate, options?: RequestOptions): Promise<ConversionRecord> {
    const body = valid(ConversionCreate, params, 'conversion');
    const request = { method: 'POST' as const, path: 'v1/conversions', body, schema: Conversion, options };
    const reply = await this._http.request({ ...request, idempotent: true });
    return { conversion: reply.data, created: reply.status === 201 };
  }

  /**
   * Record up to 1 000 sales in one request. Every item gets a result at its `index`:
   * `created`, `existing` (order id seen before) or `error` (with `code` and `message`); one
   * bad item does not stop the others (items are checked by the server, one by one). Each
   * recorded item names its conversion by `id`, and carries it as `conversion` unless
   * `options.return` is `'minimal'`. Idempotent by `orderId`, so retried safely.
   */
  async batch(params: ConversionBatchCreate, options?: ConversionBatchOptions): Promise<ConversionBatchResult> {
    const body = valid(ConversionBatchCreate, params, 'conversion batch');
    const request = { method: 'POST' as const, path: 'v1/conversions/batch', body, schema: ConversionBatchResult, options };
    const headers = options?.return === 'minimal' ? { prefer: 'return=minimal' } : undefined;
    return (await this._http.request({ ...request, headers, idempotent: true })).data;
  }

  /** A conversion's status changes, oldest first, with who made each and when. */
  async events(id: string, options?: RequestOptions): Promise<ConversionEvent[]> {
    return (await this._get(path`v1/conversions/${id}/events`, ConversionEventList, options)).data;
  }

  /** Retrieve a conversion by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Conversion> {
    return this._get(path`v1/conversions/${id}`, Conversion, options);
  }

  /** Approve, reject or reverse; `reason` (shown to the member) is required to reject or reverse. */
  async update(id: string, params: ConversionUpdate, options?: RequestOptions): Promise<Conversion> {
    return this._patch(path`v1/conversions/${id}`, valid(ConversionUpdate, params, 'conversion update'), Conversion, options);
  }

  /** List conversions, newest first, optionally of one enrollment or in one status. */
  list(params: ConversionListParams = {}, options?: RequestOptions): PagePromise<Conversion> {
    return this._list(ConversionPage, () => ({ path: 'v1/conversions', query: valid(ListQuery, params, 'list parameters') }), options);
  }
}
