import pg from '@databases/pg';
import type { EmailKind, EmailMessage, EmailMessageListQuery, PageQuery, QueuedEmail } from '@affdash/core';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { ApiError } from '../http/errors.js';
import { newId } from '../keys/random.js';
import type { LinkContext } from '../enrollments/links.js';
import type { EmailBrand } from './brand.js';
import { defaultTemplate } from './defaults.js';
import type { SendTemplate } from './render.js';
import { renderSubject } from './template.js';
import { DASHBOARD_LINK_HIDDEN, templateValues, type RecipientRow } from './recipients.js';

const { sql } = pg;

export interface EmailMessageRow {
  brand_id: string;
  id: string;
  kind: EmailKind;
  offer_id: string;
  enrollment_id: string;
  member_id: string;
  to_address: string;
  subject: string;
  /** Null: the default, in the member's language. */
  subject_template: string | null;
  body_template: string | null;
  status: EmailMessage['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  provider_id: string | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
  send_id: string | null;
}

export function toEmailMessage(row: EmailMessageRow): EmailMessage {
  return {
    id: row.id,
    kind: row.kind,
    offerId: row.offer_id,
    enrollmentId: row.enrollment_id,
    memberId: row.member_id,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' && row.next_attempt_at ? row.next_attempt_at.toISOString() : null,
    lastError: row.last_error,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sendId: row.send_id,
  };
}

/** How a batch of messages is written: the send (one Send of the composer) it belongs to. */
export interface QueueOptions {
  sendId?: string;
}

const INSERT_CHUNK = 200;

/**
 * Writes one message per recipient to the outbox, due now. The templates are stored, not the
 * rendered body: the dashboard link's secret is derived at delivery and never written down.
 */
export async function queueMessages(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  kind: EmailKind,
  offerId: string,
  recipients: RecipientRow[],
  template: SendTemplate,
  brand: EmailBrand,
  options: QueueOptions = {},
): Promise<QueuedEmail[]> {
  const queued: QueuedEmail[] = [];
  const sendId = options.sendId ?? null;
  for (let i = 0; i < recipients.length; i += INSERT_CHUNK) {
    const chunk = recipients.slice(i, i + INSERT_CHUNK);
    const rows = chunk.map((r) => {
      const id = newId('msg');
      queued.push({ messageId: id, memberId: r.member_id, enrollmentId: r.id, to: r.member_email! });
      const subjectTemplate = template.subject ?? defaultTemplate(kind, r.member_locale ?? brand.defaultLocale).subject;
      const subject = renderSubject(subjectTemplate, {
        ...templateValues(r, ctx),
        brand_name: brand.displayName,
        dashboard_link: DASHBOARD_LINK_HIDDEN,
      });
      return sql`(${brandId}, ${id}, ${kind}, ${offerId}, ${r.id}, ${r.member_id}, ${r.member_email},
                  ${subject}, ${template.subject}, ${template.body}, 'queued', now(), ${sendId})`;
    });
    await db.query(sql`
      INSERT INTO email_messages (brand_id, id, kind, offer_id, enrollment_id, member_id, to_address,
                                  subject, subject_template, body_template, status, next_attempt_at,
                                  send_id)
      VALUES ${sql.join(rows, sql`, `)}`);
  }
  return queued;
}

export async function findMessage(db: Database, brandId: string, id: string): Promise<EmailMessageRow | null> {
  const [row] = await db.query<EmailMessageRow>(
    sql`SELECT * FROM email_messages WHERE brand_id = ${brandId} AND id = ${id}`,
  );
  return row ?? null;
}

/** Messages, newest first; `only` limits them to some offers (a brand session's scope). */
export async function listMessages(
  db: Database,
  brandId: string,
  query: PageQuery & EmailMessageListQuery,
  only?: string[] | null,
) {
  const after = decodeCursor(query.cursor);
  const rows = await db.query<EmailMessageRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM email_messages WHERE brand_id = ${brandId}
    ${query.offerId ? sql`AND offer_id = ${query.offerId}` : sql``}
    ${query.memberId ? sql`AND member_id = ${query.memberId}` : sql``}
    ${query.status ? sql`AND status = ${query.status}` : sql``}
    ${query.sendId ? sql`AND send_id = ${query.sendId}` : sql``}
    ${only ? sql`AND offer_id IN (${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql``}
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, (r) => [r.cursor_at, r.id], toEmailMessage);
}

/**
 * Queues failed messages again (attempts start over). Messages that are queued or sent are
 * left alone; ids the brand (or the session's offers) does not have are a 404 naming them.
 */
export async function resendMessages(db: Database, brandId: string, ids: string[], only?: string[] | null) {
  return db.tx(async (db) => {
    const rows = await db.query<{ id: string; status: string; offer_id: string }>(sql`
      SELECT id, status, offer_id FROM email_messages
      WHERE brand_id = ${brandId} AND id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) FOR UPDATE`);
    const found = new Map(rows.filter((r) => !only || only.includes(r.offer_id)).map((r) => [r.id, r.status]));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw new ApiError('not_found', `No such email message: ${unknown.join(', ')}`, { messageIds: unknown });
    const requeued = ids.filter((id) => found.get(id) === 'failed');
    if (requeued.length) {
      await db.query(sql`
        UPDATE email_messages SET status = 'queued', attempts = 0, next_attempt_at = now(),
               last_error = NULL, updated_at = now()
        WHERE brand_id = ${brandId} AND id IN (${sql.join(requeued.map((id) => sql`${id}`), sql`, `)})`);
    }
    return { requeued, unchanged: ids.filter((id) => found.get(id) !== 'failed') };
  });
}
