import { readFileSync } from 'node:fs';
import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import { named } from './statement.js';

const { sql } = pg;

/** Quoted strings and comments are kept as they are; `:name` (not `::type`) is a parameter. */
const TOKEN = /('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*)|(?<!:):([a-z_][a-z0-9_]*)/g;

/**
 * A statement kept in `packages/server/sql/<name>.sql`, with `:name` parameters, run as a
 * named (prepared) statement: PostgreSQL plans it once per connection. The file is read once.
 *
 * @example
 * const firstScreen = sqlFile('first-screen');
 * await db.query(firstScreen({ brand_id, enrollment_id }));
 */
export function sqlFile<P extends string>(name: string): (params: Record<P, unknown>) => SQLQuery {
  const text = readFileSync(new URL(`../../sql/${name}.sql`, import.meta.url), 'utf8');
  const parts: Array<string | { param: string }> = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (!match[2]) continue;
    parts.push(text.slice(last, match.index), { param: match[2] });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (params) => {
    const values: unknown[] = [];
    const pieces = parts.map((part) => {
      if (typeof part === 'string') return sql.__dangerous__rawValue(part);
      if (!(part.param in params)) throw new Error(`${name}.sql: no value for :${part.param}`);
      values.push(params[part.param as P]);
      return sql`${params[part.param as P]}`;
    });
    return named(name, sql.join(pieces, sql``), values);
  };
}
