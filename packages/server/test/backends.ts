import { randomBytes } from 'node:crypto';
import pg from '@databases/pg';
import { afterAll, beforeAll } from 'vitest';
import { migrate, openPglite, openPostgres, type Database } from '../src/index.js';

/** A storage backend the route and storage tests run on. */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (for Postgres: a schema of its own). */
  open(): Promise<Database>;
  /**
   * The same database as a second process sees it: on PostgreSQL a pool of its own on the
   * same schema; on PGlite (one owner per data folder) the same instance.
   */
  again(db: Database): Database;
}

/**
 * The backends to run on: always PGlite in memory, plus real PostgreSQL when
 * `DATABASE_URL` is set. Each Postgres database lives in its own schema, dropped on close,
 * so test files running in parallel never see each other's rows.
 */
export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite', open: () => openPglite(), again: (db) => ({ ...db, close: async () => {} }) }];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      open: () => openPostgresSchema(url),
      again: (db) => openPostgres(url, { schema: schemas.get(db)! }),
    });
  }
  return list;
}

const schemas = new WeakMap<Database, string>();

async function openPostgresSchema(url: string): Promise<Database> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url);
  await admin.query(pg.sql`CREATE SCHEMA ${pg.sql.ident(schema)}`);
  const db = openPostgres(url, { schema });
  const opened: Database = {
    ...db,
    async close() {
      await db.close();
      await admin.query(pg.sql`DROP SCHEMA ${pg.sql.ident(schema)} CASCADE`);
      await admin.close();
    },
  };
  schemas.set(opened, schema);
  return opened;
}

/**
 * Opens and migrates one database for the enclosing `describe` block (one per file per
 * backend) and closes it afterwards. Read `.db` inside tests and hooks, not at collection.
 */
export function useDatabase(backend: Backend): { readonly db: Database } {
  const holder = { db: undefined as unknown as Database };
  beforeAll(async () => {
    holder.db = await backend.open();
    await migrate(holder.db);
  });
  afterAll(async () => {
    await holder.db?.close();
  });
  return holder;
}

/** `db` with the queries made through it counted (`queries()`). */
export function countQueries(db: Database): { db: Database; queries: () => number } {
  let n = 0;
  return { db: { ...db, query: (query) => (n++, db.query(query)) }, queries: () => n };
}
