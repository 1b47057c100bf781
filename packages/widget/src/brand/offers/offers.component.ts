import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Money, OfferMember, OfferSummary, Page } from '@affdash/core';
import { copyText } from '../../affiliate-dashboard/copy.js';
import { ApiError, BrandConnection, type FetchClientSecret } from '../connection.js';
import { csvLine } from '../csv.js';
import { brandMessages, fill, pickLocale, type BrandMessages } from '../messages.js';
import '../email-composer/email-composer.js';
import styles from '../offer-members/offer-members.styles.js';

/**
 * @summary The brand's offers with their members, conversions, sales and commission, each with a
 * three-dot menu: **Email members** (the drawer, for everyone in the offer) and copy all
 * dashboard links as CSV.
 *
 * @event {CustomEvent<{ offerId: string }>} affdash-offer-select - An offer's name was chosen. `detail` is `{ offerId }`.
 * @event {CustomEvent<EmailSendResult>} affdash-sent - An email was queued (from the drawer). `detail` is the `EmailSendResult`.
 * @event {CustomEvent<{ status: number; code: string; message: string }>} affdash-error - A request failed. `detail` is `{ status, code, message }`.
 *
 * @csspart table - The offers table.
 * @csspart menu - Each offer's three-dot menu.
 * @csspart drawer - The send drawer.
 *
 * @cssproperty --affdash-color-accent - Buttons and focus.
 * @cssproperty --affdash-color-surface - Card background.
 * @cssproperty --affdash-color-text - Body text.
 * @cssproperty --affdash-color-muted - Secondary text.
 * @cssproperty --affdash-color-border - Hairline borders.
 * @cssproperty --affdash-font-family - Font stack.
 * @cssproperty --affdash-radius - Corner radius.
 * @cssproperty --affdash-space - Spacing unit.
 */
