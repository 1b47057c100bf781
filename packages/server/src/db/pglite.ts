import { createHash } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from '@databases/pg';
import pgDriver from 'pg';
import pgUtils from 'pg/lib/utils.js';
import type { SQLQuery } from '@databases/pg';
import type { Database } from './database.js';
import { CHANNEL_QUERY } from './notify.js';
import { claimDataFolder, isAlive, publishSocket, readOwner, releaseDataFolder, socketDirOf, type OwnerRecord } from './owner-file.js';
import { shareOverSocket } from './pglite-socket.js';
import { openPostgres } from './postgres.js';
import { SessionGate } from './session-gate.js';
import { formatQuery, statementName } from './statement.js';

/** How long a second process waits for the owner of a data folder to start listening. */
const OWNER_START_MS = 30_000;

/**
 * The embedded server's buffer cache. PostgreSQL's default (128 MB) would sit in the
 * WebAssembly heap, which never gives memory back; the data files' pages stay in the
 * operating system's cache all the same.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

function create(dataDir?: string): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
}

/** The data folder belongs to another process that cannot be reached. */
export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
}

/**
 * Opens an embedded PostgreSQL (PGlite): in memory without `dataDir`, else persisted there.
 * A data folder has one owner: the first process opens it and serves it on a local socket;
 * any other process (a CLI command beside the server) connects to that socket instead, so
 * two processes never write the folder. One session: transactions run one at a time.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (!dataDir) {
    const pglite = await create();
    const changes = changeListening(pglite);
    return wrap(pglite, async () => {
      await changes.stop();
      await pglite.close();
    }, changes.listen);
  }
  const deadline = Date.now() + OWNER_START_MS;
  for (;;) {
    const claim = claimDataFolder(dataDir);
    if (claim.role === 'owner') return openAsOwner(dataDir, claim.record);
    const owner = claim.record;
    if (owner.socketDir) return connectToOwner(dataDir, owner);
    if (Date.now() > deadline) throw busy(dataDir, owner, 'has not started serving it');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = readOwner(dataDir);
    if (again?.socketDir && isAlive(again.pid)) return connectToOwner(dataDir, again);
  }
}

async function openAsOwner(dataDir: string, record: OwnerRecord): Promise<Database> {
  const release = () => releaseDataFolder(dataDir);
  process.once('exit', release);
  try {
    const pglite = await create(dataDir);
    const gate = new SessionGate();
    const socketDir = socketDirOf(dataDir);
    const socket = await shareOverSocket(pglite, gate, socketDir);
    publishSocket(dataDir, record, socketDir);
    const changes = changeListening(pglite, gate);
    return wrap(
      pglite,
      async () => {
        await changes.stop();
        await socket.stop();
        await pglite.close();
        release();
        process.off('exit', release);
      },
      changes.listen,
      gate,
    );
  } catch (error) {
    release();
    process.off('exit', release);
    throw error;
  }
}

async function connectToOwner(dataDir: string, owner: OwnerRecord): Promise<Database> {
  // no LISTEN connection of its own over the owner's socket: this process's caches stay off;
  // and no prepared statements: every client shares the owner's one session, where a name
  // one connection prepared would collide with the same name from another
  const db = openPostgres({
    host: owner.socketDir!,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    ssl: false,
    poolSize: 4,
    connectionTimeoutMilliseconds: 5_000,
    queueTimeoutMilliseconds: 60_000,
  }, { listen: false, prepare: false });
  try {
    await db.query(pg.sql`SELECT 1`);
  } catch (error) {
    await db.close().catch(() => {});
    throw busy(dataDir, owner, `does not answer on its socket (${(error as Error).message})`);
  }
  return db;
}

function busy(dataDir: string, owner: OwnerRecord, what: string): DataFolderBusyError {
  return new DataFolderBusyError(
    `the data folder ${dataDir} is owned by process ${owner.pid} (${owner.command}, since ${owner.startedAt}), ` +
      `which ${what}; stop that process, or delete ${dataDir}.owner if it is not affdash`,
  );
}

/**
 * Notifications of this instance: they reach the listeners of the one process that owns it
 * (sessions on its socket send them too).
 */
