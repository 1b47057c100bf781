import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { Database } from './database.js';
import { CHANNEL_QUERY } from './notify.js';

/**
 * Opens an embedded PostgreSQL (PGlite): in memory without `dataDir`, else persisted there.
 * One connection: transactions run one at a time, which is what PGlite offers. Its
 * notifications reach the listeners of this one instance (its data folder has one owner).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pglite = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const unlisten: Array<Promise<() => Promise<void>>> = [];
  const listen: Database['listen'] = (handlers) => {
    const started = pglite
      .query<{ channel: string }>(CHANNEL_QUERY.format(pg.pgFormat).text)
      .then(({ rows }) => pglite.listen(rows[0]!.channel, (payload) => handlers.onMessage(payload)))
      .then((stop) => {
        handlers.onReady();
        return stop;
      });
    started.catch(() => handlers.onLost());
    unlisten.push(started);
  };
  const close = async () => {
    for (const started of unlisten) await (await started.catch(() => null))?.().catch(() => {});
    await pglite.close();
  };
  return wrap(pglite, close, listen);
}

type PgliteQueryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(
  queryable: PgliteQueryable,
  close: () => Promise<void>,
  listen: Database['listen'],
  inTx = false,
): Database {
  return {
    kind: 'pglite',
    async query<T>(query: SQLQuery) {
      const { text, values } = query.format(pg.pgFormat);
      const result = await queryable.query<T>(text, values);
      return result.rows;
    },
    async exec(script) {
      await queryable.exec(script);
    },
    async tx(fn) {
      if (inTx) return fn(wrap(queryable, close, listen, true));
      return (queryable as PGlite).transaction((tx) => fn(wrap(tx, close, listen, true)));
    },
    listen,
    close,
  };
}
