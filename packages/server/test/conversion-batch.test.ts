import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type BrandClient, expectError, useApp } from './harness.js';

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
    expect(body.results[1].error.message).toMatch(/amount/);
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 2 });
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
