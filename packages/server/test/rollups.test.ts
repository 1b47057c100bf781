import { readFileSync } from 'node:fs';
import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/index.js';
import { backends } from './backends.js';
import { call, useApp, type BrandClient } from './harness.js';

/** A browser the tracking link counts (bots and prefetches are not counted). */
const VISITOR = {
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
};
const { sql } = pg;

interface DayRow {
  enrollment_id: string;
  day: string;
  clicks: number;
  conversions: number;
  sales: number;
  commission_pending: number;
  commission_approved: number;
  commission_reversed: number;
  paid: number;
}

const dayColumns = sql`
  enrollment_id, to_char(day, 'YYYY-MM-DD') AS day, clicks, conversions, sales,
  commission_pending, commission_approved, commission_reversed, paid`;

/** The daily rollup as stored, without days every write has cancelled out. */
function storedDays(db: Database, brandId: string): Promise<DayRow[]> {
  return db.query<DayRow>(sql`
    SELECT ${dayColumns} FROM enrollment_daily
    WHERE brand_id = ${brandId}
      AND (clicks, conversions, sales, commission_pending, commission_approved,
           commission_reversed, paid) <> (0, 0, 0, 0, 0, 0, 0)
    ORDER BY enrollment_id, day`);
}

/** The daily rollup recomputed from the raw clicks, conversions and payments. */
function recomputedDays(db: Database, brandId: string): Promise<DayRow[]> {
  return db.query<DayRow>(sql`
    SELECT ${dayColumns} FROM (
      SELECT enrollment_id, day, sum(clicks)::bigint AS clicks, sum(conversions)::bigint AS conversions,
             sum(sales)::bigint AS sales, sum(commission_pending)::bigint AS commission_pending,
             sum(commission_approved)::bigint AS commission_approved,
             sum(commission_reversed)::bigint AS commission_reversed, sum(paid)::bigint AS paid
      FROM (
        SELECT enrollment_id, (created_at AT TIME ZONE 'UTC')::date AS day, 1 AS clicks, 0 AS conversions,
               0 AS sales, 0 AS commission_pending, 0 AS commission_approved, 0 AS commission_reversed, 0 AS paid
        FROM clicks WHERE brand_id = ${brandId}
        UNION ALL
        SELECT enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date,
               0,
               CASE WHEN status IN ('pending', 'approved') THEN 1 ELSE 0 END,
               CASE WHEN status IN ('pending', 'approved') THEN sale_amount ELSE 0 END,
               CASE WHEN status = 'pending' THEN commission_amount ELSE 0 END,
               CASE WHEN status = 'approved' THEN commission_amount ELSE 0 END,
               CASE WHEN status = 'reversed' THEN commission_amount ELSE 0 END,
               0
        FROM conversions WHERE brand_id = ${brandId}
        UNION ALL
        SELECT enrollment_id, (paid_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0, 0, 0, amount
        FROM payments WHERE brand_id = ${brandId}
      ) e GROUP BY enrollment_id, day
    ) d
    WHERE (clicks, conversions, sales, commission_pending, commission_approved,
           commission_reversed, paid) <> (0, 0, 0, 0, 0, 0, 0)
    ORDER BY enrollment_id, day`);
}

/** Totals as stored, and recomputed from the daily rollup. */
async function totalsAgainstDays(db: Database, brandId: string) {
  const stored = await db.query(sql`
    SELECT enrollment_id, clicks, conversions, sales, commission_pending, commission_approved, paid
    FROM enrollment_totals WHERE brand_id = ${brandId} ORDER BY enrollment_id`);
  const summed = await db.query(sql`
    SELECT t.enrollment_id,
           COALESCE(sum(d.clicks), 0)::bigint AS clicks, COALESCE(sum(d.conversions), 0)::bigint AS conversions,
           COALESCE(sum(d.sales), 0)::bigint AS sales,
           COALESCE(sum(d.commission_pending), 0)::bigint AS commission_pending,
           COALESCE(sum(d.commission_approved), 0)::bigint AS commission_approved,
           COALESCE(sum(d.paid), 0)::bigint AS paid
    FROM enrollment_totals t
    LEFT JOIN enrollment_daily d ON d.brand_id = t.brand_id AND d.enrollment_id = t.enrollment_id
    WHERE t.brand_id = ${brandId} GROUP BY t.enrollment_id ORDER BY t.enrollment_id`);
  return { stored, summed };
}

