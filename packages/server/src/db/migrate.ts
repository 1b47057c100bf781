import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from '@databases/pg';
import type { Database } from './database.js';

const { sql } = pg;
const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** A fixed key so two processes never migrate at once. */
const MIGRATION_LOCK = 727_335_001;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the numbered `.sql` files in `migrations/` that have not run yet, in order,
 * in one transaction under an advisory lock; with `through`, only up to that version
 * (`'006_webhooks'`), as a database of that version would have.
 */
export async function migrate(db: Database, options: { through?: string } = {}): Promise<MigrationResult> {
  const { through } = options;
  const files = (await readdir(migrationsDir))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f) && (through === undefined || f <= `${through}.sql`))
    .sort();
  return db.tx(async (db) => {
    await db.query(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await db.query(sql`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = new Set(
      (await db.query<{ version: string }>(sql`SELECT version FROM schema_migrations`)).map(
        (r) => r.version,
      ),
    );
    const applied: string[] = [];
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      if (done.has(version)) continue;
      await db.exec(await readFile(`${migrationsDir}${file}`, 'utf8'));
      await db.query(sql`INSERT INTO schema_migrations (version) VALUES (${version})`);
      applied.push(version);
    }
    return { applied };
  });
}

/** The migrations not applied yet (empty when the schema is current). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  const rows = await db
    .query<{ version: string }>(sql`SELECT version FROM schema_migrations`)
    .catch(() => []);
  const done = new Set(rows.map((r) => r.version));
  return files.map((f) => f.replace(/\.sql$/, '')).filter((v) => !done.has(v));
}

