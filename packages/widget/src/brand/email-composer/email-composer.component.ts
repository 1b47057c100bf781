import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { EmailKind, EmailMessage, EmailPreview, EmailSendResult, EmailTemplate, Page, RenderedEmail } from '@affdash/core';
import { ApiError, BrandConnection, fieldIssues, type FetchClientSecret } from '../connection.js';
import { brandMessages, fill, pickLocale, type BrandMessages } from '../messages.js';
import styles from './email-composer.styles.js';

const PLACEHOLDERS = ['member_name', 'first_name', 'offer_name', 'brand_name', 'promo_code', 'tracking_link', 'dashboard_link'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
const PREVIEW_DELAY_MS = 300;
const paths: Record<EmailKind, string> = { tracking_items: 'tracking-items', members_message: 'members-message' };

/** A key for one opening of the composer: a double click or a retry of Send is one send. */
function newKey(): string {
  return `composer-${crypto.randomUUID()}`;
}

/** The email's links open in a new tab, not inside the preview's frame. */
function inNewTabs(email: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(email) ? email.replace(/<head[^>]*>/i, (head) => head + base) : base + email;
}

/** `{{ name }}` split out of a template, for the marks behind the field. */
function marked(text: string) {
  const parts = text.split(/(\{\{\s*[^{}]*?\s*\}\})/g);
  // a trailing newline needs a character after it to take up its line
  return html`${parts.map((p, i) => (i % 2 ? html`<mark>${p}</mark>` : p))}${text.endsWith('\n') ? ' ' : ''}`;
}

/**
 * @summary The send drawer: the pre-generated "sales tracking items" email (or the "email
 * members" message), editable, previewed per recipient, sent once, then each message's status.
 *
 * Placeholders (`{{promo_code}}`, …) show as marks in the fields; the chips insert them, and the
 * list beside them says what each expands to for the recipient being previewed. Step through the
 * recipients to see each one's real code, tracking link and dashboard link rendered: the HTML
 * email as the member sees it (in a sandboxed frame: the dashboard button, never its secret
 * URL), or its plain-text part. Recipients
 * who will be skipped are listed with the reason. "Send me a test" mails the email, written for
 * a sample member, to the signed-in staff user. Send goes out once per opening (an `Idempotency-Key`), then the
 * status of each message updates live until none is queued; failed ones can be resent.
 *
 * @event {CustomEvent<EmailSendResult>} affdash-sent - The email was queued. `detail` is the API's `EmailSendResult`.
 * @event {CustomEvent<{ status: number; code: string; message: string }>} affdash-error - A request failed. `detail` is `{ status, code, message }`.
 *
 * @csspart editor - The subject and message fields, placeholders and their expansions.
 * @csspart preview - The rendered email of the previewed recipient.
 * @csspart preview-frame - The frame showing the HTML email.
 * @csspart send-button - The Send button.
 * @csspart status - The per-recipient status after sending.
 *
 * @cssproperty --affdash-color-accent - Buttons, focus and placeholder marks.
 * @cssproperty --affdash-color-surface - Field and card background.
 * @cssproperty --affdash-color-text - Body text.
 * @cssproperty --affdash-color-muted - Secondary text.
 * @cssproperty --affdash-color-border - Hairline borders.
 * @cssproperty --affdash-color-danger - Errors and failed messages.
 * @cssproperty --affdash-font-family - Font stack.
 * @cssproperty --affdash-radius - Corner radius.
 * @cssproperty --affdash-space - Spacing unit.
 */
export class AffdashEmailComposer extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    offer: {},
    kind: {},
    memberIds: { attribute: 'member-ids', converter: { fromAttribute: (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []) } },
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: { reflect: true },
    pollInterval: { attribute: 'poll-interval', type: Number },
    fetchClientSecret: { attribute: false },
    connection: { attribute: false },
    memberNames: { attribute: false },
    phase: { state: true },
    subject: { state: true },
    body: { state: true },
    preview: { state: true },
    previewPart: { state: true },
    index: { state: true },
    issues: { state: true },
    note: { state: true },
    sending: { state: true },
    result: { state: true },
    messages: { state: true },
    announcement: { state: true },
  };

  /** The offer id (`off_…`). */
  declare offer: string;
  /** `tracking_items` (each member's code and links; needs `memberIds`) or `members_message` (everyone active in the offer). */
  declare kind: EmailKind;
  /** The members to send tracking items to (attribute: comma-separated). */
  declare memberIds: string[];
  /** Where the API lives; empty means this page's origin. */
  declare apiBase: string;
  /** BCP 47 language tag; empty means the page's `<html lang>`, else the browser's. */
  declare locale: string;
  declare theme: 'light' | 'dark' | 'auto';
  /** Milliseconds between status checks after sending. */
  declare pollInterval: number;
  /** Gives a brand session's client secret; asked again before it expires and after a 401. */
  declare fetchClientSecret: FetchClientSecret | undefined;
  /** A connection shared with the component that opened the composer (instead of `fetchClientSecret`). */
  declare connection: BrandConnection | undefined;
  /** Members' names by id, for the skipped list (the preview names only those who get the email). */
  declare memberNames: Record<string, string>;

  declare phase: 'loading' | 'ready' | 'error';
  declare subject: string;
  declare body: string;
  declare preview: EmailPreview | undefined;
  /** Which part of the previewed email shows: the HTML, as the member sees it (default), or the plain text. */
  declare previewPart: 'html' | 'text';
  declare index: number;
  declare issues: Record<string, string>;
  declare note: string;
  declare sending: boolean;
  declare result: EmailSendResult | undefined;
  declare messages: EmailMessage[];
  declare announcement: string;

  #key = newKey();
  #previewSeq = 0;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #lastField: 'subject' | 'body' = 'body';
  /** The default text as the API gave it: a field left as it is goes out as the default, in each member's language. */
  #template: { subject: string; body: string } = { subject: '', body: '' };
  #error: string = '';
  #m: BrandMessages = brandMessages('en');
  #locale = 'en';

  constructor() {
    super();
    this.offer = '';
    this.kind = 'tracking_items';
    this.memberIds = [];
    this.memberNames = {};
    this.apiBase = '';
    this.locale = '';
    this.theme = 'auto';
    this.pollInterval = 2000;
    this.phase = 'loading';
    this.subject = '';
    this.body = '';
    this.index = 0;
    this.previewPart = 'html';
    this.issues = {};
    this.note = '';
    this.sending = false;
    this.messages = [];
    this.announcement = '';
  }

  #api(): BrandConnection {
    if (this.connection) return this.connection;
    if (!this.fetchClientSecret) throw new ApiError(0, 'missing_secret', 'Give the composer a fetchClientSecret function');
    this.connection = new BrandConnection(this.apiBase, this.fetchClientSecret);
    return this.connection;
  }

  #path(action: string): string {
    return `/v1/offers/${encodeURIComponent(this.offer)}/emails/${paths[this.kind] ?? paths.tracking_items}/${action}`;
  }

  /**
   * The subject and body as the brand wrote them, both, once either differs from the default
   * text (one email, in one language); else neither, so each member gets the default in their
   * own language.
   */
  #text(): { subject?: string; body?: string } {
    return this.#edited ? { subject: this.subject, body: this.body } : {};
  }

  #input() {
    return { ...(this.kind === 'tracking_items' ? { memberIds: this.memberIds } : {}), ...this.#text() };
  }

  /** True once the subject or body differs from the default text. */
  get #edited(): boolean {
    return this.subject !== this.#template.subject || this.body !== this.#template.body;
  }

  /** Back to the default text, which each member gets in their own language. */
  #useDefault(): void {
    this.subject = this.#template.subject;
    this.body = this.#template.body;
    clearTimeout(this.#previewTimer);
    void this.#refreshPreview().catch((e) => this.#fail(e));
  }

  /** Starts over: the template again, a fresh idempotency key, nothing sent. Called on each opening. */
  async open(): Promise<void> {
    this.#key = newKey();
    clearTimeout(this.#pollTimer);
    this.result = undefined;
    this.messages = [];
    this.note = '';
    this.issues = {};
    this.index = 0;
    this.phase = 'loading';
    try {
      const template = await this.#api().request<EmailTemplate>('GET', this.#path('template'));
      this.#template = { subject: template.subject, body: template.body };
      this.subject = template.subject;
      this.body = template.body;
      await this.#refreshPreview();
      this.phase = 'ready';
    } catch (error) {
      this.#fail(error);
      this.phase = 'error';
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.offer && !this.hasUpdated) void this.updateComplete.then(() => this.open());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#previewTimer);
    clearTimeout(this.#pollTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || !this.#m) {
      this.#locale = pickLocale(this.locale);
      this.#m = brandMessages(this.#locale);
    }
    if (this.hasUpdated && (changed.has('offer') || changed.has('kind') || changed.has('memberIds')) && this.offer) void this.open();
  }

  #fail(error: unknown): void {
    const detail = error instanceof ApiError ? { status: error.status, code: error.code, message: error.message } : { status: 0, code: 'unknown', message: String(error) };
    this.#error = detail.message;
    this.announcement = detail.message;
    this.dispatchEvent(new CustomEvent('affdash-error', { detail, bubbles: true, composed: true }));
  }

  async #refreshPreview(): Promise<void> {
    const seq = ++this.#previewSeq;
    try {
      const preview = await this.#api().request<EmailPreview>('POST', this.#path('preview'), { body: this.#input() });
      if (seq !== this.#previewSeq) return;
      this.preview = preview;
      this.issues = {};
      this.index = Math.min(this.index, Math.max(0, preview.emails.length - 1));
    } catch (error) {
      if (seq !== this.#previewSeq) return;
      if (error instanceof ApiError && error.status === 400) this.issues = fieldIssues(error);
      else throw error;
    }
  }

  /** The subject's marks scroll with its text, which a narrow field scrolls sideways. */
  #followSubject = (e: Event): void => {
    const backdrop = (e.target as HTMLElement).previousElementSibling as HTMLElement | null;
    if (backdrop) backdrop.scrollLeft = (e.target as HTMLInputElement).scrollLeft;
  };

  #edit(field: 'subject' | 'body', value: string): void {
    this[field] = value;
    this.#lastField = field;
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => void this.#refreshPreview().catch((e) => this.#fail(e)), PREVIEW_DELAY_MS);
  }

  #insert(name: Placeholder): void {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${this.#lastField}`);
    const token = `{{${name}}}`;
    const value = this[this.#lastField];
    const start = field?.selectionStart ?? value.length;
    const end = field?.selectionEnd ?? value.length;
    this.#edit(this.#lastField, value.slice(0, start) + token + value.slice(end));
    void this.updateComplete.then(() => {
      field?.focus();
      field?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  /** A language tag as a name in the composer's language (`de` → "German", "Deutsch"). */
  #languageName(tag: string): string {
    try {
      return new Intl.DisplayNames([this.#locale], { type: 'language' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  get #current(): RenderedEmail | undefined {
    return this.preview?.emails[this.index];
  }

  async #sendTest(): Promise<void> {
    const m = this.#m;
    try {
      // to the signed-in staff user, for a sample member: nothing is queued or counted
      const result = await this.#api().request<{ to: string }>('POST', this.#path('test'), {
        body: this.#text(),
      });
      this.note = this.announcement = fill(m.testSent, result.to);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.issues = fieldIssues(error);
      this.#fail(error);
      this.note = this.#error;
    }
  }

  async #send(): Promise<void> {
    if (this.sending || this.result) return; // once per opening, however often it is clicked
    this.sending = true;
    try {
      const result = await this.#api().request<EmailSendResult>('POST', this.#path('send'), {
        body: this.#input(),
        headers: { 'idempotency-key': this.#key },
      });
      this.result = result;
      this.messages = result.queued.map((q) => ({ id: q.messageId, memberId: q.memberId, to: q.to, status: 'queued', lastError: null }) as EmailMessage);
      this.announcement = fill(this.#m.progress, 0, result.queued.length, 0);
      this.dispatchEvent(new CustomEvent('affdash-sent', { detail: result, bubbles: true, composed: true }));
      this.#poll();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.issues = fieldIssues(error);
      this.#fail(error);
      this.note = this.#error;
    } finally {
      this.sending = false;
    }
  }

  #poll(): void {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = setTimeout(() => void this.#checkStatus(), this.pollInterval);
  }

  async #checkStatus(): Promise<void> {
    const sendId = this.result?.sendId;
    if (!sendId || !this.isConnected) return;
    try {
      const all: EmailMessage[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<EmailMessage> = await this.#api().request('GET', '/v1/emails/messages', {
          query: { sendId, limit: 100, cursor: cursor ?? undefined },
        });
        all.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      const order = new Map(this.result!.queued.map((q, i) => [q.messageId, i]));
      this.messages = all.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const count = (s: string) => all.filter((x) => x.status === s).length;
      this.announcement = fill(this.#m.progress, count('sent'), count('queued'), count('failed'));
      if (count('queued')) this.#poll();
    } catch (error) {
      this.#fail(error);
      this.#poll();
    }
  }

  async #resendFailed(): Promise<void> {
    const failed = this.messages.filter((x) => x.status === 'failed').map((x) => x.id);
    if (!failed.length) return;
    try {
      await this.#api().request('POST', '/v1/emails/messages/resend', { body: { messageIds: failed } });
      this.messages = this.messages.map((x) => (failed.includes(x.id) ? { ...x, status: 'queued', lastError: null } : x));
      this.#poll();
    } catch (error) {
      this.#fail(error);
    }
  }

  #name(memberId: string): string {
    const email = this.preview?.emails.find((e) => e.memberId === memberId);
    return email?.values?.member_name ?? memberId;
  }

  protected override render() {
    const m = this.#m;
    const title = this.kind === 'members_message' ? m.composerMembersMessage : m.composerTrackingItems;
    return html`<section class="composer" lang=${this.#locale} aria-labelledby="composer-title">
        <div class="bar">
          <h2 class="title grow" id="composer-title">${title}</h2>
          ${this.preview ? html`<span class="muted">${fill(new Intl.PluralRules(this.#locale).select(this.preview.emails.length) === 'one' ? m.recipient : m.recipients, this.preview.emails.length)}</span>` : nothing}
        </div>
        ${this.phase === 'loading'
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : this.phase === 'error'
            ? html`<p role="alert">${m.failed}${this.#error} <button class="button small" @click=${() => this.open()}>${m.retry}</button></p>`
            : this.result
              ? this.#renderStatus()
              : this.#renderEditor()}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #renderEditor() {
    const m = this.#m;
    const current = this.#current;
    const emails = this.preview?.emails ?? [];
    const skipped = this.preview?.skipped ?? [];
    const hasIssues = Object.keys(this.issues).length > 0;
    return html`<div class="columns">
        <div class="editor" part="editor">
          <div class="field">
            <label for="subject">${m.subject}</label>
            <div class="marked marked--line">
              <div class="marked__backdrop" aria-hidden="true">${marked(this.subject)}</div>
              <input id="subject" type="text" .value=${this.subject} aria-invalid=${this.issues.subject ? 'true' : 'false'}
                aria-describedby="subject-error" @input=${(e: InputEvent) => this.#edit('subject', (e.target as HTMLInputElement).value)}
                @scroll=${this.#followSubject} @focus=${() => (this.#lastField = 'subject')} />
            </div>
            <span class="error" id="subject-error">${this.issues.subject ?? ''}</span>
          </div>
          <div class="field">
            <label for="body">${m.body}</label>
            <div class="marked">
              <div class="marked__backdrop" aria-hidden="true">${marked(this.body)}</div>
              <textarea id="body" rows=${Math.max(8, this.body.split('\n').length + 1)} .value=${this.body}
                aria-invalid=${this.issues.body ? 'true' : 'false'} aria-describedby="body-error"
                @input=${(e: InputEvent) => this.#edit('body', (e.target as HTMLTextAreaElement).value)}
                @focus=${() => (this.#lastField = 'body')}></textarea>
            </div>
            <span class="error" id="body-error">${this.issues.body ?? ''}</span>
            <p class="text-note muted" data-text-note>
              ${this.#edited
                ? html`${m.ownText} <button type="button" class="button small" data-use-default @click=${() => this.#useDefault()}>${m.useDefault}</button>`
                : m.defaultText}
            </p>
          </div>
          <div class="field" role="group" aria-labelledby="ph-title">
            <span class="label" id="ph-title">${m.placeholders}</span>
            <span class="muted">${m.placeholderHelp}</span>
            <div class="chips">
              ${PLACEHOLDERS.map(
                (p) => html`<button type="button" class="chip mono" data-placeholder=${p} aria-label=${fill(m.insert, m[`ph_${p}`])}
                  @click=${() => this.#insert(p)}>{{${p}}}</button>`,
              )}
            </div>
            <dl class="expansions" aria-label=${current ? fill(m.expandsTo, current.values?.member_name ?? '', '') : m.placeholders}>
              ${PLACEHOLDERS.map((p) => html`<dt>{{${p}}}</dt><dd title=${current?.values?.[p] ?? ''}>${m[`ph_${p}`]}${current?.values?.[p] ? html` · ${current.values[p]}` : nothing}</dd>`)}
            </dl>
          </div>
        </div>
        <div class="preview card" part="preview" aria-labelledby="preview-title">
          <div class="bar">
            <h3 class="label grow" id="preview-title">${m.preview}</h3>
            <button class="button small" aria-label=${m.previous} ?disabled=${this.index <= 0} @click=${() => (this.index -= 1)}>‹</button>
            <button class="button small" aria-label=${m.next} ?disabled=${this.index >= emails.length - 1} @click=${() => (this.index += 1)}>›</button>
          </div>
          ${current
            ? html`<p class="muted" aria-live="polite" data-preview-recipient>${fill(m.previewOf, this.index + 1, emails.length, `${current.values?.member_name ?? ''} <${current.to}>`)}${current.language ? html` · <span data-preview-language>${this.#languageName(current.language)}</span>` : nothing}</p>
                <p class="preview__subject" data-preview-subject>${current.subject}</p>
                <div class="chips" role="group" aria-label=${m.previewAs}>
                  <button type="button" class="chip" aria-pressed=${this.previewPart === 'html' ? 'true' : 'false'} @click=${() => (this.previewPart = 'html')}>${m.previewEmail}</button>
                  <button type="button" class="chip" aria-pressed=${this.previewPart === 'text' ? 'true' : 'false'} @click=${() => (this.previewPart = 'text')}>${m.previewText}</button>
                </div>
                ${this.previewPart === 'text'
                  ? html`<div class="preview__body" data-preview-text>${current.text}</div>`
                  : html`<iframe class="preview__frame" part="preview-frame" data-preview-html title=${fill(m.previewFrame, current.values?.member_name ?? current.to)}
                      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" .srcdoc=${inNewTabs(current.html)}></iframe>`}`
            : html`<p class="muted">${m.noRecipients}</p>`}
          ${skipped.length
            ? html`<div data-skipped>
                <p class="label">${fill(m.skipped, skipped.length)}</p>
                <ul class="skipped">
                  ${skipped.map((s) => html`<li>${s.name ?? this.memberNames[s.memberId] ?? s.memberId}: ${m[`skip_${s.reason}`] ?? s.message}</li>`)}
                </ul>
              </div>`
            : nothing}
        </div>
      </div>
      <div class="actions">
        <span class="note" role="status">${this.note}</span>
        <button class="button" ?disabled=${hasIssues} @click=${() => this.#sendTest()}>${m.sendTest}</button>
        <button class="button primary" part="send-button" ?disabled=${this.sending || hasIssues || emails.length === 0}
          @click=${() => this.#send()}>${this.sending ? m.sending : fill(m.send, emails.length)}</button>
      </div>`;
  }

  #renderStatus() {
    const m = this.#m;
    const failed = this.messages.filter((x) => x.status === 'failed');
    const label = { queued: m.queued, sent: m.sent, failed: m.failedStatus };
    const tone = { queued: 'pill--warning', sent: 'pill--success', failed: 'pill--danger' };
    return html`<div class="card" part="status">
        <table class="table">
          <thead><tr><th scope="col">${m.name}</th><th scope="col">${m.emailColumn}</th><th scope="col">${m.status}</th></tr></thead>
          <tbody>
            ${this.messages.map(
              (x) => html`<tr data-message=${x.id}>
                <td>${this.#name(x.memberId)}</td>
                <td>${x.to}</td>
                <td><span class="pill ${tone[x.status]}"><span class="dot"></span>${label[x.status]}</span>
                  ${x.lastError ? html`<span class="error">${x.lastError}</span>` : nothing}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        ${failed.length
          ? html`<button class="button" @click=${() => this.#resendFailed()}>${fill(m.resendFailed, failed.length)}</button>`
          : nothing}
      </div>`;
  }
}
