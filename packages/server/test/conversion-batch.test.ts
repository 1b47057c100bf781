import { computeCommission, periodStart, type CommissionStructure } from '@affdash/core';
import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/index.js';
import { byOrderIdsQuery } from '../src/conversions/queries.js';
import { backends } from './backends.js';
import { type BrandClient, call, expectError, useApp } from './harness.js';

const { sql } = pg;

describe.each(backends())('conversion batches and duplicate orders on $name', (backend) => {
  const t = useApp(backend);

  async function totals(brand: BrandClient, enrollmentId: string) {
    const token = await brand.token(enrollmentId);
    return (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`)).body.totals;
  }

  it('counts 200 parallel POSTs of one order id once', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        brand.convert({ orderId: 'order-race', amount: 10_000, promoCode: enrollment.promoCode }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(199);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const list = await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollment.id}`, undefined, 200);
    expect(list.data).toHaveLength(1);
    expect(await totals(brand, enrollment.id)).toMatchObject({
      conversions: 1,
      sales: { amount: 10_000 },
      pending: { amount: 1_000 },
    });
  });

  it('records valid items, reports invalid ones, and counts duplicates once', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const body = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: [
        { orderId: 'b-1', amount: 10_000, promoCode: enrollment.promoCode.toLowerCase() },
        { orderId: 'b-2', amount: -5, promoCode: enrollment.promoCode },
        { orderId: 'b-3', amount: 20_000, enrollmentId: enrollment.id },
        { orderId: 'b-4', amount: 1_000, promoCode: 'NOSUCHCODE' },
        { orderId: 'b-1', amount: 10_000, promoCode: enrollment.promoCode },
        { orderId: 'b-5', amount: 1_000, clickId: 'clk_unknown' },
        'not an object',
        { orderId: 'b-6', amount: 1_000, currency: 'EUR', enrollmentId: enrollment.id },
      ],
    }, 200);
    expect(body.results.map((r: any) => [r.index, r.status, r.error?.code])).toEqual([
      [0, 'created', undefined],
      [1, 'error', 'validation_failed'],
      [2, 'created', undefined],
      [3, 'error', 'unknown_promo_code'],
      [4, 'existing', undefined],
      [5, 'error', 'unknown_click'],
      [6, 'error', 'validation_failed'],
      [7, 'error', 'currency_mismatch'],
    ]);
    expect(body.results[4].conversion.id).toBe(body.results[0].conversion.id);
    expect(body.results[4].id).toBe(body.results[0].conversion.id);
    expect(body.results[1].error.message).toMatch(/amount/);
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 2 });
  });

  it('answers each item by id alone when asked for Prefer: return=minimal', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const conversions = [
      { orderId: 'm-1', amount: 10_000, enrollmentId: enrollment.id },
      { orderId: 'm-2', amount: -1, enrollmentId: enrollment.id },
      { orderId: 'm-1', amount: 10_000, enrollmentId: enrollment.id },
    ];
    const minimal = await call(brand.app, 'POST', '/v1/conversions/batch', {
      auth: brand.apiKey,
      body: { conversions },
      headers: { prefer: 'handling=lenient, Return=minimal' },
    });
    expect(minimal.status).toBe(200);
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal');
    expect(minimal.headers.get('vary')).toMatch(/prefer/i);
    const [created, invalid, existing] = minimal.body.results;
    expect(created).toEqual({ index: 0, status: 'created', id: expect.stringMatching(/^cnv_/) });
    expect(invalid).toMatchObject({ index: 1, status: 'error', error: { code: 'validation_failed' } });
    expect(existing).toEqual({ index: 2, status: 'existing', id: created.id });
    const full = await brand.ok('POST', '/v1/conversions/batch', { conversions }, 200);
    expect(full.results[0]).toMatchObject({ status: 'existing', id: created.id, conversion: { id: created.id, orderId: 'm-1' } });
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 1 });
  });

  it('gives a batch new ids that ascend with its order ids, as its rows are inserted', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    // sent in no order: the ids follow the order ids, not the items' places
    const orderIds = Array.from({ length: 60 }, (_, k) => `asc-${String((k * 37) % 60).padStart(2, '0')}`);
    const { results } = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: orderIds.map((orderId) => ({ orderId, amount: 1_000, enrollmentId: enrollment.id })),
    }, 200);
    const idByOrder = new Map(results.map((r: { index: number; id: string }) => [orderIds[r.index]!, r.id]));
    const idsInOrderIdOrder = [...orderIds].sort().map((o) => idByOrder.get(o)!);
    expect(idsInOrderIdOrder).toEqual([...idsInOrderIdOrder].sort());
    expect(new Set(idsInOrderIdOrder).size).toBe(60);
  });

  it('takes any Prefer header: a long one with preferences it does not know is still read, never refused', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answer = await call(brand.app, 'POST', '/v1/conversions/batch', {
      auth: brand.apiKey,
      body: { conversions: [{ orderId: 'long-1', amount: 1_000, enrollmentId: enrollment.id }] },
      headers: { prefer: `return=minimal, ${'x'.repeat(300)}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('preference-applied')).toBe('return=minimal');
    expect(answer.body.results).toEqual([{ index: 0, status: 'created', id: expect.stringMatching(/^cnv_/) }]);
  });

  it('answers order ids recorded before as existing, also when their promo code no longer attributes', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const sale = (orderId: string, promoCode = enrollment.promoCode) => ({ orderId, amount: 1_000, promoCode });
    const first = await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale('x-1'), sale('x-2')] }, 200);
    const [id1, id2] = first.results.map((r: any) => r.id);
    // all attributable: recorded straight away, the insert finding x-1 and x-2 taken
    const resent = await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale('x-1'), sale('x-3'), sale('x-2')] }, 200);
    expect(resent.results.map((r: any) => [r.status, r.id])).toEqual([['existing', id1], ['created', expect.stringMatching(/^cnv_/)], ['existing', id2]]);
    // one does not attribute: looked up first
    const mixed = await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale('x-1', 'NOSUCHCODE'), sale('x-4', 'NOSUCHCODE'), sale('x-5')] }, 200);
    expect(mixed.results.map((r: any) => [r.status, r.id ?? r.error.code])).toEqual([
      ['existing', id1], ['error', 'unknown_promo_code'], ['created', expect.stringMatching(/^cnv_/)],
    ]);
    expect((await brand.convert(sale('x-2', 'NOSUCHCODE'))).status).toBe(200);
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 4, sales: { amount: 4_000 } });
  });

  it('refuses a sale whose order id is new, and records a later one of the same order id', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const sale = (orderId: string, promoCode = enrollment.promoCode) => ({ orderId, amount: 1_000, promoCode });
    const first = await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale('y-1', 'NOSUCHCODE'), sale('y-1'), sale('y-2', 'NOSUCHCODE')] }, 200);
    expect(first.results.map((r: any) => [r.status, r.error?.code])).toEqual([
      ['error', 'unknown_promo_code'], ['created', undefined], ['error', 'unknown_promo_code'],
    ]);
    // sent again, the order id is one recorded before, whatever its promo code
    const again = await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale('y-1', 'NOSUCHCODE'), sale('y-2')] }, 200);
    expect(again.results.map((r: any) => [r.status, r.id])).toEqual([['existing', first.results[1].id], ['created', expect.stringMatching(/^cnv_/)]]);
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 2, sales: { amount: 2_000 } });
  });

  it('probes the order-id key for a brand the table statistics have not seen yet', async () => {
    const sales = (prefix: string, enrollmentId: string) =>
      Array.from({ length: 1_000 }, (_, i) => ({ orderId: `${prefix}-${i}`, amount: 1_000, enrollmentId }));
    const known = await t.brand();
    const { enrollment } = await known.setup();
    for (const part of ['k1', 'k2', 'k3']) await known.ok('POST', '/v1/conversions/batch', { conversions: sales(part, enrollment.id) }, 200);
    await t.db.exec('ANALYZE conversions');
    // created after the statistics were taken: to them, a brand with no conversions at all
    const fresh = await t.brand();
    const mine = (await fresh.setup()).enrollment;
    await fresh.ok('POST', '/v1/conversions/batch', { conversions: sales('f', mine.id) }, 200);
    const plan = (await t.db.query<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${byOrderIdsQuery(fresh.brandId, ['f-1', 'f-2'])}`))
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    expect(plan).toContain('conversions_order_id_key');
    expect(plan).not.toMatch(/conversions_(list|by_enrollment|by_status|pkey)/);
    const resent = await fresh.ok('POST', '/v1/conversions/batch', { conversions: sales('f', mine.id).slice(0, 3) }, 200);
    expect(resent.results.map((r: any) => r.status)).toEqual(['existing', 'existing', 'existing']);
  });

  it('counts a batch full of duplicates, sent twice in parallel, once per order id', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const conversions = Array.from({ length: 300 }, (_, i) => ({
      orderId: `dup-${i % 10}`,
      amount: 1_000,
      promoCode: enrollment.promoCode,
    }));
    const [a, b] = await Promise.all([
      brand.ok('POST', '/v1/conversions/batch', { conversions }, 200),
      brand.ok('POST', '/v1/conversions/batch', { conversions }, 200),
    ]);
    const all = [...a.results, ...b.results];
    expect(all.filter((r: any) => r.status === 'created')).toHaveLength(10);
    expect(all.filter((r: any) => r.status === 'existing')).toHaveLength(590);
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 10 });
  });

  it('refuses an empty batch and one over 1 000 items', async () => {
    const brand = await t.brand();
    expectError(await brand.call('POST', '/v1/conversions/batch', { conversions: [] }), 400, 'validation_failed');
    const tooMany = Array.from({ length: 1_001 }, (_, i) => ({ orderId: `o${i}`, amount: 1, enrollmentId: 'enr_x' }));
    expectError(await brand.call('POST', '/v1/conversions/batch', { conversions: tooMany }), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/conversions/batch', {}), 400, 'validation_failed');
  });
});

