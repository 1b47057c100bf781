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

export async function recordAudit(db: Database, brandId: string, e: AuditEntry): Promise<void> {
  const session = e.actor.type === 'brand_session' ? e.actor.session : null;
  const staff = session?.staff ?? e.staff ?? null;
  const details = { ...e.details, ...(session?.parentId ? { parentSessionId: session.parentId } : {}) };
  await db.query(sql`
    INSERT INTO audit_events (brand_id, id, action, actor_type, actor_id, staff_id, staff_name, staff_email,
                              method, path, status, request_id, details)
    VALUES (${brandId}, ${newId('aud')}, ${e.action}, ${e.actor.type},
            ${session ? session.id : e.actor.type === 'api_key' ? e.actor.id : ''},
            ${staff?.id ?? null}, ${staff?.name ?? null}, ${staff?.email ?? null},
            ${e.method ?? null}, ${e.path ?? null}, ${e.status ?? null}, ${e.requestId ?? null},
            ${JSON.stringify(details)})`);
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
