import { readdirSync } from 'node:fs';
import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { createApp, createDeps, migrate, pendingMigrations } from '../src/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, SECRET, read } from './harness.js';

const { sql } = pg;
/** Every migration file, in the order they apply. */
const versions = readdirSync(new URL('../migrations/', import.meta.url))
  .filter((f) => /^\d{3}_.+\.sql$/.test(f))
  .sort()
  .map((f) => f.replace(/\.sql$/, ''));

describe.each(backends())('migrations on $name', (backend) => {
  it('apply once, re-run as a no-op, and /ready says ready', async () => {
    const db = await backend.open();
    try {
      const app = createApp(createDeps(db, { secret: SECRET, publicUrl: PUBLIC_URL }));
      const before = await read(await app.request('/ready'));
      expect(before.status).toBe(503);
      expect(before.body).toEqual({ status: 'migrations_pending', pending: versions });

      expect(await pendingMigrations(db)).toEqual(versions);
      expect(await migrate(db)).toEqual({ applied: versions });
      expect(await migrate(db)).toEqual({ applied: [] });
      expect(await pendingMigrations(db)).toEqual([]);

      const recorded = await db.query<{ version: string }>(
        sql`SELECT version FROM schema_migrations ORDER BY version`,
      );
      expect(recorded.map((v) => v.version)).toEqual(versions);
      const tables = await db.query<{ table_name: string }>(sql`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() ORDER BY table_name`);
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([
        'api_keys',
        'brands',
        'clicks',
        'conversions',
        'dashboard_keys',
        'email_messages',
        'enrollment_daily',
        'enrollment_totals',
        'enrollments',
        'idempotency_keys',
        'members',
        'offers',
        'payments',
        'schema_migrations',
      ]));

      const ready = await read(await app.request('/ready'));
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready' });
      const health = await read(await app.request('/health'));
      expect(health.body).toEqual({ status: 'ok' });
    } finally {
      await db.close();
    }
  });

  it('two migrations at once apply the schema once', async () => {
    const db = await backend.open();
    try {
      const results = await Promise.all([migrate(db), migrate(db)]);
      expect(results.flatMap((r) => r.applied)).toEqual(versions);
      expect(await pendingMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
