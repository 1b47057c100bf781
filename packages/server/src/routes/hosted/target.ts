import pg from '@databases/pg';
import type { Context } from 'hono';
import { BRAND_PROFILE_COLUMNS, profileFromRow, type BrandProfileRow } from '../../brand-profile/index.js';
import type { AppEnv } from '../../http/context.js';
import { hashSecret } from '../../keys/random.js';
import { readSession, verifySession } from './session.js';
import type { BrandProfile } from '@affdash/core';

const { sql } = pg;

/** The enrollment behind a hosted page, with what its pages show of the brand and offer. */
export interface LinkTarget {
  brand_id: string;
  id: string;
  status: 'active' | 'paused' | 'ended';
  link_hash: string;
  offer_name: string;
  offer_status: 'active' | 'paused' | 'archived';
  profile: BrandProfile;
}

type TargetRow = Omit<LinkTarget, 'profile'> & BrandProfileRow;

const TARGET = sql`
  SELECT e.brand_id, e.id, e.status, e.link_hash, o.name AS offer_name, o.status AS offer_status,
         ${BRAND_PROFILE_COLUMNS}
  FROM enrollments e
  JOIN brands b ON b.id = e.brand_id
  JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id`;

function toTarget(row: TargetRow): LinkTarget {
  const { brand_id, id, status, link_hash, offer_name, offer_status } = row;
  return { brand_id, id, status, link_hash, offer_name, offer_status, profile: profileFromRow(row) };
}

/** What a dashboard link opens: its enrollment, the enrollment whose link it was, or nothing. */
export type LinkLookup = { kind: 'current'; target: LinkTarget } | { kind: 'replaced'; target: LinkTarget } | null;

const LINK = /^[A-Za-z0-9_-]{20,100}$/;

export async function findByLink(c: Context<AppEnv>): Promise<LinkLookup> {
  const link = c.req.param('link') ?? '';
  if (!LINK.test(link)) return null;
  const db = c.get('deps').db;
  const hash = hashSecret(link);
  const [row] = await db.query<TargetRow>(sql`${TARGET} WHERE e.link_hash = ${hash}`);
  if (row) return { kind: 'current', target: toTarget(row) };
  const [old] = await db.query<TargetRow>(sql`
    ${TARGET} JOIN replaced_dashboard_links r ON r.brand_id = e.brand_id AND r.enrollment_id = e.id
    WHERE r.link_hash = ${hash}`);
  return old ? { kind: 'replaced', target: toTarget(old) } : null;
}

/**
 * The enrollment the session cookie names: `valid` when the cookie is genuine and the link
 * unchanged; else the session was ended (the link replaced, or the cookie not ours).
 */
export async function findBySession(c: Context<AppEnv>): Promise<{ target: LinkTarget; valid: boolean } | null> {
  const claim = readSession(c);
  if (!claim) return null;
  const target = await findTarget(c, claim.brandId, claim.enrollmentId);
  if (!target) return null;
  return { target, valid: verifySession(c.get('deps').keys, claim, target.link_hash) };
}

/** One enrollment's page target, by id. */
export async function findTarget(c: Context<AppEnv>, brandId: string, enrollmentId: string): Promise<LinkTarget | null> {
  const [row] = await c.get('deps').db.query<TargetRow>(sql`
    ${TARGET} WHERE e.brand_id = ${brandId} AND e.id = ${enrollmentId}`);
  return row ? toTarget(row) : null;
}
