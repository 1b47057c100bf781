import pg from '@databases/pg';
import type { ConnectionPoolConfig, Queryable, SQLQuery } from '@databases/pg';
import pgDriver from 'pg';
import { PgCode, pgErrorCode, type ChangeHandlers, type Database } from './database.js';
import { CHANNEL_QUERY } from './notify.js';
import { formatQuery, statementName } from './statement.js';

const RECONNECT_MS = 1_000;

/**
 * Opens a pool on a real PostgreSQL server: a connection string, or the pool's settings
 * (a unix socket's directory as `host`). `listen: false` opens no LISTEN connection (the
 * change feed then never goes live, and caches stay off); `prepare: false` runs named
 * statements unprepared.
 */
export function openPostgres(
  connection: string | ConnectionPoolConfig,
  options: { schema?: string; listen?: boolean; prepare?: boolean } = {},
): Database {
  const pool = pg.default({
    ...(typeof connection === 'string' ? { connectionString: connection } : { connectionString: false, ...connection }),
    bigIntMode: 'number',
    ...(options.schema ? { schema: options.schema } : {}),
    // a query `named` runs as a prepared statement: planned once per connection
    prepareQuery: (query: SQLQuery) => {
      const name = options.prepare === false ? undefined : statementName(query);
      return name ? ({ format: (f: never) => ({ ...formatQuery(query, f), name }) } as unknown as SQLQuery) : query;
    },
    onError: () => {},
  } as Parameters<typeof pg.default>[0]);
  const listeners = new Set<ChangeListener>();
  const close = async () => {
    await Promise.all([...listeners].map((l) => l.stop()));
    await pool.dispose();
  };
  const db = wrap(pool, close, (handlers) => {
    if (options.listen === false || typeof connection !== 'string') return;
    const listener = new ChangeListener(connection, db, handlers);
    listeners.add(listener);
    listener.start();
  });
  return db;
}

function wrap(queryable: Queryable, close: () => Promise<void>, listen: Database['listen'], inTransaction = false): Database {
  return {
    kind: 'postgres',
    inTransaction,
    query: <T>(query: SQLQuery) => queryable.query(query) as Promise<T[]>,
    exec: async (script) => {
      await queryable.query(pg.sql.__dangerous__rawValue(script));
    },
    tx: (fn) => {
      // on a transaction, @databases/pg makes the inner one a savepoint
      const run = () => queryable.tx((tx) => fn(wrap(tx, close, listen, true)), { retrySerializationFailures: 3 });
      return inTransaction ? run() : retryDeadlocks(run);
    },
    listen,
    close,
  };
}

const DEADLOCK_RETRIES = 3;

/**
 * Runs a whole transaction again when PostgreSQL chose it as a deadlock's victim (it was
 * rolled back, so nothing of it stays), after a short random wait; at most 3 times.
 */
async function retryDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (pgErrorCode(error) !== PgCode.deadlock || attempt > DEADLOCK_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * One connection of its own that LISTENs on the schema's change channel, and connects again
 * after a second when it is lost (calling `onLost` at once, `onReady` once back).
 */
class ChangeListener {
  #client: pgDriver.Client | null = null;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly connectionString: string,
    readonly db: Database,
    readonly handlers: ChangeHandlers,
  ) {}

  start(): void {
    void this.#connect().catch(() => this.#lost());
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const [row] = await this.db.query<{ channel: string }>(CHANNEL_QUERY);
    const client = new pgDriver.Client({ connectionString: this.connectionString });
    this.#client = client;
    client.on('error', () => this.#lost());
    client.on('end', () => this.#lost());
    client.on('notification', (message) => {
      if (message.payload !== undefined) this.handlers.onMessage(message.payload);
    });
    await client.connect();
    if (this.#stopped) return void (await client.end().catch(() => {}));
    await client.query(`LISTEN ${client.escapeIdentifier(row!.channel)}`);
    this.handlers.onReady();
  }

  #lost(): void {
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      void client.end().catch(() => {});
      this.handlers.onLost();
    }
    if (this.#stopped || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.start();
    }, RECONNECT_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
