import type { SQLQuery } from '@databases/pg';

/**
 * The one storage interface: real PostgreSQL through @databases/pg, or embedded PGlite.
 * Queries are `sql\`…\`` tagged templates, so values are always parameters.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(query: SQLQuery): Promise<T[]>;
  /** Runs a trusted multi-statement script (a migration file); no parameters. */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in one transaction; the callback's `db` is the transaction, so name it `db`
   * and no query escapes it. Retried on serialization failures and deadlocks. Called on a
   * transaction, `fn` runs in a savepoint of it: a failure undoes `fn`'s writes only, and the
   * enclosing transaction goes on.
   */
  tx<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Receives the notifications sent on this schema's change channel (`notifyChange`) by any
   * process. `onReady` runs once listening starts and after each reconnection, `onLost` when the
   * connection is lost (messages may have been missed). Stops on `close()`.
   */
  listen(handlers: ChangeHandlers): void;
  /** Whether this is a transaction (where a failing statement fails the whole of it). */
  readonly inTransaction: boolean;
  close(): Promise<void>;
}

/** PostgreSQL error codes the storage layer reacts to. */
export const PgCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlock: '40P01',
} as const;

/** The SQLSTATE of a database error from either backend, if any. */
export function pgErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a unique or foreign-key violation names, if any. */
export function pgConstraint(error: unknown): string | undefined {
  const e = error as { constraint?: unknown } | null;
  return typeof e?.constraint === 'string' ? e.constraint : undefined;
}

/** What `Database.listen` calls. */
export interface ChangeHandlers {
  onMessage(payload: string): void;
  onReady(): void;
  onLost(): void;
}

