import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';

const { sql } = pg;

/**
 * The change channel of the connection's schema, `affdash_<schema>`: processes on one schema
 * hear each other, and schemas sharing a database (tests) do not.
 */
export const CHANNEL_QUERY: SQLQuery = sql`SELECT 'affdash_' || current_schema() AS channel`;

/**
 * Tells every process listening on this schema that something cached changed. Inside a
 * transaction it is delivered on commit, and not at all on rollback.
 */
export function notifyChange(payload: string): SQLQuery {
  return sql`SELECT pg_notify('affdash_' || current_schema(), ${payload})`;
}
