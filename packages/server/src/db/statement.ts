import type { SQLQuery } from '@databases/pg';

interface Named {
  name: string;
  /** The query's values in the order of its placeholders, when its maker knows them. */
  values: unknown[] | undefined;
}

const names = new WeakMap<SQLQuery, Named>();
/** Each name's text, formatted once: the text of a name never changes. */
const texts = new Map<string, string>();

/** What formats a query for a driver (`@databases/pg`'s and PGlite's both number `$1`, `$2`, …). */
interface Formatter {
  escapeIdentifier: (name: string) => string;
  formatValue: (value: unknown, index: number) => { readonly placeholder: string; readonly value: unknown };
}

/**
 * Marks a query as a named (prepared) statement: on PostgreSQL it is parsed and planned once
 * per connection, then only executed. The text of a name must never change (build it from
 * constant SQL and parameters only). PGlite prepares it once in its session (`PREPARE`).
 * `values`, when given, are the query's values in placeholder order: the text is then
 * formatted once per name, not on every run.
 */
export function named(name: string, query: SQLQuery, values?: unknown[]): SQLQuery {
  names.set(query, { name, values });
  return query;
}

/** The statement name `named` gave a query, if any. */
export function statementName(query: SQLQuery): string | undefined {
  return names.get(query)?.name;
}

/** A query's text and values: for a named query with its values, the text kept for its name. */
export function formatQuery(query: SQLQuery, formatter: Formatter): { text: string; values: unknown[] } {
  const known = names.get(query);
  if (!known?.values) return query.format(formatter);
  let text = texts.get(known.name);
  if (text === undefined) {
    text = query.format(formatter).text;
    texts.set(known.name, text);
  }
  return { text, values: known.values };
}
