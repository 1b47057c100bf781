import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import { ApiError } from './errors.js';

const { sql } = pg;

/** A position in a list ordered by (time DESC, id DESC). Opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(at: Date | string, id: string): string {
  const iso = at instanceof Date ? at.toISOString() : at;
  return Buffer.from(JSON.stringify([iso, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw new ApiError('validation_failed', 'cursor: not a cursor this API returned', {
    issues: [{ path: 'cursor', message: 'not a cursor this API returned' }],
  });
}

/**
 * Selects a list's sort time as `cursor_at`, to the microsecond as stored: a cursor cut to
 * milliseconds (a JS Date) would skip rows created within the same millisecond.
 */
export function cursorAt(column: SQLQuery): SQLQuery {
  return sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;
}

/** A row selected with `cursorAt`. */
export interface CursorRow {
  cursor_at: string;
}

/** Cuts a `limit + 1` row fetch into a page and the cursor of the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  position: (row: Row) => [Date | string, string],
  toItem: (row: Row) => Item,
): { data: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(toItem),
    nextCursor: hasMore && last ? encodeCursor(...position(last)) : null,
  };
}
