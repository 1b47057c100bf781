import pg from '@databases/pg';
import type { BrandProfile } from '@affdash/core';
import { BRAND_PROFILE_COLUMNS, profileFromRow, type BrandProfileRow } from '../brand-profile/index.js';
import type { Database } from '../db/index.js';
import { hashSecret } from '../keys/random.js';
import type { ServerKeys } from '../keys/server-keys.js';
import { verifySession, type SessionClaim } from './session.js';

const { sql } = pg;

/** The enrollment behind a hosted page, with what its pages show of the brand and offer. */
export interface LinkTarget {
  brand_id: string;
  id: string;
  status: 'active' | 'paused' | 'ended';
  link_hash: string;
  offer_name: string;
  offer_status: 'active' | 'paused' | 'archived';
  /** The member's own language, when the brand recorded one. */
  member_locale: string | null;
  profile: BrandProfile;
}

type TargetRow = Omit<LinkTarget, 'profile'> & BrandProfileRow;

const TARGET = sql`
  SELECT e.brand_id, e.id, e.status, e.link_hash, o.name AS offer_name, o.status AS offer_status,
         m.locale AS member_locale, ${BRAND_PROFILE_COLUMNS}
  FROM enrollments e
  JOIN brands b ON b.id = e.brand_id
  JOIN members m ON m.brand_id = e.brand_id AND m.id = e.member_id
  JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id`;

function toTarget(row: TargetRow): LinkTarget {
  const { brand_id, id, status, link_hash, offer_name, offer_status, member_locale } = row;
  return { brand_id, id, status, link_hash, offer_name, offer_status, member_locale, profile: profileFromRow(row) };
}

/** What a dashboard link opens: its enrollment, the enrollment whose link it was, or nothing. */
export type LinkLookup = { kind: 'current'; target: LinkTarget } | { kind: 'replaced'; target: LinkTarget } | null;

const LINK = /^[A-Za-z0-9_-]{20,100}$/;

export async function findByLink(db: Database, link: string): Promise<LinkLookup> {
  if (!LINK.test(link)) return null;
  const hash = hashSecret(link);
  const [row] = await db.query<TargetRow>(sql`${TARGET} WHERE e.link_hash = ${hash}`);
  if (row) return { kind: 'current', target: toTarget(row) };
  const [old] = await db.query<TargetRow>(sql`
    ${TARGET} JOIN replaced_dashboard_links r ON r.brand_id = e.brand_id AND r.enrollment_id = e.id
    WHERE r.link_hash = ${hash}`);
  return old ? { kind: 'replaced', target: toTarget(old) } : null;
}

/**
 * The enrollment a session cookie's claim names: `valid` when the claim is genuine and the
 * link unchanged; else the session was ended (the link replaced, or the cookie not ours).
 */
export async function findBySession(
  db: Database,
  keys: ServerKeys,
  claim: SessionClaim | null,
): Promise<{ target: LinkTarget; valid: boolean } | null> {
  if (!claim) return null;
  const target = await findTarget(db, claim.brandId, claim.enrollmentId);
  if (!target) return null;
  return { target, valid: verifySession(keys, claim, target.link_hash) };
}

/** One enrollment's page target, by id. */
export async function findTarget(db: Database, brandId: string, enrollmentId: string): Promise<LinkTarget | null> {
  const [row] = await db.query<TargetRow>(sql`
    ${TARGET} WHERE e.brand_id = ${brandId} AND e.id = ${enrollmentId}`);
  return row ? toTarget(row) : null;
}
