import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';

const { sql } = pg;

/**
 * The `SET` list of a partial update: each defined field of `patch` becomes
 * `column = value` (JSON for objects), plus `updated_at = now()`.
 */
export function updateSet<T extends Record<string, unknown>>(
  patch: T,
  columns: { [K in keyof T]?: string },
): SQLQuery {
  const parts: SQLQuery[] = [sql`updated_at = now()`];
  for (const [field, column] of Object.entries(columns) as [keyof T, string][]) {
    const value = patch[field];
    if (value === undefined) continue;
    const param = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
    parts.push(sql`${sql.ident(column)} = ${param}`);
  }
  return sql.join(parts, sql`, `);
}
