import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import { Id } from '@affdash/core';
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

/** The form `cursorAt` and `Date.toISOString` write: UTC, four-digit year, up to microseconds. */
const cursorTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;

/**
 * True for a time as this API writes it into a cursor: a real UTC instant with a four-digit
 * year from 0001 (PostgreSQL has no year 0), so it is always a valid `timestamptz` parameter.
 */
function isCursorTime(at: string): boolean {
  const m = cursorTime.exec(at);
  if (!m) return false;
  const [, year, month, day, hour, minute, second] = m.map(Number) as number[];
  if (year! < 1) return false;
  const date = new Date(Date.UTC(2000, month! - 1, day!, hour!, minute!, second!));
  date.setUTCFullYear(year!);
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/**
 * Reads a cursor this API returned. Anything else (not base64url JSON, not a pair, a time that
 * is not a real instant, an id that is not one) is a 400 before any SQL runs.
 */
export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const pair = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(pair) && pair.length === 2) {
      const [at, id] = pair as unknown[];
      if (typeof at === 'string' && isCursorTime(at) && Id.safeParse(id).success) return { at, id: id as string };
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
