import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { copyText } from './copy.js';
import { DashboardController } from './dashboard-controller.js';
import { Formatter } from './format.js';
import { errorMessage, expiredMessage, expiredTitle } from './messages.js';
import styles from './affiliate-dashboard.styles.js';
import { renderConversions } from './sections/conversions.js';
import { renderDescription, renderHeader } from './sections/header.js';
import { renderPayments } from './sections/payments.js';
import { renderProblem } from './sections/problem.js';
import { renderShare, type CopyKind } from './sections/share.js';
import { renderSkeleton } from './sections/skeleton.js';
import { renderStats } from './sections/stats.js';
import { renderTerms } from './sections/terms.js';

const COPIED_MS = 2000;

/**
 * @summary A member's affiliate dashboard for one offer enrollment: what to share, how they
 * earn, their numbers, conversions and payments. One request paints the first screen.
 *
 * The enrollment is the dashboard token's `sub`. With a `tokenProvider`, an expiring token is
 * replaced shortly before `exp` and an expired one is replaced once and the request retried.
 *
 * @event affdash-load - The first screen loaded. `detail` is the `Dashboard`.
 * @event affdash-error - A request failed. `detail` is `{ status, code, message }`.
 * @event affdash-copy - The promo code or link was copied. `detail` is `{ kind: 'code' | 'link', value }`.
 * @event affdash-token-expired - The token expired and no `tokenProvider` gave a new one.
 *
 * @csspart header - Brand, offer name and status.
 * @csspart share - The Share card.
 * @csspart code - The promo code.
 * @csspart link - The tracking link.
 * @csspart copy-button - Each Copy button.
 * @csspart terms - The "How you earn" card.
 * @csspart stats - The row of figures.
 * @csspart conversions - The conversions card.
 * @csspart payments - The payments card.
 *
 * @cssproperty --affdash-color-accent - The one accent colour (buttons, focus, current tier). White text sits on it.
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

  /** The dashboard token (a JWT whose `sub` is the enrollment id). */
  @property() accessor token = '';

  /** Where the API lives, e.g. `https://api.affdash.example`; empty means this page's origin. */
  @property({ attribute: 'api-base' }) accessor apiBase = '';

  /** BCP 47 locale for numbers, money and dates. */
  @property() accessor locale = navigator.language;

  /** Gives a fresh dashboard token; used before the current one expires and when it has. */
  @property({ attribute: false }) accessor tokenProvider: (() => Promise<string>) | undefined = undefined;

  @state() accessor copied: CopyKind | undefined = undefined;
  @state() accessor announcement = '';

  readonly #data = new DashboardController(this);
  #format = new Formatter();
  #source = '';
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  /** Loads the dashboard again, e.g. after the brand changed something. */
  reload(): Promise<void> {
    return this.#data.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copiedTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.#source) this.#format = new Formatter(this.locale);
    const source = `${this.apiBase}\n${this.token}\n${this.tokenProvider ? 1 : 0}`;
    if (source !== this.#source) {
      this.#source = source;
      this.#data.sync();
    }
  }

  protected override render() {
    return html`<div class="root">${this.#content()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #content() {
    const data = this.#data;
    if (data.phase === 'loading') {
      return html`<p class="visually-hidden">Loading your dashboard…</p>${renderSkeleton()}`;
    }
    if (data.phase === 'error' || !data.dashboard) {
      if (data.expired) return renderProblem(expiredTitle, expiredMessage, undefined);
      const error = data.error ?? { status: 0, code: 'unknown', message: '' };
      return renderProblem('We couldn’t load your dashboard', errorMessage(error), error.code, () => void data.load());
    }
    const d = data.dashboard;
    const f = this.#format;
    return html`
      ${data.expired ? html`<p class="banner" role="alert"><strong>${expiredTitle}.</strong> ${expiredMessage}</p>` : nothing}
      ${renderHeader(d)} ${renderDescription(d)}
      <div class="grid">
        ${renderShare(d, { copied: this.copied, onCopy: (kind, value) => void this.#copy(kind, value) })}
        ${renderTerms(d.offer.terms)} ${renderStats(d.totals, f)}
        ${renderConversions(
          {
            list: data.conversions,
            status: data.conversionStatus,
            onFilter: (status) => void data.filterConversions(status),
            onMore: () => void data.loadMoreConversions(),
          },
          f,
        )}
        ${renderPayments(data.payments, f, () => void data.loadMorePayments())}
      </div>
    `;
  }

  async #copy(kind: CopyKind, value: string): Promise<void> {
    const ok = await copyText(value, this.renderRoot as ShadowRoot);
    clearTimeout(this.#copiedTimer);
    if (!ok) {
      this.copied = undefined;
      this.announcement = 'Couldn’t copy. Select the text and copy it yourself.';
      return;
    }
    this.copied = kind;
    this.announcement = kind === 'code' ? 'Promo code copied' : 'Tracking link copied';
    this.dispatchEvent(new CustomEvent('affdash-copy', { detail: { kind, value }, bubbles: true, composed: true }));
    this.#copiedTimer = setTimeout(() => {
      this.copied = undefined;
      this.announcement = '';
    }, COPIED_MS);
  }
}
