import pg from '@databases/pg';
import type { ConnectionPoolConfig, Queryable, SQLQuery } from '@databases/pg';
import type { Database } from './database.js';

/**
 * Opens a pool on a real PostgreSQL server: a connection string, or the pool's settings
 * (a unix socket's directory as `host`).
 */
export function openPostgres(connection: string | ConnectionPoolConfig, options: { schema?: string } = {}): Database {
  const pool = pg.default({
    ...(typeof connection === 'string' ? { connectionString: connection } : { connectionString: false, ...connection }),
    bigIntMode: 'number',
    ...(options.schema ? { schema: options.schema } : {}),
    onError: () => {},
  } as Parameters<typeof pg.default>[0]);
  return wrap(pool, async () => pool.dispose());
}

function wrap(queryable: Queryable, close: () => Promise<void>, inTransaction = false): Database {
  return {
    kind: 'postgres',
    inTransaction,
    query: <T>(query: SQLQuery) => queryable.query(query) as Promise<T[]>,
    exec: async (script) => {
      await queryable.query(pg.sql.__dangerous__rawValue(script));
    },
    tx: (fn) =>
      // on a transaction, @databases/pg makes the inner one a savepoint
      queryable.tx((tx) => fn(wrap(tx, close, true)), { retrySerializationFailures: 3 }),
    close,
  };
}
