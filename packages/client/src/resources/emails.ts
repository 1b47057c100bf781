import {
  EmailMessage,
  EmailResend,
  EmailResendResult,
  EmailMessageListQuery,
  EmailPreview,
  EmailSendResult,
  EmailTemplate,
  EmailTest,
  EmailTestResult,
  MembersMessageEmail,
  Page,
  PageQuery,
  TrackingItemsEmail,
} from '@affdash/core';
import type { Http, RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type {
  EmailResend,
  EmailResendResult,
  EmailMessage,
  EmailPreview,
  EmailSendResult,
  EmailTemplate,
  EmailTest,
  EmailTestResult,
  MembersMessageEmail,
  TrackingItemsEmail,
};
export interface EmailMessageListParams extends ListParams {
  offerId?: string;
  memberId?: string;
  status?: 'queued' | 'sent' | 'failed';
  /** The messages of one send (`sendId` of its answer). */
  sendId?: string;
}

const MessagePage = Page(EmailMessage);
const ListQuery = PageQuery.extend(EmailMessageListQuery.shape);

/** A send is made safe to retry with a key of its own unless the caller gives one. */
function withIdempotencyKey(options: RequestOptions = {}): RequestOptions {
  return { ...options, idempotencyKey: options.idempotencyKey ?? `affdash-${crypto.randomUUID()}` };
}

/**
 * "Sales tracking items": an email to chosen members of an offer with their promo code,
 * tracking link and dashboard link.
 *
 * @example
 * const { subject, body } = await affdash.emails.trackingItems.template(offer.id);
 * const preview = await affdash.emails.trackingItems.preview(offer.id, { memberIds, subject, body });
 * const { queued, skipped } = await affdash.emails.trackingItems.send(offer.id, { memberIds, subject, body });
 */
export class TrackingItems extends APIResource {
  /** The default subject and body, with the placeholders they can use. */
  async template(offerId: string, options?: RequestOptions): Promise<EmailTemplate> {
    return this._get(path`v1/offers/${offerId}/emails/tracking-items/template`, EmailTemplate, options);
  }

  /** Each recipient's email rendered (subject, text, HTML), and who would be skipped and why. */
  async preview(offerId: string, params: TrackingItemsEmail, options?: RequestOptions): Promise<EmailPreview> {
    const body = valid(TrackingItemsEmail, params, 'email');
    return this._post(path`v1/offers/${offerId}/emails/tracking-items/preview`, body, EmailPreview, options, true);
  }

  /**
   * Queues one message per recipient. Sent with an Idempotency-Key (generated when
   * `options.idempotencyKey` is absent), so retries never send twice.
   */
  async send(offerId: string, params: TrackingItemsEmail, options?: RequestOptions): Promise<EmailSendResult> {
    const body = valid(TrackingItemsEmail, params, 'email');
    return this._post(path`v1/offers/${offerId}/emails/tracking-items/send`, body, EmailSendResult, withIdempotencyKey(options));
  }

  /**
   * "Send me a test": the email for a sample member, sent now to `to` (the brand's own
   * address), in `locale` or the brand's language. Nothing is queued or counted as a send.
   */
  async test(offerId: string, params: EmailTest, options?: RequestOptions): Promise<EmailTestResult> {
    const body = valid(EmailTest, params, 'test email');
    return this._post(path`v1/offers/${offerId}/emails/tracking-items/test`, body, EmailTestResult, options);
  }
}

/**
 * "Email members": one message to everyone active in an offer.
 *
 * @example
 * await affdash.emails.membersMessage.send(offer.id, { subject: 'Double commission this week', body }, { idempotencyKey: 'promo-week-12' });
 */
export class MembersMessage extends APIResource {
  async template(offerId: string, options?: RequestOptions): Promise<EmailTemplate> {
    return this._get(path`v1/offers/${offerId}/emails/members-message/template`, EmailTemplate, options);
  }

  async preview(offerId: string, params: MembersMessageEmail = {}, options?: RequestOptions): Promise<EmailPreview> {
    const body = valid(MembersMessageEmail, params, 'email');
    return this._post(path`v1/offers/${offerId}/emails/members-message/preview`, body, EmailPreview, options, true);
  }

  /** Queues one message per active member; an Idempotency-Key makes retries send nothing twice. */
  async send(offerId: string, params: MembersMessageEmail = {}, options?: RequestOptions): Promise<EmailSendResult> {
    const body = valid(MembersMessageEmail, params, 'email');
    return this._post(path`v1/offers/${offerId}/emails/members-message/send`, body, EmailSendResult, withIdempotencyKey(options));
  }

  /** "Send me a test": the message for a sample member, sent now to `to`; not counted as a send. */
  async test(offerId: string, params: EmailTest, options?: RequestOptions): Promise<EmailTestResult> {
    const body = valid(EmailTest, params, 'test email');
    return this._post(path`v1/offers/${offerId}/emails/members-message/test`, body, EmailTestResult, options);
  }
}

/** The outbox: each message's status (queued, sent, failed), attempts and last error. */
export class EmailMessages extends APIResource {
  async retrieve(id: string, options?: RequestOptions): Promise<EmailMessage> {
    return this._get(path`v1/emails/messages/${id}`, EmailMessage, options);
  }

  /** Messages, newest first, optionally of one offer, one member or one status. */
  list(params: EmailMessageListParams = {}, options?: RequestOptions): PagePromise<EmailMessage> {
    return this._list(MessagePage, () => ({ path: 'v1/emails/messages', query: valid(ListQuery, params, 'list parameters') }), options);
  }

  /** Queues failed messages again; those queued or sent are left alone (`unchanged`). */
  async resend(params: EmailResend, options?: RequestOptions): Promise<EmailResendResult> {
    const body = valid(EmailResend, params, 'resend');
    return this._post('v1/emails/messages/resend', body, EmailResendResult, options);
  }
}

/** Email to members: the two kinds of email and the outbox. */
export class Emails {
  readonly trackingItems: TrackingItems;
  readonly membersMessage: MembersMessage;
  readonly messages: EmailMessages;

  constructor(http: Http) {
    this.trackingItems = new TrackingItems(http);
    this.membersMessage = new MembersMessage(http);
    this.messages = new EmailMessages(http);
  }
}
