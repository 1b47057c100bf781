import { Page, PageQuery, Payment, PaymentCreate, PaymentListQuery } from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { Payment, PaymentCreate };
export interface PaymentListParams extends ListParams {
  enrollmentId?: string;
}

const PaymentPage = Page(Payment);
const ListQuery = PageQuery.extend(PaymentListQuery.shape);

/**
 * Payments: money the brand has paid a member for one enrollment, in the offer's currency.
 *
 * @example
 * await affdash.payments.create({
 *   enrollmentId: enrollment.id,
 *   amount: 2_500,
 *   currency: 'USD',
 *   method: 'bank transfer',
 *   reference: 'INV-2026-11',
 * });
 */
export class Payments extends APIResource {
  /** Record a payment. Pass `idempotencyKey` to make it safe to retry. */
  async create(params: PaymentCreate, options?: RequestOptions): Promise<Payment> {
    return this._post('v1/payments', valid(PaymentCreate, params, 'payment'), Payment, options);
  }

  /** Retrieve a payment by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Payment> {
    return this._get(path`v1/payments/${id}`, Payment, options);
  }

  /** List payments, newest first, optionally of one enrollment. */
  list(params: PaymentListParams = {}, options?: RequestOptions): PagePromise<Payment> {
    return this._list(PaymentPage, () => ({ path: 'v1/payments', query: valid(ListQuery, params, 'list parameters') }), options);
  }
}