/** The brand's totals and daily rollups as stored, and as recomputed from its conversions. */
async function rollups(db: Database, brandId: string) {
  const stored = {
    totals: await db.query(sql`
      SELECT enrollment_id, conversions, sales, commission_pending AS pending, commission_approved AS approved
      FROM enrollment_totals WHERE brand_id = ${brandId} AND conversions <> 0 ORDER BY enrollment_id`),
    daily: await db.query(sql`
      SELECT enrollment_id, day::text AS day, conversions, sales, commission_pending AS pending,
             commission_approved AS approved, commission_reversed AS reversed
      FROM enrollment_daily WHERE brand_id = ${brandId} ORDER BY enrollment_id, day`),
  };
  const counted = sql`status IN ('pending', 'approved')`;
  const recomputed = {
    totals: await db.query(sql`
      SELECT enrollment_id, count(*) FILTER (WHERE ${counted})::bigint AS conversions,
             COALESCE(sum(sale_amount) FILTER (WHERE ${counted}), 0)::bigint AS sales,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'pending'), 0)::bigint AS pending,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'approved'), 0)::bigint AS approved
      FROM conversions WHERE brand_id = ${brandId} GROUP BY enrollment_id ORDER BY enrollment_id`),
    daily: await db.query(sql`
      SELECT enrollment_id, ((occurred_at AT TIME ZONE 'UTC')::date)::text AS day,
             count(*) FILTER (WHERE ${counted})::bigint AS conversions,
             COALESCE(sum(sale_amount) FILTER (WHERE ${counted}), 0)::bigint AS sales,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'pending'), 0)::bigint AS pending,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'approved'), 0)::bigint AS approved,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'reversed'), 0)::bigint AS reversed
      FROM conversions WHERE brand_id = ${brandId} GROUP BY 1, 2 ORDER BY 1, 2`),
  };
  return { stored, recomputed };
}

