import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { Dashboard } from '@affdash/core';
import { copyText } from './copy.js';
import { DashboardController } from './dashboard-controller.js';
import { Formatter } from './format.js';
import { errorMessage, fill } from './messages/index.js';
import styles from './affiliate-dashboard.styles.js';
import { renderChart } from './sections/chart.js';
import { renderConversions } from './sections/conversions.js';
import { renderHeader } from './sections/header.js';
import { renderPayments } from './sections/payments.js';
import { renderProblem } from './sections/problem.js';
import { renderShare, type CopyKind } from './sections/share.js';
import { renderSkeleton } from './sections/skeleton.js';
import { renderStats } from './sections/stats.js';
import { renderTerms } from './sections/terms.js';

const COPIED_MS = 2000;

/**
 * `light`, `dark`, or `auto` to follow the reader's operating system setting
 * (`prefers-color-scheme`), not the page's own colours: a page with one fixed background
 * sets the theme that matches it.
 */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * @summary A member's affiliate dashboard for one offer enrollment: what to share, how they
 * earn, their numbers, conversions and payments. One request paints the first screen.
 *
 * The enrollment is the dashboard token's `sub`. With a `tokenProvider`, an expiring token is
 * replaced shortly before `exp` and an expired one is replaced once and the request retried.
 *
 * Words, numbers, money and dates follow `locale`, else the page's `<html lang>`, else the
 * browser's language. English, Spanish, French, German and Portuguese (Brazil) are built in;
 * any other language reads English with its own number and date formats.
 *
 * @event {CustomEvent<Dashboard>} affdash-load - The first screen loaded. `detail` is the `Dashboard`.
 * @event {CustomEvent<DashboardErrorDetail>} affdash-error - A request failed. `detail` is `{ status, code, message }`.
 * @event {CustomEvent<{ kind: CopyKind; value: string }>} affdash-copy - The promo code or link was copied. `detail` is `{ kind: 'code' | 'link', value }`.
 * @event {CustomEvent<undefined>} affdash-token-expired - The token expired and no `tokenProvider` gave a new one.
 *
 * @csspart header - Brand, offer name and status.
 * @csspart share - The Share card.
 * @csspart code - The promo code.
 * @csspart link - The tracking link.
 * @csspart copy-button - Each Copy button.
 * @csspart terms - The "How you earn" card.
 * @csspart stats - The row of figures.
 * @csspart chart - The "Over time" card: commission per day as SVG bars, with the span toggles.
 * @csspart conversions - The conversions card.
 * @csspart payments - The payments card.
 *
 * @cssproperty --affdash-color-accent - The one accent colour (buttons, pressed filters, focus, current tier, bars).
 * @cssproperty --affdash-color-on-accent - Text on the accent (white by default); keep 4.5:1 against the accent.
 * @cssproperty --affdash-color-bg - Background behind the cards.
 * @cssproperty --affdash-color-surface - Card background.
 * @cssproperty --affdash-color-text - Body text.
 * @cssproperty --affdash-color-muted - Secondary text; keep 4.5:1 against surface.
 * @cssproperty --affdash-color-border - Hairline borders.
 * @cssproperty --affdash-color-success - Approved, paid, active.
 * @cssproperty --affdash-color-warning - Pending, paused.
 * @cssproperty --affdash-color-danger - Rejected, errors.
 * @cssproperty --affdash-font-family - Font stack (system fonts by default).
 * @cssproperty --affdash-font-size - Base font size (14px).
 * @cssproperty --affdash-radius - Corner radius (8px).
 * @cssproperty --affdash-space - Spacing unit (8px); gaps are multiples of half of it.
 */
