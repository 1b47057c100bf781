import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Dashboard, DashboardConversion, DashboardPayment, DashboardSeries, DayRange, Page, SeriesPoint } from '@affdash/core';
import { messageLanguage } from '@affdash/core/messages';
import { ApiError, dashboardUrl, getJson, toErrorDetail, type DashboardErrorDetail, type Query } from './api.js';
import { PagedList } from './paged-list.js';
import { saveFile } from './save-file.js';
import { readToken, type TokenClaims } from './token.js';

export type ConversionStatus = DashboardConversion['status'];

/** What downloads as CSV. */
export type CsvKind = 'conversions' | 'payments';

/** What the controller reads from its element. */
export interface DashboardSource {
  token: string;
  apiBase: string;
  tokenProvider?: (() => Promise<string>) | undefined;
}

/** Refresh this long before the token's `exp`, when a provider can give a new one. */
export const REFRESH_LEAD_MS = 60_000;

/**
 * Owns everything the dashboard knows: the first screen (one request), the conversion and
 * payment pages, the token and its refresh, and errors. The element only renders it.
 */
export class DashboardController implements ReactiveController {
  phase: 'loading' | 'ready' | 'error' = 'loading';
  dashboard: Dashboard | undefined;
  error: DashboardErrorDetail | undefined;
  /** The token expired and no provider gave a new one. */
  expired = false;
  conversionStatus: ConversionStatus | undefined;
  readonly conversions: PagedList<DashboardConversion>;
  readonly payments: PagedList<DashboardPayment>;
  /** Why the last CSV download failed, by what it was of. */
  csvErrors: Partial<Record<CsvKind, DashboardErrorDetail>> = {};
  /** The chart's days: the first screen's last 30, then those of the span chosen (one page). */
  readonly series: PagedList<SeriesPoint>;
  /** The span shown, in days. */
  span = 30;
  /** The days conversions are filtered to, once a span was chosen. */
  range: DayRange | undefined;
  /** The reader's language (BCP 47): the first screen is asked for in it and brings its words. */
  locale = '';

