import { Hono, type Context } from 'hono';
import {
  EmailMessageListQuery,
  EmailResend,
  EmailTest,
  MembersMessageEmail,
  PageQuery,
  TrackingItemsEmail,
  type EmailKind,
  type EmailPreview,
  type EmailSendResult,
  type EmailTestResult,
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
import { newId } from '../../keys/random.js';
import { validate } from '../../http/validate.js';
import { brandAccess, offerInScope } from '../../middleware/brand-access/index.js';
import type { LinkContext } from '../../enrollments/links.js';

/** The API key, or a brand session enabling the composer (`send`); for the offer, in its scope. */
const sendAccess = () => brandAccess({ components: ['send'], offerParam: 'offerId' });

function links(c: Context<AppEnv>): LinkContext {
  return c.get('deps').links;
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
    app.get(`/${flow.path}/template`, async (c) => {
      const brand = await emailBrand(c.get('deps').db, c.get('brandId'));
      return c.json(defaultTemplate(kind, brand.defaultLocale));
    });
    app.post(`/${flow.path}/preview`, validate('json', schema), async (c) => {
      const input = c.req.valid('json') as { memberIds?: string[]; subject?: string; body?: string };
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
      return c.json(preview);
    });
    app.post(`/${flow.path}/send`, validate('json', schema), async (c) => {
      const input = c.req.valid('json') as { memberIds?: string[]; subject?: string; body?: string };
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
    app.post(`/${flow.path}/test`, validate('json', EmailTest), async (c) => {
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
      return c.json(result);
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