export class AffiliateDashboard extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    token: {},
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: { reflect: true },
    tokenProvider: { attribute: false },
    copied: { state: true },
    announcement: { state: true },
  };

  /** The dashboard token (a JWT whose `sub` is the enrollment id). */
  declare token: string;

  /** Where the API lives, e.g. `https://api.affdash.example`; empty means this page's origin. */
  declare apiBase: string;

  /** BCP 47 language tag, e.g. `de-DE`; empty means the page's `<html lang>`, else the browser's. */
  declare locale: string;

  /** Colour scheme: `light`, `dark`, or `auto` (the reader's system setting, whatever the page's background). */
  declare theme: Theme;

  /** Gives a fresh dashboard token; used before the current one expires and when it has. */
  declare tokenProvider: (() => Promise<string>) | undefined;

  declare copied: CopyKind | undefined;
  declare announcement: string;

  readonly #data = new DashboardController(this);
  #format = new Formatter('en');
  #lang = '';
  #words: Dashboard['messages'] | undefined;
  #source = '';
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.token = '';
    this.apiBase = '';
    this.locale = '';
    this.theme = 'auto';
    this.announcement = '';
  }

  /** Loads the dashboard again, e.g. after the brand changed something. */
  reload(): Promise<void> {
    return this.#data.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copiedTimer);
  }

  protected override willUpdate(): void {
    const data = this.#data;
    const lang = this.locale || document.documentElement.lang || navigator.language;
    const words = data.dashboard?.messages;
    if (lang !== this.#lang || words !== this.#words) this.#format = new Formatter((this.#lang = lang), (this.#words = words));
    data.locale = this.#format.locale;
    const source = `${this.apiBase}\n${this.token}\n${this.tokenProvider ? 1 : 0}`;
    if (source !== this.#source) {
      this.#source = source;
      data.sync();
    }
    // Another language: its words come with the first screen, so that is loaded again.
    data.relocalize();
  }

  protected override render() {
    // The brand's accent where the host page sets none (`--affdash-color-accent` wins).
    const brand = this.#data.dashboard?.brand;
    return html`<div class="root" lang=${this.#format.locale} style=${brand?.accentColor ? `--_accent:var(--affdash-color-accent,${brand.accentColor});--_on-accent:${brand.accentTextColor}` : nothing}>${this.#content()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #content() {
    const data = this.#data;
    const f = this.#format;
    const { m } = f;
    if (data.phase === 'loading') {
      return html`<p class="visually-hidden">${m.loading}</p>${renderSkeleton()}`;
    }
    // An expired session hides what was shown: nothing more can be loaded with it.
    if (data.expired) return renderProblem(f, m.expiredTitle, m.expired);
    if (data.phase === 'error' || !data.dashboard) {
      const error = data.error ?? { status: 0, code: 'unknown', message: '' };
      return renderProblem(f, m.loadFailed, errorMessage(m, error), error.code, () => void data.load());
    }
    const d = data.dashboard;
    // An ended enrollment the brand keeps readable: when it ended, and nothing to share.
    const { endedAt } = d.enrollment;
    return html`
      ${renderHeader(d, f)}
      ${endedAt ? html`<p class="card banner" role="status">${fill(m.endedOn, f.date(endedAt))}</p>` : nothing}
      <div class="grid">
        ${endedAt ? nothing : renderShare(d, f, { copied: this.copied, onCopy: (kind, value) => void this.#copy(kind, value) })}
        ${renderTerms(d.offer.terms, f)} ${renderStats(d.totals, f)} ${renderChart(data, d.offer.currency, f)}
        ${renderConversions(data, f, () => void this.#more('conversions'))}
        ${renderPayments(d, data, f, () => void this.#more('payments'))}
      </div>
    `;
  }

  /**
   * Appends a list's next page, then moves focus to its first new row (the Load more button
   * may be gone) and announces how many rows came.
   */
  async #more(kind: 'conversions' | 'payments'): Promise<void> {
    const data = this.#data;
    const list = data[kind];
    const before = list.items.length;
    await (kind === 'conversions' ? data.loadMoreConversions() : data.loadMorePayments());
    await this.updateComplete;
    const added = list.items.length - before;
    const row = this.renderRoot.querySelector<HTMLElement>(`[part=${kind}] tbody tr:nth-child(${before + 1})`);
    if (added <= 0 || !row) return;
    row.tabIndex = -1;
    row.focus();
    this.announcement = fill(this.#format.m.loadedMore, added);
  }

  async #copy(kind: CopyKind, value: string): Promise<void> {
    const { m } = this.#format;
    const ok = await copyText(value, this.renderRoot as ShadowRoot);
    clearTimeout(this.#copiedTimer);
    this.copied = ok ? kind : undefined;
    this.announcement = ok ? m.copied : m.copyFailed;
    if (!ok) return;
    this.dispatchEvent(new CustomEvent('affdash-copy', { detail: { kind, value }, bubbles: true, composed: true }));
    this.#copiedTimer = setTimeout(() => {
      this.copied = undefined;
      this.announcement = '';
    }, COPIED_MS);
  }
}