function changeListening(pglite: PGlite, gate?: SessionGate) {
  const started: Array<Promise<() => Promise<void>>> = [];
  const listen: Database['listen'] = (handlers) => {
    const turn = <T>(fn: () => Promise<T>) => (gate ? gate.run(fn) : fn());
    const listening = turn(async () => {
      const { rows } = await pglite.query<{ channel: string }>(CHANNEL_QUERY.format(pg.pgFormat).text);
      return pglite.listen(rows[0]!.channel, (payload) => handlers.onMessage(payload));
    }).then((stop) => {
      handlers.onReady();
      return stop;
    });
    listening.catch(() => handlers.onLost());
    started.push(listening);
  };
  const stop = async () => {
    for (const listening of started) await (await listening.catch(() => null))?.().catch(() => {});
  };
  return { listen, stop };
}

/** Names savepoints apart (a name may repeat in PostgreSQL, but a distinct one reads better in logs). */
let savepoints = 0;

type PgliteQueryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

/**
 * Named statements of one instance, prepared in its one session (`PREPARE`) and then only
 * executed: planned once, as on PostgreSQL. A name carries a digest of its text, so a process
 * of another version on the same session never runs a statement of the wrong text.
 */
class PreparedStatements {
  readonly #ready = new Map<string, string>();

  async run<T>(queryable: PgliteQueryable, name: string, text: string, values: unknown[], inTx: boolean): Promise<T[]> {
    let id = this.#ready.get(text);
    if (id === undefined) {
      id = `affdash_${name.replace(/\W/g, '_')}_${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
      await queryable.query(`PREPARE ${id} AS ${text}`).catch((error: { code?: string }) => {
        if (error.code !== DUPLICATE_PREPARED_STATEMENT) throw error;
      });
      this.#ready.set(text, id);
    }
    // EXECUTE is a command: its arguments are written into it, never bound
    const execute = values.length ? `EXECUTE ${id}(${values.map(literal).join(', ')})` : `EXECUTE ${id}`;
    try {
      return (await queryable.query<T>(execute)).rows;
    } catch (error) {
      // the session lost it (`DEALLOCATE ALL`, `DISCARD ALL` from a socket client): prepared
      // again, at once outside a transaction; a transaction is aborted by the error, so the
      // statement is prepared again by the next use
      if ((error as { code?: string }).code !== UNKNOWN_PREPARED_STATEMENT) throw error;
      this.#ready.delete(text);
      if (inTx) throw error;
      return this.run(queryable, name, text, values, inTx);
    }
  }
}

/**
 * A parameter of a named statement as an SQL literal: text, a finite number, a boolean, null,
 * or a date or an array as the driver sends one (`{a,"b c",NULL}`), quoted.
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pgDriver.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value) || value instanceof Date) return pgDriver.escapeLiteral(String(pgUtils.prepareValue(value)));
  throw new TypeError(`a named statement takes text, finite numbers, booleans, dates, arrays and null, not ${typeof value}`);
}

const DUPLICATE_PREPARED_STATEMENT = '42P05';
const UNKNOWN_PREPARED_STATEMENT = '26000';

/** `gate` (the owner of a shared folder) gives each query or transaction a turn of its own. */
function wrap(
  queryable: PgliteQueryable,
  close: () => Promise<void>,
  listen: Database['listen'],
  gate?: SessionGate,
  inTx = false,
  prepared = new PreparedStatements(),
): Database {
  const turn = <T>(fn: () => Promise<T>) => (gate && !inTx ? gate.run(fn) : fn());
  return {
    kind: 'pglite',
    inTransaction: inTx,
    async query<T>(query: SQLQuery) {
      const { text, values } = formatQuery(query, pg.pgFormat);
      const name = statementName(query);
      if (name) return turn(() => prepared.run<T>(queryable, name, text, values, inTx));
      const result = await turn(() => queryable.query<T>(text, values));
      return result.rows;
    },
    async exec(script) {
      await turn(() => queryable.exec(script));
    },
    async tx(fn) {
      if (inTx) {
        // a transaction within one is a savepoint, as on PostgreSQL through @databases/pg
        const savepoint = `s${++savepoints}`;
        await queryable.exec(`SAVEPOINT ${savepoint}`);
        try {
          const result = await fn(wrap(queryable, close, listen, gate, true, prepared));
          await queryable.exec(`RELEASE SAVEPOINT ${savepoint}`);
          return result;
        } catch (error) {
          await queryable.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw error;
        }
      }
      return turn(() => (queryable as PGlite).transaction((tx) => fn(wrap(tx, close, listen, gate, true, prepared))));
    },
    listen,
    close,
  };
}
