import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';

describe.each(backends())('orders in another currency on $name', (backend) => {
  const t = useApp(backend);

  it('keeps the original amount beside the amount in the offer currency', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ currency: 'USD' });
    const c = await brand.ok('POST', '/v1/conversions', {
      orderId: 'eur-1',
      amount: 10_800,
      originalAmount: { amount: 10_000, currency: 'EUR' },
      promoCode: enrollment.promoCode,
    }, 201);
    expect(c).toMatchObject({
      sale: { amount: 10_800, currency: 'USD' },
      commission: { amount: 1_080, currency: 'USD' },
      original: { amount: 10_000, currency: 'EUR' },
    });
    expect(await brand.ok('GET', `/v1/conversions/${c.id}`, undefined, 200)).toEqual(c);

    // `currency` may name the order's currency when originalAmount carries it
    const jpy = await brand.ok('POST', '/v1/conversions', {
      orderId: 'jpy-1',
      amount: 6_700,
      currency: 'JPY',
      originalAmount: { amount: 10_000, currency: 'JPY' },
      promoCode: enrollment.promoCode,
    }, 201);
    expect(jpy).toMatchObject({ sale: { amount: 6_700, currency: 'USD' }, original: { amount: 10_000, currency: 'JPY' } });

    const token = await brand.token(enrollment.id);
    const dashboard = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`);
    const shown = dashboard.body.conversions.data.find((d: any) => d.id === c.id);
    expect(shown.original).toEqual({ amount: 10_000, currency: 'EUR' });
    expect(dashboard.body.totals.sales).toEqual({ amount: 17_500, currency: 'USD' });
  });

  it('a conversion in the offer currency has no original amount', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'usd-1', amount: 500, enrollmentId: enrollment.id }, 201);
    expect(c.original).toBeNull();
  });

  it('another currency without originalAmount is still a 422 currency_mismatch; a bad original a 400', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    expectError(await brand.convert({ orderId: 'm-1', amount: 1, currency: 'EUR', enrollmentId: enrollment.id }), 422, 'currency_mismatch');
    expectError(
      await brand.convert({
        orderId: 'm-2', amount: 1, currency: 'GBP', originalAmount: { amount: 1, currency: 'EUR' }, enrollmentId: enrollment.id,
      }),
      422,
      'currency_mismatch',
    );
    expectError(
      await brand.convert({ orderId: 'm-3', amount: 1, originalAmount: { amount: 1.5, currency: 'EUR' }, enrollmentId: enrollment.id }),
      400,
      'validation_failed',
    );
    expectError(
      await brand.convert({ orderId: 'm-4', amount: 1, originalAmount: { amount: 1, currency: 'XYZ' }, enrollmentId: enrollment.id }),
      400,
      'validation_failed',
    );
  });
});
