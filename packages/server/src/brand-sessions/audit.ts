import { createHash } from 'node:crypto';
import pg from '@databases/pg';
import type { AuditEvent, AuditEventListQuery, PageQuery } from '@affdash/core';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { newId } from '../keys/random.js';
import type { SessionClaims } from './sessions.js';

const { sql } = pg;

/** Who acted: a brand session (with its staff user) or an API key. */
export type Actor = { type: 'brand_session'; session: SessionClaims } | { type: 'api_key'; id: string };

export interface AuditEntry {
  action: string;
  actor: Actor;
  method?: string;
  path?: string;
  status?: number;
  requestId?: string;
  details?: Record<string, unknown>;
  /** The staff user the action concerns, when an API key acted (e.g. minted their session). */
  staff?: { id: string; name: string; email: string | null };
}

interface AuditRow {
  id: string;
  action: string;
  actor_type: 'api_key' | 'brand_session';
  actor_id: string;
  staff_id: string | null;
  staff_name: string | null;
  staff_email: string | null;
  path: string | null;
  status: number | null;
  request_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/** Records one entry; with `readKey`, only when no entry of the brand holds that key yet. */
async function insertAudit(db: Database, brandId: string, e: AuditEntry, readKey: string | null): Promise<void> {
  const session = e.actor.type === 'brand_session' ? e.actor.session : null;
  const staff = session?.staff ?? e.staff ?? null;
  const details = { ...e.details, ...(session?.parentId ? { parentSessionId: session.parentId } : {}) };
  await db.query(sql`
    INSERT INTO audit_events (brand_id, id, action, actor_type, actor_id, staff_id, staff_name, staff_email,
                              method, path, status, request_id, details, read_key)
    VALUES (${brandId}, ${newId('aud')}, ${e.action}, ${e.actor.type},
            ${session ? session.id : e.actor.type === 'api_key' ? e.actor.id : ''},
            ${staff?.id ?? null}, ${staff?.name ?? null}, ${staff?.email ?? null},
            ${e.method ?? null}, ${e.path ?? null}, ${e.status ?? null}, ${e.requestId ?? null},
            ${JSON.stringify(details)}, ${readKey})
    ${readKey ? sql`ON CONFLICT (brand_id, read_key) WHERE read_key IS NOT NULL DO NOTHING` : sql``}`);
}

/** Records an action: every write, every sign-in and sign-out. */
export function recordAudit(db: Database, brandId: string, e: AuditEntry): Promise<void> {
  return insertAudit(db, brandId, e, null);
}

/** Read keys this process has recorded (or found recorded), so a repeated read costs no query. */
const recordedReads = new Set<string>();
const RECORDED_READS_MAX = 50_000;

/**
 * Records a brand session's read once per sign-in, resource and answer: the first time the
 * sign-in (a console sign-in and the client secrets it hands out count as one) reads `path`
 * (its query aside) with `status`. Every poll of a status list, search keystroke or preview
 * would otherwise be an entry; the trail still says who looked at what, and when first.
 * Recorded with `details.read: true`.
 */
export async function recordRead(
  db: Database,
  brandId: string,
  e: Omit<AuditEntry, 'actor'> & { session: SessionClaims; method: string; path: string; status: number },
): Promise<void> {
  const signIn = e.session.parentId ?? e.session.id;
  const readKey = createHash('sha256').update(`${signIn} ${e.method} ${e.path} ${e.status}`).digest('base64url');
  const seen = `${brandId} ${readKey}`;
  if (recordedReads.has(seen)) return;
  const { session, ...entry } = e;
  await insertAudit(db, brandId, { ...entry, actor: { type: 'brand_session', session }, details: { ...e.details, read: true } }, readKey);
  if (recordedReads.size >= RECORDED_READS_MAX) recordedReads.clear();
  recordedReads.add(seen);
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    action: row.action,
    actor: { type: row.actor_type, id: row.actor_id },
    staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '', email: row.staff_email } : null,
    path: row.path,
    status: row.status,
    requestId: row.request_id,
    details: row.details,
    createdAt: row.created_at.toISOString(),
  };
}

/** The brand's audit trail, newest first. */
export async function listAudit(db: Database, brandId: string, query: PageQuery & AuditEventListQuery) {
  const after = decodeCursor(query.cursor);
  const rows = await db.query<AuditRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM audit_events WHERE brand_id = ${brandId}
    ${query.sessionId ? sql`AND (actor_id = ${query.sessionId} OR details->>'parentSessionId' = ${query.sessionId})` : sql``}
    ${query.staffId ? sql`AND staff_id = ${query.staffId}` : sql``}
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`);
  return toPage(rows, query.limit, (r) => [r.cursor_at, r.id], toAuditEvent);
}
