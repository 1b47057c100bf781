import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  EmailMessageListQuery,
  EmailResend,
  EmailTestSend,
  MembersMessageEmail,
  PageQuery,
  TrackingItemsEmail,
  type EmailKind,
  type EmailPreview,
  type EmailSendResult,
  type EmailTestResult,
} from '@affdash/core';
import type { Database } from '../../db/index.js';
import { defaultTemplate } from '../../email/defaults.js';
import { findMessage, listMessages, queueMessages, resendMessages, toEmailMessage } from '../../email/outbox.js';
import {
  activeRecipients,
  chosenRecipients,
  renderEmail,
  sortRecipients,
  templateValues,
  type RecipientRow,
} from '../../email/recipients.js';
import type { AppEnv } from '../../http/context.js';
import { ApiError, notFound } from '../../http/errors.js';
import { newId } from '../../keys/random.js';
import { idempotencyKey, once, requestFingerprint } from '../../http/idempotency.js';
import { validate } from '../../http/validate.js';
import { brandAccess, offerInScope } from '../../middleware/brand-access/index.js';
import type { LinkContext } from '../enrollments/queries.js';

/** The API key, or a brand session enabling the composer (`send`); for the offer, in its scope. */
const sendAccess = () => brandAccess({ components: ['send'], offerParam: 'offerId' });

function links(c: Context<AppEnv>): LinkContext {
  const { keys, config } = c.get('deps');
  return { keys, publicUrl: config.publicUrl };
}

type Recipients = (db: Database, brandId: string, offerId: string, input: { memberIds?: string[] }) => Promise<RecipientRow[]>;

const flows: Record<EmailKind, { path: string; recipients: Recipients }> = {
  tracking_items: {
    path: 'tracking-items',
    recipients: (db, brandId, offerId, input) => chosenRecipients(db, brandId, offerId, input.memberIds ?? []),
  },
  members_message: {
    path: 'members-message',
    recipients: (db, brandId, offerId) => activeRecipients(db, brandId, offerId),
  },
};

/**
 * `/v1/offers/:offerId/emails`: the "sales tracking items" email to chosen members and the
 * "email members" message to everyone active in the offer. Each has its default template,
 * a preview rendered per recipient, and a send that queues one message per recipient.
 */
export function offerEmailRoutes() {
  const app = new Hono<AppEnv>().use(sendAccess());
  for (const [kind, flow] of Object.entries(flows) as [EmailKind, (typeof flows)[EmailKind]][]) {
    const schema = kind === 'tracking_items' ? TrackingItemsEmail : MembersMessageEmail;
    app.get(`/${flow.path}/template`, (c) => c.json(defaultTemplate(kind)));
    app.post(`/${flow.path}/preview`, validate('json', schema), async (c) => {
      const input = c.req.valid('json') as { memberIds?: string[]; subject?: string; body?: string };
      const offerId = c.req.param('offerId')!;
      const template = { ...defaultTemplate(kind), ...stripUndefined(input) };
      const rows = await flow.recipients(c.get('deps').db, c.get('brandId'), offerId, input);
      const { send, skipped } = sortRecipients(rows);
      const preview: EmailPreview = {
        subject: template.subject,
        body: template.body,
        emails: send.map((r) => ({ ...renderEmail(r, links(c), template), values: { ...templateValues(r, links(c)) } })),
        skipped,
      };
      return c.json(preview);
    });
    app.post(`/${flow.path}/send`, validate('json', schema), async (c) => {
      const input = c.req.valid('json') as { memberIds?: string[]; subject?: string; body?: string };
      const offerId = c.req.param('offerId')!;
      const brandId = c.get('brandId');
      const key = idempotencyKey(c.req.header('idempotency-key'));
      const template = { ...defaultTemplate(kind), ...stripUndefined(input) };
      const result = await once(
        c.get('deps').db,
        brandId,
        key,
        requestFingerprint(kind, offerId, input),
        async (db) => {
          const { send, skipped } = sortRecipients(await flow.recipients(db, brandId, offerId, input));
          const sendId = newId('snd');
          const queued = await queueMessages(db, links(c), brandId, kind, offerId, send, template, { sendId });
          const body: EmailSendResult = { sendId, queued, skipped };
          return { status: 202, body };
        },
      );
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body as EmailSendResult, result.status as ContentfulStatusCode);
    });
    // "Send me a test": one recipient's email (their real code and links) to a staff address
    app.post(`/${flow.path}/test`, validate('json', EmailTestSend), async (c) => {
      const input = c.req.valid('json');
      const offerId = c.req.param('offerId')!;
      const brandId = c.get('brandId');
      const { db } = c.get('deps');
      const to = input.to ?? c.get('session')?.staff.email;
      if (!to) {
        throw new ApiError('validation_failed', 'to: give the address the test goes to', {
          issues: [{ path: 'to', message: 'give the address the test goes to (the session names no staff email)' }],
        });
      }
      const rows = input.memberId
        ? await chosenRecipients(db, brandId, offerId, [input.memberId])
        : await activeRecipients(db, brandId, offerId);
      const recipient = input.memberId ? rows[0] : sortRecipients(rows).send[0];
      if (!recipient) throw new ApiError('not_enrolled', 'No member of this offer would get this email to render a test for.');
      const template = { ...defaultTemplate(kind), ...stripUndefined(input) };
      const testTemplate = { subject: `[Test] ${template.subject}`, body: template.body };
      const [queued] = await queueMessages(db, links(c), brandId, kind, offerId, [recipient], testTemplate, { test: { to } });
      const body: EmailTestResult = { messageId: queued!.messageId, memberId: recipient.member_id, to };
      return c.json(body, 202);
    });
  }
  return app;
}

function stripUndefined<T extends Record<string, unknown>>(input: T) {
  const out: { subject?: string; body?: string } = {};
  if (typeof input.subject === 'string') out.subject = input.subject;
  if (typeof input.body === 'string') out.body = input.body;
  return out;
}

/** `/v1/emails/messages`: the outbox, and what became of each message. */
export function emailMessageRoutes() {
  return new Hono<AppEnv>()
    .use(sendAccess())
    .get('/messages', validate('query', PageQuery.extend(EmailMessageListQuery.shape)), async (c) => {
      const only = c.get('session')?.offerIds;
      return c.json(await listMessages(c.get('deps').db, c.get('brandId'), c.req.valid('query'), only));
    })
    .post('/messages/resend', validate('json', EmailResend), async (c) => {
      const { messageIds } = c.req.valid('json');
      const only = c.get('session')?.offerIds;
      return c.json(await resendMessages(c.get('deps').db, c.get('brandId'), messageIds, only));
    })
    .get('/messages/:id', async (c) => {
      const row = await findMessage(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row || !offerInScope(c.get('session'), row.offer_id)) throw notFound('email message');
      return c.json(toEmailMessage(row));
    });
}