export class AffdashOffers extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: { reflect: true },
    fetchClientSecret: { attribute: false },
    connection: { attribute: false },
    offers: { state: true },
    phase: { state: true },
    menuFor: { state: true },
    drawerFor: { state: true },
    announcement: { state: true },
  };

  declare apiBase: string;
  declare locale: string;
  declare theme: 'light' | 'dark' | 'auto';
  /** Gives a brand session's client secret (with the `offers` component; `members` and `send` for the menu). */
  declare fetchClientSecret: FetchClientSecret | undefined;
  declare connection: BrandConnection | undefined;
  declare offers: OfferSummary[];
  declare phase: 'loading' | 'ready' | 'error';
  declare menuFor: string | undefined;
  declare drawerFor: string | undefined;
  declare announcement: string;

  #m: BrandMessages = brandMessages('en');
  #locale = 'en';
  #error = '';
  #loaded = false;

  constructor() {
    super();
    this.apiBase = '';
    this.locale = '';
    this.theme = 'auto';
    this.offers = [];
    this.phase = 'loading';
    this.announcement = '';
  }

  #api(): BrandConnection {
    if (this.connection) return this.connection;
    if (!this.fetchClientSecret) throw new ApiError(0, 'missing_secret', 'Give the component a fetchClientSecret function');
    return (this.connection = new BrandConnection(this.apiBase, this.fetchClientSecret));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || this.#locale === 'en') {
      this.#locale = pickLocale(this.locale);
      this.#m = brandMessages(this.#locale);
    }
    if (!this.#loaded && (this.fetchClientSecret || this.connection)) {
      this.#loaded = true;
      void this.reload();
    }
  }

  /** Loads the offers again. */
  async reload(): Promise<void> {
    try {
      const all: OfferSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<OfferSummary> = await this.#api().request('GET', '/v1/offer-summaries', { query: { limit: 100, cursor: cursor ?? undefined } });
        all.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      this.offers = all;
      this.phase = 'ready';
    } catch (error) {
      this.#fail(error);
      this.phase = 'error';
    }
  }

  #fail(error: unknown): void {
    const detail = error instanceof ApiError ? { status: error.status, code: error.code, message: error.message } : { status: 0, code: 'unknown', message: String(error) };
    this.#error = this.announcement = detail.message;
    this.dispatchEvent(new CustomEvent('affdash-error', { detail, bubbles: true, composed: true }));
  }

  #money(m: Money): string {
    try {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions().maximumFractionDigits ?? 2;
      return new Intl.NumberFormat(this.#locale, { style: 'currency', currency: m.currency }).format(m.amount / 10 ** digits);
    } catch {
      return `${m.amount} ${m.currency}`;
    }
  }

  async #toggleMenu(offerId: string): Promise<void> {
    this.menuFor = this.menuFor === offerId ? undefined : offerId;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
  }

  #menuKeys(e: KeyboardEvent, offerId: string): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      this.menuFor = undefined;
      this.renderRoot.querySelector<HTMLButtonElement>(`[data-menu="${offerId}"]`)?.focus();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && items.length) {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    }
  }

  #emailMembers(offerId: string): void {
    this.menuFor = undefined;
    this.drawerFor = offerId;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  async #copyCsv(offerId: string): Promise<void> {
    this.menuFor = undefined;
    try {
      const rows: OfferMember[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<OfferMember> = await this.#api().request('GET', `/v1/offers/${encodeURIComponent(offerId)}/members`, { query: { limit: 100, cursor: cursor ?? undefined } });
        rows.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      const text = [csvLine(['name', 'email', 'promoCode', 'trackingUrl', 'dashboardUrl']), ...rows.map((r) => csvLine([r.name, r.email ?? '', r.promoCode, r.trackingUrl, r.dashboardUrl]))].join('\n');
      this.announcement = (await copyText(`${text}\n`, this.renderRoot as ShadowRoot)) ? this.#m.copied : this.#m.failed;
    } catch (error) {
      this.#fail(error);
    }
  }

  protected override render() {
    const m = this.#m;
    const status = { active: m.active, paused: m.paused, archived: m.ended };
    return html`<section class="members" lang=${this.#locale} aria-label=${m.offers}>
        ${this.phase === 'loading'
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : this.phase === 'error'
            ? html`<p role="alert">${m.failed}${this.#error} <button class="button small" @click=${() => this.reload()}>${m.retry}</button></p>`
            : html`<div class="table-wrap card">
                <table class="table" part="table">
                  <thead><tr>
                    <th scope="col">${m.offers}</th><th scope="col">${m.status}</th><th scope="col" class="num">${m.members}</th>
                    <th scope="col" class="num">${m.conversions}</th><th scope="col" class="num">${m.sales}</th>
                    <th scope="col" class="num">${m.commission}</th><th scope="col"><span class="visually-hidden">${m.moreActions}</span></th>
                  </tr></thead>
                  <tbody>
                    ${this.offers.map(
                      (o) => html`<tr data-offer=${o.id}>
                        <td><button class="menu__item strong" @click=${() => this.dispatchEvent(new CustomEvent('affdash-offer-select', { detail: { offerId: o.id }, bubbles: true, composed: true }))}>${o.name}</button></td>
                        <td><span class="pill ${o.status === 'active' ? 'pill--success' : o.status === 'paused' ? 'pill--warning' : ''}">${status[o.status]}</span></td>
                        <td class="num">${o.members}</td><td class="num">${o.conversions}</td>
                        <td class="num">${this.#money(o.sales)}</td><td class="num">${this.#money(o.commission)}</td>
                        <td class="num"><div class="menu" part="menu" @keydown=${(e: KeyboardEvent) => this.#menuKeys(e, o.id)}>
                          <button class="button small" data-menu=${o.id} aria-haspopup="menu" aria-expanded=${this.menuFor === o.id ? 'true' : 'false'}
                            aria-label=${fill(m.actionsFor, o.name)} @click=${() => this.#toggleMenu(o.id)}>⋯</button>
                          ${this.menuFor === o.id
                            ? html`<ul class="menu__list" role="menu" aria-label=${fill(m.actionsFor, o.name)}>
                                <li role="none"><button class="menu__item" role="menuitem" @click=${() => this.#emailMembers(o.id)}>${m.emailMembers}</button></li>
                                <li role="none"><button class="menu__item" role="menuitem" @click=${() => this.#copyCsv(o.id)}>${m.copyLinksCsv}</button></li>
                              </ul>`
                            : nothing}
                        </div></td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`}
      </section>
      ${this.drawerFor
        ? html`<dialog part="drawer" aria-label=${m.composerMembersMessage} @close=${() => ((this.drawerFor = undefined), void this.reload())}>
            <div class="drawer__bar"><button class="button small" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.close}</button></div>
            <affdash-email-composer .connection=${this.#api()} offer=${this.drawerFor} kind="members_message" locale=${this.#locale} theme=${this.theme}></affdash-email-composer>
          </dialog>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
