import {
  Dashboard,
  DashboardConversion,
  DashboardConversionQuery,
  DashboardPayment,
  DashboardSeries,
  DashboardStatement,
  DayRange,
  Month,
  Page,
  PageQuery,
  type ConversionStatus,
} from '@affdash/core';
import type { Http, RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid, type Schema } from '../validate.js';

export type { Dashboard, DashboardConversion, DashboardPayment };

/** Resolves the enrollment to read: the given id, or the dashboard token's `sub`. */
export type EnrollmentResolver = (enrollmentId?: string) => Promise<string>;

export interface DashboardListParams extends ListParams {
  /** Defaults to the enrollment the token was minted for. */
  enrollmentId?: string;
}
export interface DashboardConversionListParams extends DashboardListParams {
  status?: ConversionStatus;
}
export type DashboardPaymentListParams = DashboardListParams;

const ConversionPage = Page(DashboardConversion);
const PaymentPage = Page(DashboardPayment);
const ConversionQuery = PageQuery.extend(DashboardConversionQuery.shape);

abstract class DashboardResource extends APIResource {
  protected readonly _enrollment: EnrollmentResolver;
  constructor(http: Http, enrollment: EnrollmentResolver) {
    super(http);
    this._enrollment = enrollment;
  }
}

/**
 * The first screen of one enrollment's dashboard, in one request. Reading it again sends the
 * ETag of the last answer: an unchanged dashboard comes back as a 304, without a body.
 */
export class DashboardEnrollments extends DashboardResource {
  async retrieve(enrollmentId?: string, options?: RequestOptions): Promise<Dashboard> {
    return this._get(path`v1/dashboard/enrollments/${await this._enrollment(enrollmentId)}`, Dashboard, options, true);
  }
}

/** The member's conversions (order ids masked), newest first. */
export class DashboardConversions extends DashboardResource {
  list(params: DashboardConversionListParams = {}, options?: RequestOptions): PagePromise<DashboardConversion> {
    return this._list(ConversionPage, async () => ({
      path: path`v1/dashboard/enrollments/${await this._enrollment(params.enrollmentId)}/conversions`,
      query: valid(ConversionQuery, params, 'list parameters'),
    }), options, true);
  }
}

/** The payments made to the member, newest first. */
export class DashboardPayments extends DashboardResource {
  list(params: DashboardPaymentListParams = {}, options?: RequestOptions): PagePromise<DashboardPayment> {
    return this._list(PaymentPage, async () => ({
      path: path`v1/dashboard/enrollments/${await this._enrollment(params.enrollmentId)}/payments`,
      query: valid(PageQuery, params, 'list parameters'),
    }), options, true);
  }
}

export type { DashboardSeries, DashboardStatement };

export interface DashboardSeriesParams extends DayRange {
  /** Defaults to the enrollment the token was minted for. */
  enrollmentId?: string;
}
export interface DashboardConversionExportParams extends DayRange {
  enrollmentId?: string;
  status?: ConversionStatus;
}

/** A response body that is CSV text. */
const CsvText: Schema<string> = {
  safeParse: (data) =>
    typeof data === 'string'
      ? { success: true, data }
      : { success: false, error: { issues: [{ path: [], message: 'expected CSV text' }] } },
};

/** Daily series, CSV exports and monthly statements of one enrollment. */
export class DashboardReports extends DashboardResource {
  async series(params: DashboardSeriesParams = {}, options?: RequestOptions): Promise<DashboardSeries> {
    const { enrollmentId, ...range } = params;
    const query = valid(DayRange, range, 'series parameters');
    return (await this._http.request({
      method: 'GET',
      path: path`v1/dashboard/enrollments/${await this._enrollment(enrollmentId)}/series`,
      query,
      schema: DashboardSeries,
      options,
    })).data;
  }

  async conversionsCsv(params: DashboardConversionExportParams = {}, options?: RequestOptions): Promise<string> {
    const { enrollmentId, ...filter } = params;
    const query = valid(DashboardConversionQuery, filter, 'export parameters');
    return (await this._http.request({
      method: 'GET',
      path: path`v1/dashboard/enrollments/${await this._enrollment(enrollmentId)}/conversions.csv`,
      query,
      schema: CsvText,
      options,
    })).data;
  }

  async paymentsCsv(enrollmentId?: string, options?: RequestOptions): Promise<string> {
    return this._get(path`v1/dashboard/enrollments/${await this._enrollment(enrollmentId)}/payments.csv`, CsvText, options);
  }

  async statement(month: string, enrollmentId?: string, options?: RequestOptions): Promise<DashboardStatement> {
    valid(Month, month, 'month');
    const base = path`v1/dashboard/enrollments/${await this._enrollment(enrollmentId)}/statements`;
    return this._get(`${base}/${month}`, DashboardStatement, options);
  }

  async statementCsv(month: string, enrollmentId?: string, options?: RequestOptions): Promise<string> {
    valid(Month, month, 'month');
    const base = path`v1/dashboard/enrollments/${await this._enrollment(enrollmentId)}/statements`;
    return this._get(`${base}/${month}.csv`, CsvText, options);
  }
}