const tieredTerms: CommissionStructure = {
  type: 'tiered',
  basis: 'conversions',
  period: 'month',
  tiers: [
    { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
    { from: 3, commission: { type: 'percent', rateBps: 2_000 } },
  ],
};

describe.each(backends())('set-based conversion batches on $name', (backend) => {
  const t = useApp(backend);

  /** Every conversion of the brand through the list endpoint, by id. */
  async function listed(brand: BrandClient) {
    const byId = new Map<string, any>();
    let cursor: string | null = null;
    do {
      const page: any = await brand.ok('GET', `/v1/conversions?limit=100${cursor ? `&cursor=${cursor}` : ''}`, undefined, 200);
      for (const c of page.data) byId.set(c.id, c);
      cursor = page.nextCursor;
    } while (cursor);
    return byId;
  }

  it('records 1 000 items across enrollments, offers and days with exact totals and daily rollups', async () => {
    const brand = await t.brand();
    const percent = await brand.createOffer();
    const flat = await brand.createOffer({ currency: 'EUR', commission: { type: 'flat', amount: 500 }, holdDays: 7 });
    const enrollments = [];
    for (const [k, offer] of [percent, flat, percent, flat].entries()) {
      const member = await brand.createMember({ name: `Member ${k}` });
      enrollments.push(await brand.enroll(offer.id, member.id));
    }
    const conversions = Array.from({ length: 1_000 }, (_, i) => {
      const e = enrollments[i % 4]!;
      // every 50th item repeats the order id before it
      const orderId = i % 50 === 49 ? `big-${i - 1}` : `big-${i}`;
      const on = i % 10 === 0 ? {} : { occurredAt: new Date(Date.UTC(2026, 2, 1 + (i % 5), 23, 59, 59, 999) + (i % 3) * 1_000).toISOString() };
      const by = i % 3 === 0 ? { promoCode: e.promoCode.toLowerCase() } : { enrollmentId: e.id };
      return { orderId, amount: 1_000 + i * 7, ...by, ...on, metadata: { i: String(i) } };
    });
    const { results } = await brand.ok('POST', '/v1/conversions/batch', { conversions }, 200);
    expect(results).toHaveLength(1_000);
    expect(results.map((r: any) => r.index)).toEqual(conversions.map((_, i) => i));
    const created = results.filter((r: any) => r.status === 'created');
    expect(created).toHaveLength(980);
    for (const r of results.filter((r: any) => r.status === 'existing')) {
      expect(r.index % 50).toBe(49);
      expect(r.conversion.id).toBe(results[r.index - 1].conversion.id);
    }
    // the answers are what a read returns
    const stored = await listed(brand);
    expect(stored.size).toBe(980);
    for (const r of created) expect(r.conversion).toEqual(stored.get(r.conversion.id));
    expect(created[1].conversion).toMatchObject({
      enrollmentId: enrollments[1]!.id, sale: { amount: 1_007, currency: 'EUR' }, commission: { amount: 500, currency: 'EUR' },
      attributedBy: 'enrollment', status: 'pending', metadata: { i: '1' },
    });
    expect(created[6].conversion).toMatchObject({ commission: { amount: 104, currency: 'USD' }, attributedBy: 'promo_code' });

    const { stored: s, recomputed: r } = await rollups(t.db, brand.brandId);
    expect(s.totals).toHaveLength(4);
    expect(s.totals).toEqual(r.totals);
    expect(s.daily.length).toBeGreaterThan(20);
    expect(s.daily).toEqual(r.daily);
    const [events] = await t.db.query<{ n: number; actors: number }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT recorded_by)::int AS actors FROM conversions
      WHERE brand_id = ${brand.brandId} AND recorded_by LIKE 'api_key:key_%'`);
    expect(events).toEqual({ n: 980, actors: 1 });
  });

  it('crosses a tier boundary inside one batch exactly as one request after another would', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer({ commission: tieredTerms });
    const one = await brand.enroll(offer.id, (await brand.createMember({ name: 'One' })).id);
    const all = await brand.enroll(offer.id, (await brand.createMember({ name: 'All' })).id);
    const sales = [
      { occurredAt: '2026-03-10T10:00:00Z', amount: 10_000 },
      { occurredAt: '2026-03-05T10:00:00Z', amount: 10_000 },
      { occurredAt: '2026-02-27T10:00:00Z', amount: 10_000 }, // another month: its own period
      { occurredAt: '2026-03-12T10:00:00Z', amount: 10_000 },
      { occurredAt: '2026-03-12T10:00:00Z', amount: 20_000 }, // same moment: not earlier
      { occurredAt: '2026-03-20T10:00:00Z', amount: 30_000 },
      { occurredAt: '2026-03-01T00:00:00Z', amount: 40_000 }, // recorded last, happened first
      { amount: 10_000 }, // now
      { amount: 10_000 },
      { amount: 10_000 },
      { amount: 10_000 },
    ];
    const oneByOne = [];
    for (const [i, sale] of sales.entries()) {
      oneByOne.push(await brand.ok('POST', '/v1/conversions', { orderId: `seq-${i}`, enrollmentId: one.id, ...sale }, 201));
    }
    const { results } = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: sales.map((sale, i) => ({ orderId: `set-${i}`, enrollmentId: all.id, ...sale })),
    }, 200);
    const amounts = results.map((r: any) => r.conversion.commission.amount);
    expect(amounts).toEqual(oneByOne.map((c) => c.commission.amount));
    expect(amounts).toEqual([1_000, 1_000, 1_000, 1_000, 2_000, 6_000, 4_000, 1_000, 1_000, 1_000, 2_000]);

    const { stored: s, recomputed: r } = await rollups(t.db, brand.brandId);
    expect(s).toEqual(r);
  });

  it('counts the tier of sales recorded before once, when a batch sends some of them again', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer({ commission: tieredTerms });
    const { id: enrollmentId } = await brand.enroll(offer.id, (await brand.createMember({ name: 'Again' })).id);
    const sale = (n: number) => ({ orderId: `tier-${n}`, amount: 10_000, enrollmentId, occurredAt: `2026-03-0${n}T10:00:00Z` });
    await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale(1), sale(2)] }, 200);
    const { results } = await brand.ok('POST', '/v1/conversions/batch', { conversions: [sale(2), sale(1), sale(3), sale(4), sale(3)] }, 200);
    expect(results.map((r: any) => [r.status, r.conversion.orderId, r.conversion.commission.amount])).toEqual([
      ['existing', 'tier-2', 1_000],
      ['existing', 'tier-1', 1_000],
      ['created', 'tier-3', 1_000], // two before it in the month
      ['created', 'tier-4', 2_000], // three before it: the second tier
      ['existing', 'tier-3', 1_000],
    ]);
    const { stored: s, recomputed: r } = await rollups(t.db, brand.brandId);
    expect(s).toEqual(r);
    expect(s.totals[0]).toMatchObject({ conversions: 4 });
  });

  it('counts every order id once when overlapping batches run at the same time', async () => {
    const brand = await t.brand();
    const percent = await brand.createOffer();
    const tiered = await brand.createOffer({ commission: tieredTerms });
    const enrollments = [];
    for (const [k, offer] of [percent, tiered, percent].entries()) {
      enrollments.push(await brand.enroll(offer.id, (await brand.createMember({ name: `M${k}` })).id));
    }
    const item = (n: number) => ({
      orderId: `ovl-${n}`,
      amount: 1_000 + n,
      enrollmentId: enrollments[n % 3]!.id,
      occurredAt: new Date(Date.UTC(2026, 4, 1) + n * 60_000).toISOString(),
    });
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => item(from + i));
    const batches = [range(0, 200), range(100, 300), range(250, 350).reverse(), range(0, 350).filter((_, i) => i % 7 === 0)];
    const answers = await Promise.all(
      batches.map((conversions) => brand.ok('POST', '/v1/conversions/batch', { conversions }, 200)),
    );
    const results = answers.flatMap((a: any, b) => a.results.map((r: any) => ({ ...r, orderId: batches[b]![r.index]!.orderId })));
    expect(results.every((r: any) => r.status !== 'error')).toBe(true);
    const created = results.filter((r: any) => r.status === 'created');
    expect(created).toHaveLength(350);
    expect(new Set(created.map((r: any) => r.orderId)).size).toBe(350);
    const idOf = new Map(created.map((r: any) => [r.orderId, r.conversion.id]));
    for (const r of results) expect(r.conversion.id).toBe(idOf.get(r.orderId));

    const stored = await listed(brand);
    expect(stored.size).toBe(350);
    const { stored: s, recomputed: r } = await rollups(t.db, brand.brandId);
    expect(s.totals.reduce((n: number, row: any) => n + Number(row.conversions), 0)).toBe(350);
    expect(s).toEqual(r);
    const [events] = await t.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM conversion_events WHERE brand_id = ${brand.brandId}`);
    expect(events!.n).toBe(0); // recorded, and nothing changed since: each one's row is its only event
    // tiered commissions: the tier of what was stored before each, none counted twice
    const tieredRows = [...stored.values()]
      .filter((c) => c.enrollmentId === enrollments[1]!.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.occurredAt.localeCompare(b.occurredAt));
    for (const c of tieredRows) {
      const start = periodStart('month', new Date(c.occurredAt))!.toISOString();
      const earlier = tieredRows.filter((o) => o.occurredAt < c.occurredAt && o.occurredAt >= start).length;
      const max = computeCommission(tieredTerms, c.sale.amount, { conversions: earlier, sales: 0 });
      expect(c.commission.amount).toBeLessThanOrEqual(max);
    }
  });

  it('answers NUL text in one item with an error for that item only', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await brand.ok('POST', '/v1/conversions', { orderId: 'nul-seen', amount: 1_000, enrollmentId: enrollment.id }, 201);
    const { results } = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: [
        { orderId: 'nul-1', amount: 1_000, enrollmentId: enrollment.id },
        { orderId: 'nul\u0000id', amount: 1_000, enrollmentId: enrollment.id },
        { orderId: 'nul-2', amount: 1_000, promoCode: 'NUL\u0000CODE' },
        { orderId: 'nul-3', amount: 1_000, clickId: 'clk_\u0000' },
        { orderId: 'nul-4', amount: 1_000, enrollmentId: enrollment.id, metadata: { note: 'a\u0000b' } },
        { orderId: 'nul-5', amount: 1_000, enrollmentId: enrollment.id, metadata: { 'k\u0000': 'v' } },
        { orderId: 'nul-seen', amount: 1_000, enrollmentId: enrollment.id, metadata: { note: 'a\u0000b' } },
        { orderId: 'nul-4', amount: 2_000, enrollmentId: enrollment.id },
        { orderId: 'nul-6', amount: 1_000, enrollmentId: 'enr_missing', metadata: { note: '\u0000' } },
      ],
    }, 200);
    expect(results.map((r: any) => [r.status, r.error?.code])).toEqual([
      ['created', undefined],
      ['error', 'bad_request'],
      ['error', 'bad_request'],
      ['error', 'bad_request'],
      ['error', 'bad_request'],
      ['error', 'bad_request'],
      ['existing', undefined],
      ['created', undefined],
      ['error', 'not_found'],
    ]);
    expect(results[1].error.message).toBe('Text must not contain NUL (\\u0000) characters.');
    expect(results[7].conversion.sale.amount).toBe(2_000);
    expectError(
      await brand.convert({ orderId: 'nul-7', amount: 1, enrollmentId: enrollment.id, metadata: { k: '\u0000' } }),
      400,
      'bad_request',
    );
    const { stored: s, recomputed: r } = await rollups(t.db, brand.brandId);
    expect(s.totals).toEqual(r.totals);
    expect(s.totals[0]).toMatchObject({ conversions: 3 });
  });
});
