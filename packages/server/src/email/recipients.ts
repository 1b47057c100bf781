import pg from '@databases/pg';
import type { EmailKind, RenderedEmail, SkippedRecipient } from '@affdash/core';
import type { Database } from '../db/index.js';
import { ApiError } from '../http/errors.js';
import { dashboardUrl, trackingUrl, type LinkContext } from '../enrollments/links.js';
import type { EnrollmentRow } from '../enrollments/queries.js';
import type { EmailBrand } from './brand.js';
import { renderMessage, type RenderedMessage, type SendTemplate } from './render.js';
import type { TemplateValues } from './template.js';
import { unsubscribeUrl } from './unsubscribe.js';

const { sql } = pg;

/** An enrollment with what its email needs: the member, the offer and the brand. */
export interface RecipientRow extends EnrollmentRow {
  member_name: string;
  member_first_name: string | null;
  member_locale: string | null;
  member_email: string | null;
  email_opt_out: boolean;
  offer_name: string;
  brand_name: string;
}

export const recipientSelect = sql`
  SELECT e.*, m.name AS member_name, m.first_name AS member_first_name, m.locale AS member_locale,
         m.email AS member_email, m.email_opt_out,
         o.name AS offer_name, b.name AS brand_name
  FROM enrollments e
  JOIN members m ON m.brand_id = e.brand_id AND m.id = e.member_id
  JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
  JOIN brands b ON b.id = e.brand_id`;

/** The offer's name, or a 404. */
export async function requireOffer(db: Database, brandId: string, offerId: string): Promise<void> {
  const [offer] = await db.query(sql`SELECT id FROM offers WHERE brand_id = ${brandId} AND id = ${offerId}`);
  if (!offer) throw new ApiError('not_found', 'offer not found');
}

function idList(ids: string[]) {
  return sql.join(ids.map((id) => sql`${id}`), sql`, `);
}

/**
 * The enrollments in `offerId` of the chosen members, in the order given. A member the brand
 * does not have is a 404, a member not enrolled in the offer a 422; both name every such id.
 */
export async function chosenRecipients(
  db: Database,
  brandId: string,
  offerId: string,
  memberIds: string[],
): Promise<RecipientRow[]> {
  await requireOffer(db, brandId, offerId);
  const known = new Set(
    (
      await db.query<{ id: string }>(sql`
        SELECT id FROM members WHERE brand_id = ${brandId} AND id IN (${idList(memberIds)})`)
    ).map((r) => r.id),
  );
  const unknown = memberIds.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new ApiError('not_found', `No such member: ${unknown.join(', ')}`, { memberIds: unknown });
  }
  const rows = await db.query<RecipientRow>(sql`
    ${recipientSelect}
    WHERE e.brand_id = ${brandId} AND e.offer_id = ${offerId} AND e.member_id IN (${idList(memberIds)})`);
  const byMember = new Map(rows.map((r) => [r.member_id, r]));
  const missing = memberIds.filter((id) => !byMember.has(id));
  if (missing.length) {
    throw new ApiError('not_enrolled', `Not enrolled in this offer: ${missing.join(', ')}`, {
      memberIds: missing,
    });
  }
  return memberIds.map((id) => byMember.get(id)!);
}

/** Every active enrollment of the offer, oldest first. */
export async function activeRecipients(db: Database, brandId: string, offerId: string): Promise<RecipientRow[]> {
  await requireOffer(db, brandId, offerId);
  return db.query<RecipientRow>(sql`
    ${recipientSelect}
    WHERE e.brand_id = ${brandId} AND e.offer_id = ${offerId} AND e.status = 'active'
    ORDER BY e.created_at, e.id`);
}

/** Splits recipients into those who get the email and those skipped, with the reason. */
export function sortRecipients(rows: RecipientRow[]): { send: RecipientRow[]; skipped: SkippedRecipient[] } {
  const send: RecipientRow[] = [];
  const skipped: SkippedRecipient[] = [];
  for (const row of rows) {
    const base = { memberId: row.member_id, enrollmentId: row.id, name: row.member_name };
    if (row.status === 'ended') {
      skipped.push({ ...base, reason: 'enrollment_ended', message: 'The enrollment has ended; its links no longer work.' });
    } else if (!row.member_email) {
      skipped.push({ ...base, reason: 'no_email', message: 'The member has no email address.' });
    } else if (row.email_opt_out) {
      skipped.push({ ...base, reason: 'opted_out', message: 'The member opted out of email.' });
    } else {
      send.push(row);
    }
  }
  return { send, skipped };
}

/** Shown instead of the dashboard link where the message is stored. */
export const DASHBOARD_LINK_HIDDEN = '[dashboard link]';

/** One recipient's placeholder values; absolute links under the public URL. */
export function templateValues(row: RecipientRow, ctx: LinkContext): TemplateValues {
  return {
    member_name: row.member_name,
    first_name: row.member_first_name ?? row.member_name,
    offer_name: row.offer_name,
    brand_name: row.brand_name,
    promo_code: row.promo_code,
    tracking_link: trackingUrl(ctx, row.tracking_slug),
    dashboard_link: dashboardUrl(ctx, row),
  };
}

/** A recipient's email, rendered as it will be sent: localized, branded, laid out. */
export async function renderEmail(
  row: RecipientRow,
  ctx: LinkContext,
  kind: EmailKind,
  brand: EmailBrand,
  template: SendTemplate,
): Promise<RenderedEmail & { message: RenderedMessage }> {
  const message = await renderMessage({
    kind,
    brand,
    locale: row.member_locale,
    values: { ...templateValues(row, ctx), brand_name: brand.displayName },
    template,
    unsubscribeUrl:
      kind === 'members_message' ? unsubscribeUrl(ctx, { brandId: row.brand_id, memberId: row.member_id }) : null,
  });
  return {
    memberId: row.member_id,
    enrollmentId: row.id,
    to: row.member_email ?? '',
    subject: message.subject,
    text: message.text,
    html: message.html,
    language: message.language,
    message,
  };
}

export type { EmailKind };
