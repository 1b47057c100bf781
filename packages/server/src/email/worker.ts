import pg from '@databases/pg';
import { backoffSeconds } from '../backoff.js';
import type { Database } from '../db/index.js';
import { startPoller, type Poller } from '../jobs/poller.js';
import type { LinkContext } from '../enrollments/links.js';
import type { Mailer } from './mailer.js';
import type { EmailMessageRow } from './outbox.js';
import { emailBrands } from './brand.js';
import { recipientSelect, renderEmail, type RecipientRow } from './recipients.js';

const { sql } = pg;

export interface DeliveryOptions {
  /** Messages claimed per round trip. */
  batchSize?: number;
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** How long a claimed message is held before another worker may try it. */
  leaseSeconds?: number;
  /** First retry delay; doubled after each failure, up to `maxBackoffSeconds`. */
  backoffSeconds?: number;
  maxBackoffSeconds?: number;
  /** Deliver as if it were this time (tests use it to skip a backoff). */
  now?: Date;
}

export interface DeliveryContext {
  db: Database;
  links: LinkContext;
  mailer: Mailer;
  /** The sender's address; the brand's sender name (else its name) is its display name. */
  fromAddress: string;
}

export interface DeliveryReport {
  sent: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  /** Messages given up on. */
  failed: number;
}

export { backoffSeconds };

/**
 * Claims due messages with `FOR UPDATE SKIP LOCKED` (so workers never take the same one),
 * counts the attempt and leases them; returns them with what rendering needs.
 */
async function claim(
  db: Database,
  at: string,
  limit: number,
  leaseSeconds: number,
): Promise<(EmailMessageRow & { recipient: RecipientRow })[]> {
  return db.tx(async (db) => {
    const claimed = await db.query<EmailMessageRow>(sql`
      WITH due AS (
        SELECT brand_id, id FROM email_messages
        WHERE status = 'queued' AND next_attempt_at <= ${at}::timestamptz
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE email_messages m
      SET attempts = m.attempts + 1,
          next_attempt_at = ${at}::timestamptz + make_interval(secs => ${leaseSeconds}),
          updated_at = now()
      FROM due WHERE m.brand_id = due.brand_id AND m.id = due.id
      RETURNING m.*`);
    if (!claimed.length) return [];
    const keys = sql.join(
      claimed.map((m) => sql`(${m.brand_id}, ${m.enrollment_id})`),
      sql`, `,
    );
    const recipients = await db.query<RecipientRow>(sql`
      ${recipientSelect}
      WHERE (e.brand_id, e.id) IN (${keys})`);
    const byKey = new Map(recipients.map((r) => [`${r.brand_id}:${r.id}`, r]));
    return claimed
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((m) => ({ ...m, recipient: byKey.get(`${m.brand_id}:${m.enrollment_id}`)! }));
  });
}

function describeError(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; response?: string; code?: string };
  const text = e.response ?? e.message ?? String(error);
  return (e.responseCode ? `${e.responseCode} ${text}` : e.code ? `${e.code}: ${text}` : text).slice(0, 500);
}

/**
 * Delivers every message due now, batch after batch, and records each one's outcome:
 * `sent`, or a failed attempt (retried after an exponential backoff, `failed` with the reason
 * after `maxAttempts`). A message whose member opted out or lost their address meanwhile, or
 * whose enrollment ended, is marked failed without sending.
 */
export async function deliverEmails(ctx: DeliveryContext, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const { batchSize = 50, maxAttempts = 8, leaseSeconds = 300 } = options;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const { db } = ctx;
  for (;;) {
    const at = (options.now ?? new Date()).toISOString();
    const batch = await claim(db, at, batchSize, leaseSeconds);
    const brands = await emailBrands(db, batch.map((m) => m.brand_id));
    for (const message of batch) {
      const r = message.recipient;
      const id = sql`brand_id = ${message.brand_id} AND id = ${message.id}`;
      const refusal = !r.member_email
        ? 'the member no longer has an email address'
        : r.email_opt_out
          ? 'the member opted out of email'
          : r.status === 'ended'
            ? 'the enrollment has ended'
            : undefined;
      if (refusal) {
        await db.query(sql`
          UPDATE email_messages SET status = 'failed', last_error = ${`not sent: ${refusal}`},
                 next_attempt_at = NULL, updated_at = now() WHERE ${id}`);
        report.failed++;
        continue;
      }
      try {
        const { message: email } = await renderEmail(r, ctx.links, message.kind, brands.get(message.brand_id)!, {
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
        await db.query(sql`
          UPDATE email_messages SET status = 'sent', sent_at = now(), provider_id = ${providerId},
                 last_error = NULL, next_attempt_at = NULL, updated_at = now() WHERE ${id}`);
        report.sent++;
      } catch (error) {
        const reason = describeError(error);
        if (message.attempts >= maxAttempts) {
          await db.query(sql`
            UPDATE email_messages SET status = 'failed', last_error = ${reason},
                   next_attempt_at = NULL, updated_at = now() WHERE ${id}`);
          report.failed++;
        } else {
          const delay = backoffSeconds(message.attempts, options.backoffSeconds, options.maxBackoffSeconds);
          await db.query(sql`
            UPDATE email_messages SET last_error = ${reason}, updated_at = now(),
                   next_attempt_at = ${at}::timestamptz + make_interval(secs => ${delay})
            WHERE ${id}`);
          report.retrying++;
        }
      }
    }
    if (batch.length < batchSize) return report;
  }
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
