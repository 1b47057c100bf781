import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';
import { brandPages } from './pagination.js';

describe.each(backends())('offers on $name', (backend) => {
  const t = useApp(backend);

  it('creates an offer with defaults, reads it back and lists it', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer({ codePrefix: 'glow' });
    expect(offer).toMatchObject({
      name: 'Summer Glow',
      description: '',
      status: 'active',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1000 },
      holdDays: 30,
      destinationUrl: 'https://shop.example/glow',
      codePrefix: 'GLOW',
      metadata: {},
    });
    expect(offer.id).toMatch(/^off_[A-Za-z0-9]{20}$/);
    expect(offer.createdAt).toBe(offer.updatedAt);

    expect(await brand.ok('GET', `/v1/offers/${offer.id}`, undefined, 200)).toEqual(offer);
    const list = await brand.ok('GET', '/v1/offers', undefined, 200);
    expect(list).toEqual({ data: [offer], nextCursor: null });
  });

  it('PATCH changes only the fields given', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer({ description: 'Serums', metadata: { team: 'a' } });
    const patched = await brand.ok('PATCH', `/v1/offers/${offer.id}`, { name: 'Winter Glow' }, 200);
    expect(patched).toEqual({ ...offer, name: 'Winter Glow', updatedAt: patched.updatedAt });
    expect(Date.parse(patched.updatedAt)).toBeGreaterThanOrEqual(Date.parse(offer.updatedAt));

    const tiered = {
      type: 'tiered',
      basis: 'conversions',
      period: 'month',
      tiers: [
        { from: 0, commission: { type: 'percent', rateBps: 1000 } },
        { from: 10, commission: { type: 'percent', rateBps: 1500 } },
      ],
    };
    const again = await brand.ok(
      'PATCH',
      `/v1/offers/${offer.id}`,
      { commission: tiered, holdDays: 0, codePrefix: null, status: 'paused' },
      200,
    );
    expect(again).toMatchObject({
      name: 'Winter Glow',
      description: 'Serums',
      commission: tiered,
      holdDays: 0,
      codePrefix: null,
      status: 'paused',
      metadata: { team: 'a' },
      currency: 'USD',
    });
    expect(await brand.ok('GET', `/v1/offers/${offer.id}`, undefined, 200)).toEqual(again);
  });

  it('refuses to change the currency and unknown fields', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    expectError(await brand.call('PATCH', `/v1/offers/${offer.id}`, { currency: 'EUR' }), 400, 'validation_failed');
    expect((await brand.ok('GET', `/v1/offers/${offer.id}`, undefined, 200)).currency).toBe('USD');
  });

  it('validates the commission structure and currency', async () => {
    const brand = await t.brand();
    const bad = [
      { currency: 'XYZ' },
      { currency: 'usd' },
      { commission: { type: 'percent', rateBps: 0 } },
      { commission: { type: 'percent', rateBps: 10.5 } },
      { commission: { type: 'flat', amount: -1 } },
      {
        commission: {
          type: 'tiered',
          basis: 'sales',
          period: 'month',
          tiers: [
            { from: 100, commission: { type: 'flat', amount: 100 } },
            { from: 200, commission: { type: 'flat', amount: 200 } },
          ],
        },
      },
      { destinationUrl: 'javascript:alert(1)' },
      { holdDays: 366 },
    ];
    for (const overrides of bad) {
      const answer = await brand.call('POST', '/v1/offers', {
        name: 'Bad',
        currency: 'USD',
        commission: { type: 'percent', rateBps: 1000 },
        destinationUrl: 'https://shop.example',
        ...overrides,
      });
      expectError(answer, 400, 'validation_failed');
      expect(answer.body.error.details.issues.length).toBeGreaterThan(0);
    }
    expect((await brand.ok('GET', '/v1/offers', undefined, 200)).data).toEqual([]);
  });

  it('pages through every offer once, newest first', async () => {
    const brand = await t.brand();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push((await brand.createOffer({ name: `Offer ${i}` })).id);
    const pages = await brandPages(brand, '/v1/offers', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual([...created].reverse());
  });

  it('pages rows created within the same millisecond without losing any', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    // Postgres keeps microseconds; a cursor cut to milliseconds would skip these rows.
    for (const [i, micros] of ['100', '350', '351', '999'].entries()) {
      await t.db.query(pg.sql`
        INSERT INTO offers (brand_id, id, name, status, currency, commission, hold_days, destination_url)
        SELECT brand_id, ${`off_same${i}`}, ${`Same ${i}`}, status, currency, commission, hold_days,
               destination_url
        FROM offers WHERE brand_id = ${brand.brandId} AND id = ${offer.id}`);
      await t.db.query(pg.sql`
        UPDATE offers SET created_at = ${`2026-03-01T10:00:00.123${micros}Z`}::timestamptz
        WHERE brand_id = ${brand.brandId} AND id = ${`off_same${i}`}`);
    }
    const pages = await brandPages(brand, '/v1/offers', 1);
    expect(pages.flat()).toEqual([offer.id, 'off_same3', 'off_same2', 'off_same1', 'off_same0']);
  });

  it('answers an unreadable cursor and an out-of-range limit with 400', async () => {
    const brand = await t.brand();
    expectError(await brand.call('GET', '/v1/offers?cursor=nonsense'), 400, 'validation_failed');
    expectError(await brand.call('GET', '/v1/offers?limit=0'), 400, 'validation_failed');
    expectError(await brand.call('GET', '/v1/offers?limit=101'), 400, 'validation_failed');
  });

  it("keeps brands apart: another brand's offer is a 404", async () => {
    const a = await t.brand('Brand A');
    const b = await t.brand('Brand B');
    const offer = await a.createOffer();
    expectError(await b.call('GET', `/v1/offers/${offer.id}`), 404, 'not_found');
    expectError(await b.call('PATCH', `/v1/offers/${offer.id}`, { name: 'Hijacked' }), 404, 'not_found');
    expect((await b.ok('GET', '/v1/offers', undefined, 200)).data).toEqual([]);
    expect((await a.ok('GET', `/v1/offers/${offer.id}`, undefined, 200)).name).toBe('Summer Glow');
  });
});
