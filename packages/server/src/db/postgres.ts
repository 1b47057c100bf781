import pg from '@databases/pg';
import type { Queryable, SQLQuery } from '@databases/pg';
import type { Database } from './database.js';

/** Opens a pool on a real PostgreSQL server. */
export function openPostgres(connectionString: string, options: { schema?: string } = {}): Database {
  const pool = pg.default({
    connectionString,
    bigIntMode: 'number',
    ...(options.schema ? { schema: options.schema } : {}),
    onError: () => {},
  } as Parameters<typeof pg.default>[0]);
  return wrap(pool, async () => pool.dispose());
}

function wrap(queryable: Queryable, close: () => Promise<void>): Database {
  return {
    kind: 'postgres',
    query: <T>(query: SQLQuery) => queryable.query(query) as Promise<T[]>,
    exec: async (script) => {
      await queryable.query(pg.sql.__dangerous__rawValue(script));
    },
    tx: (fn) =>
      queryable.tx((tx) => fn(wrap(tx, close)), { retrySerializationFailures: 3 }),
    close,
  };
}