/** Creates, approves, rejects, reverses, pays and clicks across two enrollments and several days. */
async function mixedWrites(brand: BrandClient) {
  const a = await brand.setup({}, { name: 'Maya Lopez' });
  const m2 = await brand.createMember({ name: 'Sam Ortiz', email: 'sam@example.com' });
  const b = { enrollment: await brand.enroll(a.offer.id, m2.id) };
  const ids: string[] = [];
  const days = ['2026-03-01T08:00:00Z', '2026-03-01T23:59:59.999Z', '2026-03-02T00:00:00Z', '2026-03-15T12:00:00+05:00'];
  for (let i = 0; i < 8; i++) {
    const enrollmentId = (i % 3 === 0 ? b : a).enrollment.id;
    const answer = await brand.convert({
      orderId: `MIX-${i}`, amount: 1_000 * (i + 1), enrollmentId, occurredAt: days[i % days.length],
    });
    expect(answer.status).toBe(201);
    ids.push(answer.body.id);
  }
  const patch = (id: string, body: Record<string, unknown>) => brand.ok('PATCH', `/v1/conversions/${id}`, body, 200);
  await patch(ids[0]!, { status: 'approved' });
  await patch(ids[1]!, { status: 'approved' });
  await patch(ids[1]!, { status: 'reversed', reason: 'Refunded' });
  await patch(ids[2]!, { status: 'rejected', reason: 'Fraud' });
  await patch(ids[2]!, { status: 'pending' });
  await patch(ids[2]!, { status: 'approved' });
  await patch(ids[3]!, { status: 'rejected', reason: 'Cancelled' });
  await patch(ids[4]!, { status: 'approved' });
  await brand.ok('POST', '/v1/payments', {
    enrollmentId: a.enrollment.id, amount: 150, currency: 'USD', method: 'paypal', paidAt: '2026-03-20T10:00:00Z',
  }, 201);
  await brand.ok('POST', '/v1/payments', {
    enrollmentId: b.enrollment.id, amount: 70, currency: 'USD', method: 'wire',
  }, 201);
  let n = 1;
  for (const e of [a, a, b]) {
    const slug = new URL(e.enrollment.trackingUrl).pathname;
    const click = await call(brand.app, 'GET', slug, { headers: { ...VISITOR, 'x-forwarded-for': `203.0.113.${n++}` } });
    expect(click.status).toBe(302);
  }
  return { a: a.enrollment.id, b: b.enrollment.id };
}

describe.each(backends())('daily rollups on $name', (backend) => {
  const t = useApp(backend);

  it('equal a recomputation from raw rows after a mixed sequence of writes', async () => {
    const brand = await t.brand();
    const { a } = await mixedWrites(brand);
    await t.deps.clicks.flush(); // the redirects' clicks, written now rather than within 50 ms

    const stored = await storedDays(t.db, brand.brandId);
    expect(stored).toEqual(await recomputedDays(t.db, brand.brandId));
    const { stored: totals, summed } = await totalsAgainstDays(t.db, brand.brandId);
    expect(totals).toEqual(summed);
    expect(totals.length).toBe(2);

    // 12:00 at +05:00 is 07:00 UTC on the same day; a sale a millisecond before midnight UTC
    // stays on its day.
    const aDays = stored.filter((d) => d.enrollment_id === a).map((d) => d.day);
    expect(aDays).toEqual(expect.arrayContaining(['2026-03-01', '2026-03-02', '2026-03-15', '2026-03-20']));
    // The approved-then-reversed conversion (MIX-1, 2 000 × 10%) shows on its sale day.
    expect(stored.find((d) => d.enrollment_id === a && d.day === '2026-03-01')?.commission_reversed).toBe(200);
  });

  it('a status change moves amounts on the day of the sale, not the day of the change', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const c = await brand.convert({ orderId: 'OLD-1', amount: 5_000, enrollmentId: enrollment.id, occurredAt: '2025-12-31T23:30:00Z' });
    await brand.ok('PATCH', `/v1/conversions/${c.body.id}`, { status: 'approved' }, 200);
    const rows = await storedDays(t.db, brand.brandId);
    expect(rows).toEqual([{
      enrollment_id: enrollment.id, day: '2025-12-31', clicks: 0, conversions: 1, sales: 5_000,
      commission_pending: 0, commission_approved: 500, commission_reversed: 0, paid: 0,
    }]);
  });
});

describe.each(backends())('migration 004 on $name', (backend) => {
  const t = useApp(backend);

  it('backfills the daily rollup from existing clicks, conversions and payments', async () => {
    const brand = await t.brand();
    await mixedWrites(brand);
    await t.deps.clicks.flush(); // the redirects' clicks, written now rather than within 50 ms
    const before = await storedDays(t.db, brand.brandId);

    const migration = readFileSync(new URL('../migrations/004_rollups.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('INSERT INTO enrollment_daily'));
    await t.db.query(sql`DELETE FROM enrollment_daily`);
    await t.db.exec(backfill);

    expect(await storedDays(t.db, brand.brandId)).toEqual(before);
    expect(before).toEqual(await recomputedDays(t.db, brand.brandId));
  });
});
