import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export type { Database } from './database.js';
export { PgCode, pgConstraint, pgErrorCode } from './database.js';
export { migrate, pendingMigrations } from './migrate.js';
export { openPglite, openPostgres };

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; without one, an embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; in memory when omitted. */
  dataDir?: string | undefined;
}

/** Real PostgreSQL when a URL is given, else embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
