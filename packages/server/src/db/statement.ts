import type { SQLQuery } from '@databases/pg';

const names = new WeakMap<SQLQuery, string>();

/**
 * Marks a query as a named (prepared) statement: on PostgreSQL it is parsed and planned once
 * per connection, then only executed. The text of a name must never change (build it from
 * constant SQL and parameters only). PGlite prepares it once in its session (`PREPARE`).
 */
export function named(name: string, query: SQLQuery): SQLQuery {
  names.set(query, name);
  return query;
}

/** The statement name `named` gave a query, if any. */
export function statementName(query: SQLQuery): string | undefined {
  return names.get(query);
}
