import { createHmac, timingSafeEqual } from 'node:crypto';
import pg from '@databases/pg';
import type { Database } from '../db/index.js';
import { emailBrand } from '../email/brand.js';
import { queueMessages } from '../email/outbox.js';
import { chosenRecipients } from '../email/recipients.js';
import { newId } from '../keys/random.js';
import type { ServerKeys } from '../keys/server-keys.js';
import type { LinkContext } from '../enrollments/links.js';

const { sql } = pg;

/**
 * How often a fresh dashboard link may be asked for, counted over the request log: per
 * address (in a brand) and per link the form was opened from, in a sliding window.
 */
export const LINK_REQUEST_LIMITS = { perAddress: 3, perLink: 10, windowMinutes: 60 } as const;

/** What became of a request; the member is told the same for `sent` and `not_found`. */
export type LinkRequestOutcome = 'sent' | 'not_found' | 'throttled';

/** Where the form was opened: the enrollment whose link no longer works. */
export interface LinkRequestContext {
  brandId: string;
  enrollmentId: string;
}

const ID = /^[A-Za-z0-9_]{1,64}$/;

function contextMac(keys: ServerKeys, c: LinkRequestContext): Buffer {
  return createHmac('sha256', keys.linkKey).update(`link-request.${c.brandId}.${c.enrollmentId}`).digest();
}

/** The form's hidden field: names the enrollment, unforgeable without the server secret. */
export function sealLinkRequestContext(keys: ServerKeys, c: LinkRequestContext): string {
  return `${c.brandId}.${c.enrollmentId}.${contextMac(keys, c).toString('base64url')}`;
}

/** Reads the hidden field back, or null when it was not made by this server. */
export function openLinkRequestContext(keys: ServerKeys, value: string): LinkRequestContext | null {
  const [brandId = '', enrollmentId = '', mac = '', extra] = value.split('.');
  if (extra !== undefined || !ID.test(brandId) || !ID.test(enrollmentId) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
  const context = { brandId, enrollmentId };
  const expected = contextMac(keys, context);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? context : null;
}

/** The address as the log keeps it: a keyed hash of its lower-case form. */
function emailHash(keys: ServerKeys, email: string): string {
  return createHmac('sha256', keys.linkKey).update(`link-request-email.${email.trim().toLowerCase()}`).digest('hex');
}

/**
 * A member asks for their current dashboard link from the page of a link that no longer
 * works. When `email` is the address of a member enrolled (and not ended) in that link's
 * offer, the "sales tracking items" email, which carries the current dashboard link, is
 * queued to it. Every request is logged, throttled by `LINK_REQUEST_LIMITS`.
 */
export async function requestDashboardLink(
  db: Database,
  links: LinkContext,
  context: LinkRequestContext,
  email: string,
): Promise<LinkRequestOutcome> {
  const hash = emailHash(links.keys, email);
  return db.tx(async (db) => {
    const [origin] = await db.query<{ offer_id: string }>(sql`
      SELECT offer_id FROM enrollments WHERE brand_id = ${context.brandId} AND id = ${context.enrollmentId}`);
    if (!origin) return 'not_found';
    // one request per address at a time, so the counts below hold
    await db.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`link-request.${context.brandId}.${hash}`}, 0))`);
    const since = sql`now() - make_interval(mins => ${LINK_REQUEST_LIMITS.windowMinutes})`;
    const [recent] = await db.query<{ by_address: number; by_link: number }>(sql`
      SELECT count(*) FILTER (WHERE email_hash = ${hash})::int AS by_address,
             count(*) FILTER (WHERE link_enrollment_id = ${context.enrollmentId})::int AS by_link
      FROM dashboard_link_requests
      WHERE brand_id = ${context.brandId} AND created_at > ${since}
        AND (email_hash = ${hash} OR link_enrollment_id = ${context.enrollmentId})`);
    const throttled =
      recent!.by_address >= LINK_REQUEST_LIMITS.perAddress || recent!.by_link >= LINK_REQUEST_LIMITS.perLink;
    let outcome: LinkRequestOutcome = throttled ? 'throttled' : 'not_found';
    let enrollmentId: string | null = null;
    let messageId: string | null = null;
    if (!throttled) {
      const [member] = await db.query<{ member_id: string; enrollment_id: string }>(sql`
        SELECT m.id AS member_id, e.id AS enrollment_id
        FROM members m
        JOIN enrollments e ON e.brand_id = m.brand_id AND e.member_id = m.id
        WHERE m.brand_id = ${context.brandId} AND lower(m.email) = ${email.trim().toLowerCase()}
          AND e.offer_id = ${origin.offer_id} AND e.status <> 'ended'
        ORDER BY m.created_at, m.id LIMIT 1`);
      if (member) {
        const recipients = await chosenRecipients(db, context.brandId, origin.offer_id, [member.member_id]);
        // the default template, in the member's language
        const [queued] = await queueMessages(
          db, links, context.brandId, 'tracking_items', origin.offer_id, recipients, { subject: null, body: null },
          await emailBrand(db, context.brandId),
        );
        outcome = 'sent';
        enrollmentId = member.enrollment_id;
        messageId = queued?.messageId ?? null;
      }
    }
    await db.query(sql`
      INSERT INTO dashboard_link_requests
        (brand_id, id, offer_id, link_enrollment_id, email_hash, outcome, enrollment_id, message_id)
      VALUES (${context.brandId}, ${newId('lrq')}, ${origin.offer_id}, ${context.enrollmentId}, ${hash},
              ${outcome}, ${enrollmentId}, ${messageId})`);
    return outcome;
  });
}
