import pg from '@databases/pg';
import { pendingMigrations, type Database } from '../db/index.js';

const { sql } = pg;

/** Whether the database answers and is migrated: `ready`, else what is missing. */
export type Readiness =
  | { status: 'ready' }
  | { status: 'migrations_pending'; pending: string[] }
  | { status: 'database_unavailable' };

export async function readiness(db: Database): Promise<Readiness> {
  try {
    await db.query(sql`SELECT 1`);
    const pending = await pendingMigrations(db);
    return pending.length > 0 ? { status: 'migrations_pending', pending } : { status: 'ready' };
  } catch {
    return { status: 'database_unavailable' };
  }
}
