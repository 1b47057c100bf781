import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { EmailKind, OfferMember, OfferMembersAddResult, Page } from '@affdash/core';
import { copyText } from '../../affiliate-dashboard/copy.js';
import { ApiError, BrandConnection, type FetchClientSecret, type Query } from '../connection.js';
import { csvLine, parsePeople } from '../csv.js';
import { brandMessages, fill, pickLocale, type BrandMessages } from '../messages.js';
import '../email-composer/email-composer.js';
import styles from './offer-members.styles.js';

/** Which members the table shows. */
export type MemberFilter = 'all' | 'never' | 'before' | 'active' | 'paused' | 'ended' | 'optedOut';
const FILTERS: MemberFilter[] = ['all', 'never', 'before', 'active', 'paused', 'ended', 'optedOut'];
const SEARCH_DELAY_MS = 250;
const PAGE = 50;

/**
 * @summary An offer's members with their promo code, tracking link, dashboard link and when each
 * was last emailed; search, filters and selection; adding members; sending them their sales
 * tracking items, and emailing everyone in the offer.
 *
 * Select members one by one, the whole page, or all members matching the search and filter;
 * **Send sales tracking items** opens the send drawer (`<affdash-email-composer>`) for the
 * selection. The three-dot menu has **Email members** (everyone in the offer) and copies every
 * dashboard link as CSV. **Add members** takes pasted lines or a CSV file; each person gets a
 * code, tracking link and dashboard link at once.
 *
 * It calls the `/v1` API with a brand session's client secret from `fetchClientSecret`, asked
 * again before it expires and after a 401.
 *
 * @event {CustomEvent<{ memberIds: string[] }>} affdash-selection-change - The selection changed. `detail` is `{ memberIds }`.
 * @event {CustomEvent<EmailSendResult>} affdash-sent - An email was queued (from the drawer). `detail` is the `EmailSendResult`.
 * @event {CustomEvent<{ status: number; code: string; message: string }>} affdash-error - A request failed. `detail` is `{ status, code, message }`.
 *
 * @csspart toolbar - Search, filter and the actions.
 * @csspart table - The members table.
 * @csspart send-button - The "Send sales tracking items" button.
 * @csspart menu - The three-dot menu.
 * @csspart drawer - The send drawer.
 *
 * @cssproperty --affdash-color-accent - Buttons, focus and selection.
 * @cssproperty --affdash-color-bg - Background.
 * @cssproperty --affdash-color-surface - Card and field background.
 * @cssproperty --affdash-color-text - Body text.
 * @cssproperty --affdash-color-muted - Secondary text.
 * @cssproperty --affdash-color-border - Hairline borders.
 * @cssproperty --affdash-font-family - Font stack.
 * @cssproperty --affdash-radius - Corner radius.
 * @cssproperty --affdash-space - Spacing unit.
 */