  #host: ReactiveControllerHost & HTMLElement & DashboardSource;
  #token = '';
  #claims: TokenClaims | undefined;
  #apiBase = '';
  #generation = 0;
  /** The language the first screen was last asked for in. */
  #asked: string | undefined;
  #refreshing: Promise<boolean> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement & DashboardSource) {
    this.#host = host;
    const changed = () => host.requestUpdate();
    const failed = (error: unknown) => this.#report(error);
    this.conversions = new PagedList(changed, failed);
    this.payments = new PagedList(changed, failed);
    this.series = new PagedList(changed, failed);
    host.addController(this);
  }

  hostConnected(): void {
    this.#schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /**
   * Takes the element's token and API base. A new token for the same enrollment is only
   * adopted; anything else loads the dashboard again.
   */
  sync(): void {
    const { token, apiBase } = this.#host;
    const claims = token ? readToken(token) : undefined;
    const sameBase = apiBase === this.#apiBase;
    if (token === this.#token && sameBase && this.#generation > 0) return this.#schedule();
    if (!token && this.#host.tokenProvider && this.#generation > 0) return this.#schedule();
    if (this.phase === 'ready' && !this.expired && sameBase && claims && claims.sub === this.#claims?.sub) {
      this.#adopt(token);
      return;
    }
    this.#apiBase = apiBase;
    this.#adopt(token);
    // Nothing to load with yet: keep the placeholders until a token or a provider arrives.
    if (!token && !this.#host.tokenProvider) return;
    void this.load();
  }

  /** Loads the first screen again when `locale` reads another language than it was asked for in. */
  relocalize(): void {
    if (this.#asked !== undefined && messageLanguage(this.locale) !== messageLanguage(this.#asked)) void this.load();
  }

  /** Loads the whole first screen, with the words of the reader's language, in one request. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const locale = (this.#asked = this.locale);
    this.phase = 'loading';
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      if (!this.#token && this.#host.tokenProvider) await this.#refresh();
      // A page may carry the first screen inside the element as JSON in a <script> (the hosted page does): no request.
      const inline = this.#host.querySelector('script');
      inline?.remove();
      const dashboard: Dashboard = inline ? JSON.parse(inline.textContent!) : await this.#get<Dashboard>('', { locale });
      if (generation !== this.#generation) return;
      this.dashboard = dashboard;
      this.conversionStatus = this.range = undefined;
      this.csvErrors = {};
      this.span = 30;
      this.series.reset({ data: dashboard.series.points, nextCursor: null });
      this.conversions.reset(dashboard.conversions);
      this.payments.reset(dashboard.payments);
      this.phase = 'ready';
      this.#emit('affdash-load', dashboard);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = toErrorDetail(error);
      this.phase = 'error';
      this.#report(error);
    }
    this.#host.requestUpdate();
  }

  /** Shows only conversions in one status (or all, with `undefined`), from the first page. */
  filterConversions(status: ConversionStatus | undefined): Promise<void> {
    this.conversionStatus = status;
    const query = this.#conversionQuery();
    return this.conversions.load(() => this.#get<Page<DashboardConversion>>('/conversions', query), false);
  }

  /**
   * Shows the last `days` days up to the first screen's last one (today, UTC): the chart's
   * series is loaded for them and the conversions are filtered to them.
   */
  showSpan(days: number): Promise<void> {
    const to = this.dashboard!.series.to;
    const range = { from: new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10), to };
    this.span = days;
    this.range = range;
    void this.filterConversions(this.conversionStatus);
    return this.series.load(async () => ({ data: (await this.#get<DashboardSeries>('/series', range)).points, nextCursor: null }), false);
  }

  /** Shows the conversions of all dates again (the chart keeps its span). */
  clearRange(): Promise<void> {
    this.range = undefined;
    return this.filterConversions(this.conversionStatus);
  }

  /** Downloads the conversions (in the status and days shown) or the payments as a CSV file. */
  async downloadCsv(kind: CsvKind): Promise<void> {
    this.csvErrors = {};
    try {
      const query = kind === 'conversions' ? this.#conversionQuery() : {};
      saveFile(await this.#get<Blob>(`/${kind}.csv`, query, true), `${kind}-${this.#claims!.sub}.csv`);
    } catch (error) {
      this.csvErrors = { [kind]: toErrorDetail(error) };
      this.#report(error);
    }
    this.#host.requestUpdate();
  }

  loadMoreConversions(): Promise<void> {
    return this.#more(this.conversions, '/conversions', this.#conversionQuery());
  }

  loadMorePayments(): Promise<void> {
    return this.#more(this.payments, '/payments');
  }

  /** The conversions shown: in the status and the days chosen. */
  #conversionQuery(): Query {
    return { status: this.conversionStatus, ...this.range };
  }

  /** Appends a list's next page, unless it has none or one is loading. */
  #more<T>(list: PagedList<T>, path: string, query: Query = {}): Promise<void> {
    const { cursor } = list;
    if (!cursor || list.loading) return Promise.resolve();
    return list.load(() => this.#get<Page<T>>(path, { ...query, cursor }), true);
  }

  /** GETs a dashboard path; on `token_expired` asks the provider once and tries again once. */
  async #get<T>(path: string, query: Query = {}, csv?: boolean): Promise<T> {
    const sub = this.#claims?.sub;
    if (!this.#token) throw new ApiError(0, 'missing_token', 'No dashboard token was given.');
    if (!sub) throw new ApiError(0, 'invalid_token', 'The dashboard token could not be read.');
    const url = dashboardUrl(this.#apiBase, sub, path, query);
    const used = this.#token;
    try {
      return await getJson<T>(url, used, csv);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'token_expired')) throw error;
      // Another request may have renewed the token meanwhile: then no need to ask again.
      if (this.#token === used) await this.#refresh();
      if (this.#token === used) throw error;
      return getJson<T>(url, this.#token, csv);
    }
  }

  /** Asks the provider for a new token; concurrent callers share one call. */
  #refresh(): Promise<boolean> {
    const provider = this.#host.tokenProvider;
    if (!provider) return Promise.resolve(false);
    this.#refreshing ??= (async () => {
      try {
        const token = await provider();
        if (typeof token !== 'string' || token === '') return false;
        const renewed = token !== this.#token;
        this.#adopt(token, renewed);
        return true;
      } catch {
        return false;
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  #adopt(token: string, schedule = true): void {
    this.#token = token;
    this.#claims = token ? readToken(token) : undefined;
    this.expired = false;
    if (schedule) this.#schedule();
    else clearTimeout(this.#timer);
  }

  /** Refreshes shortly before `exp` when a provider is set and the element is in the page. */
  #schedule(): void {
    clearTimeout(this.#timer);
    const exp = this.#claims?.exp;
    if (!this.#host.tokenProvider || !exp || !this.#host.isConnected) return;
    const delay = Math.min(Math.max(exp * 1000 - Date.now() - REFRESH_LEAD_MS, 1000), 2 ** 31 - 1);
    this.#timer = setTimeout(() => void this.#refresh(), delay);
  }

  #report(error: unknown): void {
    if (error instanceof ApiError && error.code === 'token_expired') {
      if (!this.expired) {
        this.expired = true;
        this.#emit('affdash-token-expired', undefined);
      }
      return;
    }
    this.#emit('affdash-error', toErrorDetail(error));
  }

  #emit(type: string, detail: unknown): void {
    this.#host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
