import type { Context } from 'hono';
import {
  EmailMessage,
  EmailPreview,
  EmailMessageListQuery,
  EmailResend,
  EmailResendResult,
  EmailSendResult,
  EmailTemplate,
  EmailTest,
  EmailTestResult,
  MembersMessageEmail,
  PageQuery,
  TrackingItemsEmail,
  type EmailKind,
} from '@affdash/core';
import type { Database } from '../../db/index.js';
import { emailBrand } from '../../email/brand.js';
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
import type { SendTemplate } from '../../email/render.js';
import { sendTestEmail } from '../../email/test-send.js';
import type { AppEnv } from '../../http/context.js';
import { ApiError, notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { newId } from '../../keys/random.js';
import { offerInScope } from '../../middleware/brand-access/index.js';
import { EmailMessagePage } from '../../openapi/schemas.js';
import type { LinkContext } from '../../enrollments/links.js';

/** The API key, or a brand session enabling the composer (`send`). */
const composer = { tag: 'Emails', auth: Auth.apiKey, session: ['send'] } as const;
/** The same for one offer's emails: the offer must be in the session's scope. */
const ofTheOffer = { ...composer, offerParam: 'offerId' } as const;

function links(c: Context<AppEnv>): LinkContext {
  return c.get('deps').links;
}

type Recipients = (db: Database, brandId: string, offerId: string, input: { memberIds?: string[] }) => Promise<RecipientRow[]>;

interface Flow {
  kind: EmailKind;
  path: string;
  /** The email's name in the summaries. */
  title: string;
  /** Who gets it, as the descriptions say. */
  who: string;
  /** What bad input the send and preview refuse. */
  refused: string;
  body: typeof TrackingItemsEmail | typeof MembersMessageEmail;
  recipients: Recipients;
}

const flows: Flow[] = [
  {
    kind: 'tracking_items',
    path: 'tracking-items',
    title: '"sales tracking items"',
    who: 'each chosen member (`memberIds`, 1–1 000) with their promo code, tracking link and dashboard link',
    refused: 'an unknown offer or member is a 404 (`details.memberIds` names the members), a member not in the offer a 422 `not_enrolled`',
    body: TrackingItemsEmail,
    recipients: (db, brandId, offerId, input) => chosenRecipients(db, brandId, offerId, input.memberIds ?? []),
  },
  {
    kind: 'members_message',
    path: 'members-message',
    title: '"email members"',
    who: 'every member whose enrollment in the offer is active',
    refused: 'an unknown offer is a 404',
    body: MembersMessageEmail,
    recipients: (db, brandId, offerId) => activeRecipients(db, brandId, offerId),
  },
];

const SKIPS = 'members with no email, who opted out or whose enrollment ended are skipped, each with why';

/** The four routes of one email: its default template, a preview, the send and a test. */
function flowRoutes(flow: Flow) {
  const base = `/${flow.path}`;
  return {
    template: route({
      ...ofTheOffer,
      method: 'get',
      path: `${base}/template`,
      summary: `The default template of the ${flow.title} email`,
      description:
        "The default `subject` and `body` in the brand profile's `defaultLocale`, and the placeholders they may use. " +
        "A send without its own subject or body uses the default in each member's language.",
      responses: { 200: { description: 'OK', schema: EmailTemplate } },
    }),
    preview: route({
      ...ofTheOffer,
      // a preview changes nothing: a session's previews are audited as reads
      auditAsRead: true,
      method: 'post',
      path: `${base}/preview`,
      summary: `Render the ${flow.title} email for each recipient, sending nothing`,
      description:
        `Renders the email as the send would, for ${flow.who}, with what each placeholder expands to; ${SKIPS}. ` +
        `Nothing is queued; ${flow.refused}.`,
      body: flow.body,
      responses: { 200: { description: 'OK', schema: EmailPreview } },
      errors: ['not_found', 'not_enrolled'],
    }),
    send: route({
      ...ofTheOffer,
      method: 'post',
      path: `${base}/send`,
      summary: `Queue the ${flow.title} email, one message per recipient`,
      description:
        `Queues one message to ${flow.who}, and answers 202 with the send's id (\`sendId\`) and the queued messages; ${SKIPS}. ` +
        `Bad input queues nothing: ${flow.refused}. A retry with the same \`Idempotency-Key\` queues nothing again.`,
      body: flow.body,
      responses: { 202: { description: 'Queued', schema: EmailSendResult } },
      errors: ['not_found', 'not_enrolled', 'conflict'],
    }),
    test: route({
      ...ofTheOffer,
      method: 'post',
      path: `${base}/test`,
      summary: `Send me a test: the ${flow.title} email for a sample member to one address, sent now and not counted as a send`,
      description:
        'Renders the email for a sample member of the offer, marked `[Test]`, and hands it to the mail server at once; nothing is queued or counted as a send. ' +
        "`to` may be left out by a brand session only: the test then goes to its staff user. A refusal of the mail server is a 502 `email_failed`.",
      body: EmailTest,
      responses: { 200: { description: 'Handed to the mail server', schema: EmailTestResult } },
      errors: ['not_found', 'email_failed'],
    }),
  };
}

/** What the composer sent, as the flows read it (the bodies differ only in `memberIds`). */
type ComposerInput = { memberIds?: string[]; subject?: string; body?: string };

/**
 * `/v1/offers/:offerId/emails`: the "sales tracking items" email to chosen members and the
 * "email members" message to everyone active in the offer. Each has its default template,
 * a preview rendered per recipient, and a send that queues one message per recipient.
 */
export function offerEmailRoutes() {
  const app = router();
  for (const flow of flows) {
    const { kind } = flow;
    const routes = flowRoutes(flow);
    app.openapi(routes.template, async (c) => {
      const brand = await emailBrand(c.get('deps').db, c.get('brandId'));
      return c.json(defaultTemplate(kind, brand.defaultLocale), 200);
    });
    app.openapi(routes.preview, async (c) => {
      const input = c.req.valid('json') as ComposerInput;
      const offerId = c.req.param('offerId')!;
      const { db } = c.get('deps');
      const brand = await emailBrand(db, c.get('brandId'));
      const template = sendTemplate(input);
      const rows = await flow.recipients(db, c.get('brandId'), offerId, input);
      const { send, skipped } = sortRecipients(rows);
      const defaults = defaultTemplate(kind, brand.defaultLocale);
      const emails = await Promise.all(
        send.map(async (r) => {
          const { message: _, ...email } = await renderEmail(r, links(c), kind, brand, template);
          // what each placeholder expands to, for the composer's list beside the fields
          return { ...email, values: { ...templateValues(r, links(c)), brand_name: brand.displayName } };
        }),
      );
      const preview: EmailPreview = {
        subject: template.subject ?? defaults.subject,
        body: template.body ?? defaults.body,
        emails,
        skipped,
      };
      return c.json(preview, 200);
    });
    app.openapi(routes.send, async (c) => {
      const input = c.req.valid('json') as ComposerInput;
      const offerId = c.req.param('offerId')!;
      const brandId = c.get('brandId');
      const template = sendTemplate(input);
      // with an Idempotency-Key, `db` is already the request's transaction (a savepoint in it)
      const body = await c.get('deps').db.tx(async (db): Promise<EmailSendResult> => {
        const brand = await emailBrand(db, brandId);
        const { send, skipped } = sortRecipients(await flow.recipients(db, brandId, offerId, input));
        const sendId = newId('snd');
        const queued = await queueMessages(db, links(c), brandId, kind, offerId, send, template, brand, { sendId });
        return { sendId, queued, skipped };
      });
      return c.json(body, 202);
    });
    app.openapi(routes.test, async (c) => {
      const input = c.req.valid('json');
      const deps = c.get('deps');
      const brand = await emailBrand(deps.db, c.get('brandId'));
      const result = await sendTestEmail(deps.db, links(c), deps.mail, {
        kind,
        brand,
        offerId: c.req.param('offerId')!,
        to: testAddress(input.to, c.get('session')),
        locale: input.locale ?? null,
        template: sendTemplate(input),
      });
      return c.json(result, 200);
    });
  }
  return app;
}

/** Where a test goes: the address given, else the brand session's staff user. */
function testAddress(to: string | undefined, session: AppEnv['Variables']['session']): string {
  const address = to ?? session?.staff.email;
  if (!address) {
    throw new ApiError('validation_failed', 'to: give the address the test goes to', {
      issues: [{ path: 'to', message: 'give the address the test goes to (no staff email to send it to)' }],
    });
  }
  return address;
}

/** The brand's own subject and body for this send; what it leaves out is the default. */
function sendTemplate(input: { subject?: string | undefined; body?: string | undefined }): SendTemplate {
  return {
    subject: typeof input.subject === 'string' ? input.subject : null,
    body: typeof input.body === 'string' ? input.body : null,
  };
}

/** The outbox list's query: a page, and the filters. */
const MessageListQuery = PageQuery.extend(EmailMessageListQuery.shape);

const listAll = route({
  ...composer,
  method: 'get',
  path: '/messages',
  summary: 'List queued, sent and failed email messages',
  description:
    "The outbox, newest first, a page at a time: of one offer, one member, in one status, or one send's messages (`sendId`, from the send's answer). " +
    "A brand session sees its offers' messages only.",
  query: MessageListQuery,
  responses: { 200: { description: 'OK', schema: EmailMessagePage } },
});

const resendFailed = route({
  ...composer,
  method: 'post',
  path: '/messages/resend',
  summary: 'Queue failed messages again',
  description:
    'Queues the failed messages among `messageIds` (1–1 000) again, their attempts starting over, and leaves the queued and sent ones alone. ' +
    'An id the brand (or the session\'s offers) does not have is a 404 naming it, and nothing is queued.',
  body: EmailResend,
  responses: { 200: { description: 'OK', schema: EmailResendResult } },
  errors: ['not_found'],
});

const retrieveMessage = route({
  ...composer,
  method: 'get',
  path: '/messages/{id}',
  summary: 'Retrieve an email message',
  description:
    'One message and what became of it: `queued`, `sent` or `failed`, its attempts, the next one and the last error. ' +
    "A message of an offer outside a brand session's scope is a 404.",
  responses: { 200: { description: 'OK', schema: EmailMessage } },
  errors: ['not_found'],
});

/** `/v1/emails/messages`: the outbox, and what became of each message. */
export function emailMessageRoutes() {
  return router()
    .openapi(listAll, async (c) => {
      const only = c.get('session')?.offerIds;
      return c.json(await listMessages(c.get('deps').db, c.get('brandId'), c.req.valid('query'), only), 200);
    })
    .openapi(resendFailed, async (c) => {
      const { messageIds } = c.req.valid('json');
      const only = c.get('session')?.offerIds;
      return c.json(await resendMessages(c.get('deps').db, c.get('brandId'), messageIds, only), 200);
    })
    .openapi(retrieveMessage, async (c) => {
      const row = await findMessage(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row || !offerInScope(c.get('session'), row.offer_id)) throw notFound('email message');
      return c.json(toEmailMessage(row), 200);
    });
}
