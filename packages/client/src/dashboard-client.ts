import { decodeJwt } from 'jose';
import { connection, invalidOption, type ConnectionOptions } from './options.js';
import { InvalidInputError } from './errors.js';
import { Http, type Credentials, type RequestOptions } from './http.js';
import {
  DashboardConversions,
  DashboardEnrollments,
  DashboardPayments,
  DashboardReports,
  type Dashboard,
  type DashboardConversionExportParams,
  type DashboardSeries,
  type DashboardSeriesParams,
  type DashboardStatement,
} from './resources/dashboard.js';

/** Returns a fresh dashboard token, e.g. from your backend or the hosted page's refresh path. */
export type TokenProvider = () => string | Promise<string>;

export interface DashboardClientOptions extends ConnectionOptions {
  /** A dashboard token. Give this or `tokenProvider`. */
  token?: string;
  /** Called for the first token and again when one expires (then the request is repeated). */
  tokenProvider?: TokenProvider;
}

/** Renew a token this many seconds before its `exp`. */
const EXPIRY_MARGIN_SECONDS = 10;

function claims(token: string): { sub?: string | undefined; exp?: number | undefined } {
  try {
    return decodeJwt(token);
  } catch {
    throw new InvalidInputError({ code: 'validation_failed', message: 'The dashboard token is not a JWT' });
  }
}

function tokenCredentials(token: string | undefined, provider: TokenProvider | undefined): Credentials {
  if (!provider) return { bearer: () => token! };
  let current = token;
  let pending: Promise<string> | undefined;
  const renew = () => {
    pending ??= Promise.resolve()
      .then(provider)
      .then((fresh) => (current = fresh))
      .finally(() => (pending = undefined));
    return pending;
  };
  const fresh = (t: string) => {
    const { exp } = claims(t);
    return exp === undefined || exp - EXPIRY_MARGIN_SECONDS > Date.now() / 1000;
  };
  return { bearer: () => (current !== undefined && fresh(current) ? current : renew()), renew };
}

/**
 * Reads one enrollment's dashboard with a dashboard token: what the member's browser uses.
 * Read-only; the token names the enrollment (its `sub`), so ids are optional.
 *
 * @example
 * import { DashboardClient } from '@affdash/client';
 *
 * const dashboard = new DashboardClient({
 *   baseUrl: 'https://affdash.example.com',
 *   tokenProvider: () => fetch('/my-backend/affdash-token').then((r) => r.text()),
 * });
 * const { offer, totals } = await dashboard.retrieve();
 * for await (const conversion of dashboard.conversions.list({ status: 'pending' })) {
 *   console.log(conversion.orderRef, conversion.commission);
 * }
 */
export class DashboardClient {
  readonly conversions: DashboardConversions;
  readonly payments: DashboardPayments;
  readonly #enrollments: DashboardEnrollments;
  readonly #reports: DashboardReports;

  constructor(options: DashboardClientOptions) {
    const { token, tokenProvider } = options;
    if (token === undefined && tokenProvider === undefined) throw invalidOption('token', 'give token or tokenProvider');
    if (token !== undefined && (typeof token !== 'string' || token === '')) throw invalidOption('token', 'must be a non-empty string');
    const credentials = tokenCredentials(token, tokenProvider);
    const http = new Http({ ...connection(options), credentials });
    const enrollment = async (enrollmentId?: string) => {
      if (enrollmentId !== undefined) return enrollmentId;
      const { sub } = claims(await credentials.bearer());
      if (sub === undefined) throw new InvalidInputError({ code: 'validation_failed', message: 'The dashboard token has no sub' });
      return sub;
    };
    this.#enrollments = new DashboardEnrollments(http, enrollment);
    this.conversions = new DashboardConversions(http, enrollment);
    this.payments = new DashboardPayments(http, enrollment);
    this.#reports = new DashboardReports(http, enrollment);
  }

  /** The whole first screen (offer, terms, code, link, totals, first pages) in one request. */
  retrieve(enrollmentId?: string, options?: RequestOptions): Promise<Dashboard> {
    return this.#enrollments.retrieve(enrollmentId, options);
  }

  /** Daily clicks, conversions, sales and commission (default: the last 30 days, UTC). */
  series(params?: DashboardSeriesParams, options?: RequestOptions): Promise<DashboardSeries> {
    return this.#reports.series(params, options);
  }

  /**
   * The member's conversions as CSV text. For a download in a browser:
   * `URL.createObjectURL(new Blob([csv], { type: 'text/csv' }))`.
   */
  exportConversionsCsv(params?: DashboardConversionExportParams, options?: RequestOptions): Promise<string> {
    return this.#reports.conversionsCsv(params, options);
  }

  /** The payments made to the member as CSV text. */
  exportPaymentsCsv(enrollmentId?: string, options?: RequestOptions): Promise<string> {
    return this.#reports.paymentsCsv(enrollmentId, options);
  }

  /** One month's statement (`YYYY-MM`): opening balance, approved, reversed, payments, closing. */
  statement(month: string, enrollmentId?: string, options?: RequestOptions): Promise<DashboardStatement> {
    return this.#reports.statement(month, enrollmentId, options);
  }

  /** One month's statement as CSV text. */
  statementCsv(month: string, enrollmentId?: string, options?: RequestOptions): Promise<string> {
    return this.#reports.statementCsv(month, enrollmentId, options);
  }
}
