import pg from '@databases/pg';
import {
  BrandComponents,
  type BrandComponent,
  type BrandSession,
  type BrandSessionCreate,
  type BrandSessionWithSecret,
  type PageQuery,
} from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { ApiError } from '../http/errors.js';
import { hashSecret, newId, randomSecret } from '../keys/random.js';

const { sql } = pg;

/** Brand session secrets start with this, so a route that takes only API keys can say so. */
export const SESSION_SECRET_PREFIX = 'affdash_bs_';
/** A console sign-in lasts a working day; its components' secrets are renewed within it. */
export const CONSOLE_SECONDS = 8 * 60 * 60;
/** The client secrets the console hands its components. */
export const CONSOLE_CLIENT_SECONDS = 15 * 60;

export type SessionKind = BrandSession['kind'];

export interface BrandSessionRow {
  brand_id: string;
  id: string;
  kind: SessionKind;
  secret_hash: string;
  parent_id: string | null;
  components: BrandComponent[];
  offer_ids: string[] | null;
  staff_id: string;
  staff_name: string;
  staff_email: string | null;
  api_key_id: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

/** What a verified session lets a request do, and whom it names. */
export interface SessionClaims {
  id: string;
  /** The console sign-in it came from, if any: the audit trail names both. */
  parentId: string | null;
  components: BrandComponent[];
  offerIds: string[] | null;
  staff: { id: string; name: string; email: string | null };
}

export function toBrandSession(row: BrandSessionRow): BrandSession {
  return {
    id: row.id,
    kind: row.kind,
    components: row.components,
    offerIds: row.offer_ids,
    staff: { id: row.staff_id, name: row.staff_name, email: row.staff_email },
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export function toClaims(row: BrandSessionRow): SessionClaims {
  return {
    id: row.id,
    parentId: row.parent_id,
    components: row.components,
    offerIds: row.offer_ids,
    staff: { id: row.staff_id, name: row.staff_name, email: row.staff_email },
  };
}

interface NewSession {
  kind: SessionKind;
  components: readonly BrandComponent[];
  offerIds: string[] | null;
  staff: { id: string; name: string; email: string | null };
  seconds: number;
  parentId?: string | null;
  apiKeyId?: string | null;
}

/** Stores a session and returns it with its secret, which is kept only as a hash. */
export async function insertSession(db: Database, brandId: string, s: NewSession) {
  const secret = `${SESSION_SECRET_PREFIX}${randomSecret(24)}`;
  const [row] = await db.query<BrandSessionRow>(sql`
    INSERT INTO brand_sessions (brand_id, id, kind, secret_hash, parent_id, components, offer_ids,
                                staff_id, staff_name, staff_email, api_key_id, expires_at)
    VALUES (${brandId}, ${newId('bss')}, ${s.kind}, ${hashSecret(secret)}, ${s.parentId ?? null},
            ${JSON.stringify(s.components)}, ${s.offerIds ? JSON.stringify(s.offerIds) : null},
            ${s.staff.id}, ${s.staff.name}, ${s.staff.email}, ${s.apiKeyId ?? null},
            now() + make_interval(secs => ${s.seconds}))
    RETURNING *`);
  return { row: row!, secret };
}

/**
 * `POST /v1/brand-sessions`: a client secret, or a one-time console login link. Offers it
 * names must be the brand's.
 */
export async function createSession(
  db: Database,
  brandId: string,
  apiKeyId: string,
  publicUrl: string,
  input: z.output<typeof import('@affdash/core').BrandSessionCreate>,
): Promise<BrandSessionWithSecret> {
  if (input.offerIds) {
    const found = new Set(
      (
        await db.query<{ id: string }>(sql`
          SELECT id FROM offers WHERE brand_id = ${brandId}
          AND id IN (${sql.join(input.offerIds.map((id) => sql`${id}`), sql`, `)})`)
      ).map((r) => r.id),
    );
    const unknown = input.offerIds.filter((id) => !found.has(id));
    if (unknown.length) throw new ApiError('not_found', `No such offer: ${unknown.join(', ')}`, { offerIds: unknown });
  }
  const login = input.return === 'login_url';
  const { row, secret } = await insertSession(db, brandId, {
    kind: login ? 'login_link' : 'client_secret',
    components: input.components ?? BrandComponents,
    offerIds: input.offerIds ?? null,
    staff: { id: input.staff.id, name: input.staff.name, email: input.staff.email ?? null },
    seconds: input.expiresIn,
    apiKeyId,
  });
  return {
    ...toBrandSession(row),
    clientSecret: login ? null : secret,
    loginUrl: login ? `${publicUrl}/console/login/${secret}` : null,
  };
}

/**
 * The session behind a secret when it is of `kind`, live (not revoked, not expired) and its
 * parent (a console sign-in) is live too. `expired` tells an old secret from an unknown one.
 */
export async function findLiveSession(
  db: Database,
  secret: string,
  kind: SessionKind,
): Promise<{ row: BrandSessionRow } | { expired: boolean }> {
  const [row] = await db.query<BrandSessionRow & { parent_live: boolean | null }>(sql`
    SELECT s.*, (p.revoked_at IS NULL AND p.expires_at > now()) AS parent_live
    FROM brand_sessions s
    LEFT JOIN brand_sessions p ON p.brand_id = s.brand_id AND p.id = s.parent_id
    WHERE s.secret_hash = ${hashSecret(secret)} AND s.kind = ${kind}`);
  if (!row || row.revoked_at || row.parent_live === false) return { expired: false };
  if (row.expires_at.getTime() <= Date.now()) return { expired: true };
  return { row };
}

/**
 * Trades a login link for a console sign-in, once: the link is marked used in the same
 * statement that finds it, so two clicks cannot both sign in.
 */
export async function useLoginLink(db: Database, secret: string) {
  return db.tx(async (db) => {
    const [link] = await db.query<BrandSessionRow>(sql`
      UPDATE brand_sessions SET used_at = now()
      WHERE secret_hash = ${hashSecret(secret)} AND kind = 'login_link'
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING *`);
    if (!link) return null;
    const consoleSession = await insertSession(db, link.brand_id, {
      kind: 'console',
      components: link.components,
      offerIds: link.offer_ids,
      staff: { id: link.staff_id, name: link.staff_name, email: link.staff_email },
      seconds: CONSOLE_SECONDS,
      parentId: link.id,
      apiKeyId: link.api_key_id,
    });
    return { link, ...consoleSession };
  });
}

/** A client secret for the console's components, inside the console sign-in's lifetime. */
export async function consoleClientSecret(db: Database, consoleRow: BrandSessionRow) {
  const left = Math.floor((consoleRow.expires_at.getTime() - Date.now()) / 1000);
  return insertSession(db, consoleRow.brand_id, {
    kind: 'client_secret',
    components: consoleRow.components,
    offerIds: consoleRow.offer_ids,
    staff: { id: consoleRow.staff_id, name: consoleRow.staff_name, email: consoleRow.staff_email },
    seconds: Math.max(1, Math.min(CONSOLE_CLIENT_SECONDS, left)),
    parentId: consoleRow.id,
    apiKeyId: consoleRow.api_key_id,
  });
}

/** Revokes a session and every session opened from it. Null when the brand has no such session. */
export async function revokeSession(db: Database, brandId: string, id: string): Promise<BrandSessionRow | null> {
  return db.tx(async (db) => {
    const [row] = await db.query<BrandSessionRow>(sql`
      UPDATE brand_sessions SET revoked_at = coalesce(revoked_at, now())
      WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`);
    if (!row) return null;
    await db.query(sql`
      WITH RECURSIVE tree AS (
        SELECT id FROM brand_sessions WHERE brand_id = ${brandId} AND parent_id = ${id}
        UNION SELECT s.id FROM brand_sessions s JOIN tree t ON s.brand_id = ${brandId} AND s.parent_id = t.id
      )
      UPDATE brand_sessions SET revoked_at = now()
      WHERE brand_id = ${brandId} AND id IN (SELECT id FROM tree) AND revoked_at IS NULL`);
    return row;
  });
}

export async function listSessions(db: Database, brandId: string, query: PageQuery) {
  const after = decodeCursor(query.cursor);
  const rows = await db.query<BrandSessionRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM brand_sessions WHERE brand_id = ${brandId}
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, (r) => [r.cursor_at, r.id], toBrandSession);
}
