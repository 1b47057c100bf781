import {
  Enrollment,
  EnrollmentBulkCreate,
  EnrollmentBulkResult,
  EnrollmentCreate,
  EnrollmentListQuery,
  EnrollmentUpdate,
  Page,
  PageQuery,
} from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { Enrollment, EnrollmentBulkCreate, EnrollmentBulkResult, EnrollmentCreate, EnrollmentUpdate };
export interface EnrollmentListParams extends ListParams {
  offerId?: string;
  memberId?: string;
}

const EnrollmentPage = Page(Enrollment);
const ListQuery = PageQuery.extend(EnrollmentListQuery.shape);

/**
 * Enrollments: a member in one offer. Creating one generates the member's promo code,
 * tracking link (`trackingUrl`) and hosted dashboard link (`dashboardUrl`).
 *
 * @example
 * const enrollment = await affdash.enrollments.create({ offerId: offer.id, memberId: member.id });
 * console.log(enrollment.promoCode, enrollment.trackingUrl, enrollment.dashboardUrl);
 */
export class Enrollments extends APIResource {
  /** Enroll a member in an offer; `promoCode` is generated from the offer's prefix when omitted. */
  async create(params: EnrollmentCreate, options?: RequestOptions): Promise<Enrollment> {
    return this._post('v1/enrollments', valid(EnrollmentCreate, params, 'enrollment'), Enrollment, options);
  }

  /**
   * Enroll up to 1 000 members in one offer at once. Each item is reported: `created` with
   * its enrollment, or `failed` with the reason; one failed item never fails the others.
   */
  async bulkCreate(params: EnrollmentBulkCreate, options?: RequestOptions): Promise<EnrollmentBulkResult> {
    return this._post('v1/enrollments/bulk', valid(EnrollmentBulkCreate, params, 'bulk enrollment'), EnrollmentBulkResult, options);
  }

  /** Replace the member's dashboard link: the old one stops working at once. */
  async rotateDashboardLink(id: string, options?: RequestOptions): Promise<Enrollment> {
    return this._post(path`v1/enrollments/${id}/rotate-dashboard-link`, undefined, Enrollment, options);
  }

  /** Retrieve an enrollment by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Enrollment> {
    return this._get(path`v1/enrollments/${id}`, Enrollment, options);
  }

  /** Change an enrollment's status (`active`, `paused`, `ended`) or promo code. */
  async update(id: string, params: EnrollmentUpdate, options?: RequestOptions): Promise<Enrollment> {
    return this._patch(path`v1/enrollments/${id}`, valid(EnrollmentUpdate, params, 'enrollment update'), Enrollment, options);
  }

  /** List enrollments, newest first, optionally of one offer or one member. */
  list(params: EnrollmentListParams = {}, options?: RequestOptions): PagePromise<Enrollment> {
    return this._list(EnrollmentPage, () => ({ path: 'v1/enrollments', query: valid(ListQuery, params, 'list parameters') }), options);
  }
}
