import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import type { CommissionStructure } from '@affdash/core';
import { firstScreen, jsonTime } from '../src/dashboard/first-screen.js';
import { backends } from './backends.js';
import { PUBLIC_URL, useApp } from './harness.js';

const { sql } = pg;

const tiered: CommissionStructure = {
  type: 'tiered',
  basis: 'conversions',
  period: 'month',
  tiers: [
    { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
    { from: 2, commission: { type: 'percent', rateBps: 1_500 } },
  ],
};

describe("times from the statement's JSON", () => {
  it("become the answer's milliseconds (cut, not rounded) and the cursor's microseconds", () => {
    expect(jsonTime('2026-11-30T12:34:56')).toEqual({ wire: '2026-11-30T12:34:56.000Z', cursor: '2026-11-30T12:34:56.000000Z' });
    expect(jsonTime('2026-11-30T12:34:56.1')).toEqual({ wire: '2026-11-30T12:34:56.100Z', cursor: '2026-11-30T12:34:56.100000Z' });
    expect(jsonTime('2026-11-30T12:34:56.123999')).toEqual({ wire: '2026-11-30T12:34:56.123Z', cursor: '2026-11-30T12:34:56.123999Z' });
    expect(jsonTime('1970-01-01T00:00:00.00005')).toEqual({ wire: '1970-01-01T00:00:00.000Z', cursor: '1970-01-01T00:00:00.000050Z' });
  });
});

describe.each(backends())('the first screen on $name', (backend) => {
  const t = useApp(backend);

  it("counts the tier period's conversions from the daily rollup: last month's do not count", async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ commission: tiered });
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString();
    for (const [orderId, occurredAt] of [['A-1', lastMonth], ['A-2', lastMonth], ['A-3', now.toISOString()]]) {
      const r = await brand.convert({ orderId, amount: 1_000, enrollmentId: enrollment.id, occurredAt });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const grant = { brandId: brand.brandId, enrollmentId: enrollment.id };
    const ctx = { keys: t.deps.keys, publicUrl: PUBLIC_URL };
    const read = async () => (await firstScreen(t.db, ctx, grant)).dashboard;
    expect((await read()).offer.terms.currentTier).toBe(0);
    expect((await read()).totals.conversions).toBe(3);

    await brand.convert({ orderId: 'A-4', amount: 1_000, enrollmentId: enrollment.id });
    expect((await read()).offer.terms.currentTier).toBe(1);
    // the raw conversions are not read: a row changed behind the rollup's back changes nothing
    await t.db.query(sql`UPDATE conversions SET status = 'rejected' WHERE brand_id = ${brand.brandId} AND order_id = 'A-4'`);
    expect((await read()).offer.terms.currentTier).toBe(1);
  });

  it('is one named statement: PostgreSQL keeps it prepared on the connection', async () => {
    if (backend.name !== 'postgres') return;
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const grant = { brandId: brand.brandId, enrollmentId: enrollment.id };
    const ctx = { keys: t.deps.keys, publicUrl: PUBLIC_URL };
    const prepared = await t.db.tx(async (db) => {
      await firstScreen(db, ctx, grant);
      await firstScreen(db, ctx, grant);
      return db.query<{ name: string }>(sql`SELECT name FROM pg_prepared_statements`);
    });
    expect(prepared.map((p) => p.name)).toContain('first-screen');
  });
});
