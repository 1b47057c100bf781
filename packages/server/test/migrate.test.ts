import { readdirSync } from 'node:fs';
import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { createApiKey, createApp, createDeps, ensureBrand, migrate, pendingMigrations } from '../src/index.js';
import { backends } from './backends.js';
import { BrandClient, PUBLIC_URL, SECRET, read } from './harness.js';

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

  it('007 keeps the history of conversions recorded before it, their recording now from their own row', async () => {
    const db = await backend.open();
    try {
      await migrate(db, { through: '006_webhooks' });
      expect(await pendingMigrations(db)).toEqual(versions.filter((v) => v > '006_webhooks'));
      const brandId = await ensureBrand(db, { name: 'Before' });
      // the app of that version: without rate limits (their table comes in 012)
      const app = createApp(createDeps(db, { secret: SECRET, publicUrl: PUBLIC_URL, rateLimits: { writes: 0 } }));
      const brand = new BrandClient(app, brandId, await createApiKey(db, brandId, 'k'));
      // the member row as the schema of 006 holds it (the API writes columns of later migrations)
      await db.query(sql`INSERT INTO members (brand_id, id, name, email) VALUES (${brandId}, 'mem_before', 'Maya', NULL)`);
      const offer = await brand.createOffer();
      const enrollment = await brand.enroll(offer.id, 'mem_before');
      await db.query(sql`
        INSERT INTO conversions (brand_id, id, enrollment_id, order_id, status, currency, sale_amount,
                                 commission_amount, commission_terms, occurred_at, created_at)
        VALUES (${brandId}, 'cnv_old', ${enrollment.id}, 'o-1', 'approved', 'USD', 1000, 100, '{}',
                '2026-05-01T10:00:00Z', '2026-05-01T10:00:01Z'),
               (${brandId}, 'cnv_imported', ${enrollment.id}, 'o-2', 'pending', 'USD', 1000, 100, '{}',
                '2026-05-01T11:00:00Z', '2026-05-01T11:00:01Z')`);
      await db.query(sql`
        INSERT INTO conversion_events (brand_id, id, conversion_id, from_status, to_status, reason, actor, at)
        VALUES (${brandId}, 'cev_a', 'cnv_old', NULL, 'pending', NULL, 'api_key:key_a', '2026-05-01T10:00:01Z'),
               (${brandId}, 'cev_b', 'cnv_old', 'pending', 'approved', NULL, 'api_key:key_b', '2026-06-01T00:00:00Z')`);

      await migrate(db);
      const events = async (id: string) =>
        (await brand.ok('GET', `/v1/conversions/${id}/events`, undefined, 200)).data.map((e: any) => [e.id, e.fromStatus, e.toStatus, e.actor, e.at]);
      expect(await events('cnv_old')).toEqual([
        ['cev_old', null, 'pending', 'api_key:key_a', '2026-05-01T10:00:01.000Z'],
        ['cev_b', 'pending', 'approved', 'api_key:key_b', '2026-06-01T00:00:00.000Z'],
      ]);
      expect(await events('cnv_imported')).toEqual([
        ['cev_imported', null, 'pending', 'system:import', '2026-05-01T11:00:01.000Z'],
      ]);
    } finally {
      await db.close();
    }
  });
});
