import pg from '@databases/pg';
import type { EmailKind, EmailTestResult } from '@affdash/core';
import type { Database } from '../db/index.js';
import { ApiError } from '../http/errors.js';
import type { LinkContext } from '../enrollments/links.js';
import type { EmailBrand } from './brand.js';
import type { Mailer } from './mailer.js';
import { renderMessage, type SendTemplate } from './render.js';
import type { TemplateValues } from './template.js';
import { newId } from '../keys/random.js';

const { sql } = pg;

/** The made-up member a test send is written for, in a real offer of the brand. */
export function sampleValues(ctx: LinkContext, brand: EmailBrand, offer: { name: string; code_prefix: string | null }): TemplateValues {
  return {
    member_name: 'Alex Sample',
    first_name: 'Alex',
    offer_name: offer.name,
    brand_name: brand.displayName,
    promo_code: `${offer.code_prefix ?? ''}SAMPLE10`.toUpperCase(),
    tracking_link: `${ctx.publicUrl}/t/sample`,
    dashboard_link: `${ctx.publicUrl}/d/sample`,
  };
}

/**
 * "Send me a test": renders the email for a sample member and hands it to the mailer right
 * away. Nothing is written to the outbox, so it is not counted as a send.
 */
export async function sendTestEmail(
  db: Database,
  ctx: LinkContext,
  mail: { mailer: Mailer; fromAddress: string } | undefined,
  input: { kind: EmailKind; brand: EmailBrand; offerId: string; to: string; locale: string | null; template: SendTemplate },
): Promise<EmailTestResult> {
  const [offer] = await db.query<{ name: string; code_prefix: string | null }>(sql`
    SELECT name, code_prefix FROM offers WHERE brand_id = ${input.brand.id} AND id = ${input.offerId}`);
  if (!offer) throw new ApiError('not_found', 'offer not found');
  if (!mail) throw new ApiError('email_failed', 'This server has no mail transport to send a test with.');
  const message = await renderMessage({
    kind: input.kind,
    brand: input.brand,
    locale: input.locale,
    values: sampleValues(ctx, input.brand, offer),
    template: input.template,
    unsubscribeUrl: input.kind === 'members_message' ? `${ctx.publicUrl}/u/sample` : null,
    test: true,
  });
  try {
    const { providerId } = await mail.mailer.send({
      id: newId('tst'),
      from: { name: message.from.name, address: mail.fromAddress },
      replyTo: message.replyTo,
      to: input.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
    });
    return { to: input.to, subject: message.subject, providerId };
  } catch (error) {
    const reason = (error as { response?: string; message?: string }).response ?? (error as Error).message;
    throw new ApiError('email_failed', `The mail server did not take the test: ${String(reason).slice(0, 300)}`);
  }
}
