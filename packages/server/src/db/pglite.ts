import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { Database } from './database.js';

/**
 * Opens an embedded PostgreSQL (PGlite): in memory without `dataDir`, else persisted there.
 * One connection: transactions run one at a time, which is what PGlite offers.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pglite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return wrap(pglite, async () => pglite.close());
}

/** Names savepoints apart (a name may repeat in PostgreSQL, but a distinct one reads better in logs). */
let savepoints = 0;

type PgliteQueryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(queryable: PgliteQueryable, close: () => Promise<void>, inTx = false): Database {
  return {
    kind: 'pglite',
    inTransaction: inTx,
    async query<T>(query: SQLQuery) {
      const { text, values } = query.format(pg.pgFormat);
      const result = await queryable.query<T>(text, values);
      return result.rows;
    },
    async exec(script) {
      await queryable.exec(script);
    },
    async tx(fn) {
      if (inTx) {
        // a transaction within one is a savepoint, as on PostgreSQL through @databases/pg
        const savepoint = `s${++savepoints}`;
        await queryable.exec(`SAVEPOINT ${savepoint}`);
        try {
          const result = await fn(wrap(queryable, close, true));
          await queryable.exec(`RELEASE SAVEPOINT ${savepoint}`);
          return result;
        } catch (error) {
          await queryable.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw error;
        }
      }
      return (queryable as PGlite).transaction((tx) => fn(wrap(tx, close, true)));
    },
    close,
  };
}
