import { createHmac, timingSafeEqual } from 'node:crypto';
import pg from '@databases/pg';
import type { Database } from '../db/index.js';
import type { LinkContext } from '../enrollments/links.js';

const { sql } = pg;

/** Who an unsubscribe link is for. */
export interface UnsubscribeTarget {
  brandId: string;
  memberId: string;
}

function signature(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`unsubscribe:${payload}`).digest().subarray(0, 18);
}

/**
 * A member's unsubscribe token: the brand and member, signed with the server's unsubscribe
 * key (HMAC-SHA256). Nothing is stored; the link works as long as the server secret stays.
 */
export function unsubscribeToken(key: Buffer, target: UnsubscribeTarget): string {
  const payload = Buffer.from(`${target.brandId}:${target.memberId}`).toString('base64url');
  return `${payload}.${signature(key, payload).toString('base64url')}`;
}

/** The brand and member of a token whose signature holds; null for anything else. */
export function readUnsubscribeToken(key: Buffer, token: string): UnsubscribeTarget | null {
  const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!match) return null;
  const [, payload, sig] = match as unknown as [string, string, string];
  const given = Buffer.from(sig, 'base64url');
  const expected = signature(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [brandId, memberId, ...rest] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (!brandId || !memberId || rest.length) return null;
  return { brandId, memberId };
}

/**
 * The brand a token that does not hold names in its first part, for the page that says so:
 * a link cut short or signed with an earlier server secret still reads as that brand's.
 * Nothing is trusted from it but which brand's look and language the page takes.
 */
export function unsubscribeTokenBrand(token: string): string | null {
  const payload = /^([A-Za-z0-9_-]{1,200})(?:\.|$)/.exec(token)?.[1];
  if (!payload) return null;
  const [brandId] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  return brandId && /^[A-Za-z0-9_]{1,64}$/.test(brandId) ? brandId : null;
}

/** The member's one-click unsubscribe URL (RFC 8058: a POST to it unsubscribes). */
export function unsubscribeUrl(ctx: LinkContext, target: UnsubscribeTarget): string {
  return `${ctx.publicUrl}/u/${unsubscribeToken(ctx.keys.unsubscribeKey, target)}`;
}

/** What the unsubscribe page shows: the member's address and language, the brand's name. */
export interface UnsubscribeSubject {
  email: string | null;
  locale: string | null;
  brandName: string;
  optedOut: boolean;
}

export async function findUnsubscribeSubject(db: Database, t: UnsubscribeTarget): Promise<UnsubscribeSubject | null> {
  const [row] = await db.query<{ email: string | null; locale: string | null; brand_name: string; email_opt_out: boolean }>(sql`
    SELECT m.email, m.locale, m.email_opt_out, b.name AS brand_name
    FROM members m JOIN brands b ON b.id = m.brand_id
    WHERE m.brand_id = ${t.brandId} AND m.id = ${t.memberId}`);
  return row ? { email: row.email, locale: row.locale, brandName: row.brand_name, optedOut: row.email_opt_out } : null;
}

/** Sets the member's email opt-out; later sends skip them. False when there is no such member. */
export async function optOut(db: Database, t: UnsubscribeTarget): Promise<boolean> {
  const rows = await db.query(sql`
    UPDATE members SET email_opt_out = true, updated_at = now()
    WHERE brand_id = ${t.brandId} AND id = ${t.memberId} RETURNING id`);
  return rows.length > 0;
}