export class AffdashOfferMembers extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    offer: {},
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: { reflect: true },
    fetchClientSecret: { attribute: false },
    connection: { attribute: false },
    rows: { state: true },
    nextCursor: { state: true },
    phase: { state: true },
    q: { state: true },
    filter: { state: true },
    beforeDate: { state: true },
    selected: { state: true },
    allMatching: { state: true },
    menuOpen: { state: true },
    adding: { state: true },
    addNote: { state: true },
    drawer: { state: true },
    announcement: { state: true },
  };

  /** The offer id (`off_…`). */
  declare offer: string;
  /** Where the API lives; empty means this page's origin. */
  declare apiBase: string;
  /** BCP 47 language tag; empty means the page's `<html lang>`, else the browser's. */
  declare locale: string;
  declare theme: 'light' | 'dark' | 'auto';
  /** Gives a brand session's client secret (`POST /v1/brand-sessions` on your backend). */
  declare fetchClientSecret: FetchClientSecret | undefined;
  /** A connection shared with an enclosing component (instead of `fetchClientSecret`). */
  declare connection: BrandConnection | undefined;

  declare rows: OfferMember[];
  declare nextCursor: string | null;
  declare phase: 'loading' | 'ready' | 'error';
  declare q: string;
  declare filter: MemberFilter;
  declare beforeDate: string;
  declare selected: Set<string>;
  declare allMatching: boolean;
  declare menuOpen: boolean;
  declare adding: boolean;
  declare addNote: string;
  declare drawer: { kind: EmailKind; memberIds: string[] } | undefined;
  declare announcement: string;

  #m: BrandMessages = brandMessages('en');
  #locale = 'en';
  #seq = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #error = '';
  #source = '';

  constructor() {
    super();
    this.offer = '';
    this.apiBase = '';
    this.locale = '';
    this.theme = 'auto';
    this.rows = [];
    this.nextCursor = null;
    this.phase = 'loading';
    this.q = '';
    this.filter = 'all';
    this.beforeDate = '';
    this.selected = new Set();
    this.allMatching = false;
    this.menuOpen = false;
    this.adding = false;
    this.addNote = '';
    this.announcement = '';
  }

  #api(): BrandConnection {
    if (this.connection) return this.connection;
    if (!this.fetchClientSecret) throw new ApiError(0, 'missing_secret', 'Give the component a fetchClientSecret function');
    this.connection = new BrandConnection(this.apiBase, this.fetchClientSecret);
    return this.connection;
  }

  /** Loads the first page again (after a change made elsewhere). */
  reload(): Promise<void> {
    return this.#load(false);
  }

  /** The selected members' ids. */
  get selectedMemberIds(): string[] {
    return [...this.selected];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || this.#locale === 'en') {
      this.#locale = pickLocale(this.locale);
      this.#m = brandMessages(this.#locale);
    }
    const source = `${this.offer}\n${this.apiBase}\n${this.fetchClientSecret ? 1 : 0}${this.connection ? 1 : 0}`;
    if (source !== this.#source && this.offer && (this.fetchClientSecret || this.connection)) {
      if (changed.has('apiBase') && !changed.has('connection')) this.connection = undefined;
      this.#source = source;
      void this.#load(false);
    }
  }

  #query(): Query {
    const f = this.filter;
    return {
      q: this.q.trim() || undefined,
      neverEmailed: f === 'never' ? 'true' : undefined,
      emailedBefore: f === 'before' && this.beforeDate ? `${this.beforeDate}T00:00:00.000Z` : undefined,
      status: f === 'active' || f === 'paused' || f === 'ended' ? f : undefined,
      optedOut: f === 'optedOut' ? 'true' : undefined,
    };
  }

  #path(): string {
    return `/v1/offers/${encodeURIComponent(this.offer)}/members`;
  }

  async #load(more: boolean): Promise<void> {
    const seq = ++this.#seq;
    if (!more) this.phase = this.rows.length ? this.phase : 'loading';
    try {
      const page = await this.#api().request<Page<OfferMember>>('GET', this.#path(), {
        query: { ...this.#query(), limit: PAGE, cursor: more ? (this.nextCursor ?? undefined) : undefined },
      });
      if (seq !== this.#seq) return;
      this.rows = more ? [...this.rows, ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      this.phase = 'ready';
    } catch (error) {
      if (seq !== this.#seq) return;
      this.#fail(error);
      this.phase = 'error';
    }
  }

  /** Every member matching the search and filter, page after page. */
  async #all(query: Query): Promise<OfferMember[]> {
    const out: OfferMember[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<OfferMember> = await this.#api().request('GET', this.#path(), { query: { ...query, limit: 100, cursor: cursor ?? undefined } });
      out.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  #fail(error: unknown): void {
    const detail = error instanceof ApiError ? { status: error.status, code: error.code, message: error.message } : { status: 0, code: 'unknown', message: String(error) };
    this.#error = detail.message;
    this.announcement = detail.message;
    this.dispatchEvent(new CustomEvent('affdash-error', { detail, bubbles: true, composed: true }));
  }

  #select(next: Set<string>, allMatching = false): void {
    this.selected = next;
    this.allMatching = allMatching;
    this.announcement = fill(this.#m.selected, next.size);
    this.dispatchEvent(new CustomEvent('affdash-selection-change', { detail: { memberIds: [...next] }, bubbles: true, composed: true }));
  }

  #toggle(memberId: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(memberId);
    else next.delete(memberId);
    this.#select(next);
  }

  #togglePage(on: boolean): void {
    const next = new Set(this.selected);
    for (const row of this.rows) {
      if (on) next.add(row.memberId);
      else next.delete(row.memberId);
    }
    this.#select(next);
  }

  async #selectAllMatching(): Promise<void> {
    try {
      const all = await this.#all(this.#query());
      this.#select(new Set(all.map((r) => r.memberId)), true);
      this.announcement = fill(this.#m.allMatchingSelected, all.length);
    } catch (error) {
      this.#fail(error);
    }
  }

  #changeFilter(change: () => void, delay = 0): void {
    change();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#load(false), delay);
  }

  #openDrawer(kind: EmailKind): void {
    this.menuOpen = false;
    this.drawer = { kind, memberIds: kind === 'tracking_items' ? [...this.selected] : [] };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  #closeDrawer(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
  }

  #drawerClosed(): void {
    this.drawer = undefined;
    void this.#load(false); // last emailed moved on
    this.renderRoot.querySelector<HTMLButtonElement>('[part=send-button]')?.focus();
  }

  async #copyCsv(): Promise<void> {
    this.menuOpen = false;
    try {
      const all = await this.#all({});
      const lines = [csvLine(['name', 'email', 'promoCode', 'trackingUrl', 'dashboardUrl'])].concat(
        all.map((r) => csvLine([r.name, r.email ?? '', r.promoCode, r.trackingUrl, r.dashboardUrl])),
      );
      const ok = await copyText(`${lines.join('\n')}\n`, this.renderRoot as ShadowRoot);
      this.announcement = ok ? this.#m.copied : this.#m.failed;
    } catch (error) {
      this.#fail(error);
    }
  }

  async #add(): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#add-text');
    const people = parsePeople(area?.value ?? '').filter((p) => p.name);
    if (!people.length) return;
    try {
      const result = await this.#api().request<OfferMembersAddResult>('POST', this.#path(), { body: { members: people } });
      const failures = result.results.flatMap((r) => (r.status === 'failed' ? [`${r.name}: ${r.error.message}`] : []));
      this.addNote = [fill(this.#m.added, result.created, result.failed), ...failures].join(' · ');
      this.announcement = this.addNote;
      if (area && !result.failed) area.value = '';
      await this.#load(false);
    } catch (error) {
      this.#fail(error);
      this.addNote = this.#error;
    }
  }

  async #readFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#add-text');
    if (file && area) area.value = await file.text();
  }

  #menuKeys(e: KeyboardEvent): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLButtonElement>('#menu-button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  }

  async #toggleMenu(): Promise<void> {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    }
  }

  #date(iso: string | null): string {
    return iso ? new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium' }).format(new Date(iso)) : this.#m.never;
  }

  protected override render() {
    const m = this.#m;
    const pageSelected = this.rows.length > 0 && this.rows.every((r) => this.selected.has(r.memberId));
    return html`<section class="members" lang=${this.#locale} aria-label=${m.members}>
        <div class="bar" part="toolbar">
          <input class="grow" type="search" aria-label=${m.search} placeholder=${m.search} .value=${this.q}
            @input=${(e: InputEvent) => this.#changeFilter(() => (this.q = (e.target as HTMLInputElement).value), SEARCH_DELAY_MS)} />
          <select aria-label=${m.filter} @change=${(e: Event) => this.#changeFilter(() => (this.filter = (e.target as HTMLSelectElement).value as MemberFilter))}>
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${this.filter === f}>${m[`filter${f[0]!.toUpperCase()}${f.slice(1)}` as 'filterAll']}</option>`)}
          </select>
          ${this.filter === 'before'
            ? html`<input type="date" aria-label=${m.before} .value=${this.beforeDate}
                @change=${(e: Event) => this.#changeFilter(() => (this.beforeDate = (e.target as HTMLInputElement).value))} />`
            : nothing}
          <button class="button" aria-expanded=${this.adding ? 'true' : 'false'} aria-controls="add" @click=${() => (this.adding = !this.adding)}>${m.addMembers}</button>
          <button class="button primary" part="send-button" ?disabled=${this.selected.size === 0} @click=${() => this.#openDrawer('tracking_items')}>
            ${m.sendItems}${this.selected.size ? html`<span class="badge">${this.selected.size}</span>` : nothing}
          </button>
          <div class="menu" part="menu" @keydown=${(e: KeyboardEvent) => this.#menuKeys(e)}>
            <button class="button" id="menu-button" aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-label=${m.moreActions}
              @click=${() => this.#toggleMenu()}>⋯</button>
            ${this.menuOpen
              ? html`<ul class="menu__list" role="menu" aria-label=${m.moreActions}>
                  <li role="none"><button class="menu__item" role="menuitem" @click=${() => this.#openDrawer('members_message')}>${m.emailMembers}</button></li>
                  <li role="none"><button class="menu__item" role="menuitem" @click=${() => this.#copyCsv()}>${m.copyLinksCsv}</button></li>
                </ul>`
              : nothing}
          </div>
        </div>
        ${this.adding ? this.#renderAdd() : nothing}
        <div class="selection" aria-live="polite">
          ${this.selected.size
            ? html`<span>${this.allMatching ? fill(m.allMatchingSelected, this.selected.size) : fill(m.selected, this.selected.size)}</span>
                ${!this.allMatching && (this.nextCursor || this.q || this.filter !== 'all')
                  ? html`<button class="button small" @click=${() => this.#selectAllMatching()}>${m.selectAllMatching}</button>`
                  : nothing}
                <button class="button small" @click=${() => this.#select(new Set())}>${m.clearSelection}</button>`
            : this.nextCursor
              ? html`<button class="button small" @click=${() => this.#selectAllMatching()}>${m.selectAllMatching}</button>`
              : nothing}
        </div>
        ${this.phase === 'loading'
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : this.phase === 'error'
            ? html`<p role="alert">${m.failed}${this.#error} <button class="button small" @click=${() => this.#load(false)}>${m.retry}</button></p>`
            : this.#renderTable(pageSelected)}
      </section>
      ${this.drawer
        ? html`<dialog part="drawer" aria-label=${this.drawer.kind === 'members_message' ? m.composerMembersMessage : m.composerTrackingItems}
            @close=${() => this.#drawerClosed()}>
            <div class="drawer__bar"><button class="button small" @click=${() => this.#closeDrawer()}>${m.close}</button></div>
            <affdash-email-composer .connection=${this.#api()} .memberNames=${Object.fromEntries(this.rows.map((r) => [r.memberId, r.name]))} offer=${this.offer} kind=${this.drawer.kind} .memberIds=${this.drawer.memberIds}
              locale=${this.#locale} theme=${this.theme}></affdash-email-composer>
          </dialog>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #renderAdd() {
    const m = this.#m;
    return html`<div class="add card" id="add">
      <label class="label" for="add-text">${m.addMembers}</label>
      <span class="muted" id="add-help">${m.addHelp}</span>
      <textarea id="add-text" aria-describedby="add-help" placeholder="Ana Silva, ana@example.com"></textarea>
      <div class="bar">
        <label class="label" for="add-file">${m.addFile}</label>
        <input id="add-file" type="file" accept=".csv,text/csv,text/plain" @change=${(e: Event) => this.#readFile(e)} />
        <span class="grow"></span>
        <button class="button" @click=${() => (this.adding = false)}>${m.cancel}</button>
        <button class="button primary" @click=${() => this.#add()}>${m.add}</button>
      </div>
      <span role="status">${this.addNote}</span>
    </div>`;
  }

  #renderTable(pageSelected: boolean) {
    const m = this.#m;
    const status = { active: m.active, paused: m.paused, ended: m.ended };
    return html`<div class="table-wrap card">
        <table class="table" part="table">
          <thead>
            <tr>
              <th class="check" scope="col"><input type="checkbox" aria-label=${m.selectAllPage} .checked=${pageSelected}
                @change=${(e: Event) => this.#togglePage((e.target as HTMLInputElement).checked)} /></th>
              <th scope="col">${m.name}</th>
              <th scope="col">${m.code}</th>
              <th scope="col">${m.trackingLink}</th>
              <th scope="col">${m.dashboardLink}</th>
              <th scope="col">${m.lastEmailed}</th>
              <th scope="col">${m.status}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.length === 0
              ? html`<tr class="empty"><td colspan="7">${m.empty}</td></tr>`
              : this.rows.map(
                  (r) => html`<tr data-member=${r.memberId}>
                    <td class="check"><input type="checkbox" aria-label=${fill(m.selectMember, r.name)} .checked=${this.selected.has(r.memberId)}
                      @change=${(e: Event) => this.#toggle(r.memberId, (e.target as HTMLInputElement).checked)} /></td>
                    <td><div class="strong">${r.name}</div><div class="muted">${r.email ?? m.noEmail}</div></td>
                    <td class="mono">${r.promoCode}</td>
                    <td><div class="mono link-cell" title=${r.trackingUrl}>${r.trackingUrl}</div></td>
                    <td><div class="mono link-cell" title=${r.dashboardUrl}>${r.dashboardUrl}</div></td>
                    <td class="nowrap">${this.#date(r.lastEmailedAt)}</td>
                    <td><span class="pill ${r.status === 'active' ? 'pill--success' : r.status === 'paused' ? 'pill--warning' : ''}">${status[r.status]}</span>
                      ${r.emailOptOut ? html`<span class="pill">${m.optedOut}</span>` : nothing}</td>
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      ${this.nextCursor ? html`<div><button class="button" @click=${() => this.#load(true)}>${m.loadMore}</button></div>` : nothing}`;
  }
}
