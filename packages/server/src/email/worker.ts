import pg from '@databases/pg';
import { backoffSeconds } from '../backoff.js';
import type { Database } from '../db/index.js';
import { runOutbox, type OutboxKind, type OutboxOptions, type OutboxReport } from '../jobs/outbox.js';
import { startPoller, type Poller } from '../jobs/poller.js';
import type { LinkContext } from '../enrollments/links.js';
import { emailBrands, type EmailBrand } from './brand.js';
import type { Mailer } from './mailer.js';
import type { EmailMessageRow } from './outbox.js';
import { recipientSelect, renderEmail, type RecipientRow } from './recipients.js';

const { sql } = pg;

/** Batch size, attempts, lease, backoff and `now`, as every outbox takes. */
export type DeliveryOptions = OutboxOptions;

export interface DeliveryContext {
  db: Database;
  links: LinkContext;
  mailer: Mailer;
  /** The sender's address; the brand's sender name (else its name) is its display name. */
  fromAddress: string;
}

/** `sent`; `retrying`: failed attempts that will be tried again; `failed`: given up on. */
export type DeliveryReport = OutboxReport<'sent'>;

export { backoffSeconds };

type ClaimedMessage = EmailMessageRow & { recipient: RecipientRow; brand: EmailBrand };

function describeError(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; response?: string; code?: string };
  const text = e.response ?? e.message ?? String(error);
  return (e.responseCode ? `${e.responseCode} ${text}` : e.code ? `${e.code}: ${text}` : text).slice(0, 500);
}

/** Why a message may not go out any more, if so. */
const refusal = (r: RecipientRow) =>
  !r.member_email
    ? 'the member no longer has an email address'
    : r.email_opt_out
      ? 'the member opted out of email'
      : r.status === 'ended'
        ? 'the enrollment has ended'
        : undefined;

/** The member email outbox (`email_messages`), one message after the other over the mailer. */
function emailOutbox(ctx: DeliveryContext): OutboxKind<EmailMessageRow, ClaimedMessage, 'sent'> {
  return {
    table: 'email_messages',
    done: 'sent',
    defaults: { batchSize: 50, maxAttempts: 8, leaseSeconds: 300, backoffSeconds: 30, maxBackoffSeconds: 3600 },
    parallel: false,
    async load(db, messages) {
      const keys = sql.join(messages.map((m) => sql`(${m.brand_id}, ${m.enrollment_id})`), sql`, `);
      const recipients = await db.query<RecipientRow>(sql`${recipientSelect} WHERE (e.brand_id, e.id) IN (${keys})`);
      const byKey = new Map(recipients.map((r) => [`${r.brand_id}:${r.id}`, r]));
      const brands = await emailBrands(db, messages.map((m) => m.brand_id));
      return messages.map((m) => ({
        ...m,
        recipient: byKey.get(`${m.brand_id}:${m.enrollment_id}`)!,
        brand: brands.get(m.brand_id)!,
      }));
    },
    async deliver(message) {
      const refused = refusal(message.recipient);
      if (refused) return { ok: false, final: true, error: `not sent: ${refused}` };
      const { message: email } = await renderEmail(message.recipient, ctx.links, message.kind, message.brand, {
        subject: message.subject_template,
        body: message.body_template,
      });
      const { providerId } = await ctx.mailer.send({
        id: message.id,
        from: { name: email.from.name, address: ctx.fromAddress },
        replyTo: email.replyTo,
        to: message.to_address,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
      });
      return { ok: true, set: sql`sent_at = now(), provider_id = ${providerId}` };
    },
    describeError,
  };
}

/**
 * Delivers every message due now, batch after batch, and records each one's outcome:
 * `sent`, or a failed attempt (retried after an exponential backoff, `failed` with the reason
 * after `maxAttempts`). A message whose member opted out or lost their address meanwhile, or
 * whose enrollment ended, is marked failed without sending.
 */
export function deliverEmails(ctx: DeliveryContext, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  return runOutbox(ctx.db, emailOutbox(ctx), options);
}

/** `runOnce(options?)` delivers what is due now; `stop()` ends polling. */
export type EmailWorker = Poller<DeliveryOptions, DeliveryReport>;

/**
 * Polls the outbox every `intervalMs` and delivers what is due. One round at a time per
 * process; several processes share the work through `SKIP LOCKED`.
 */
export function startEmailWorker(
  ctx: DeliveryContext,
  options: DeliveryOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): EmailWorker {
  const { intervalMs = 5_000, onError = (e) => console.error('[email]', e) } = options;
  return startPoller((once: DeliveryOptions = {}) => deliverEmails(ctx, { ...options, ...once }), { intervalMs, onError });
}
