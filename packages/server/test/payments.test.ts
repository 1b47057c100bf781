import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type BrandClient, expectError, useApp } from './harness.js';
import { brandPages } from './pagination.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe.each(backends())('payments on $name', (backend) => {
  const t = useApp(backend);

  async function totals(brand: BrandClient, enrollmentId: string) {
    const token = await brand.token(enrollmentId);
    return (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`)).body.totals;
  }

  it('records payments and moves paid, balance and expected', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ currency: 'EUR', commission: { type: 'flat', amount: 1_500 } });
    const a = (await brand.convert({ orderId: 'P-1', amount: 9_900, enrollmentId: enrollment.id })).body;
    await brand.convert({ orderId: 'P-2', amount: 9_900, enrollmentId: enrollment.id });
    await brand.ok('PATCH', `/v1/conversions/${a.id}`, { status: 'approved' }, 200);

    const payment = await brand.ok('POST', '/v1/payments', {
      enrollmentId: enrollment.id,
      amount: 1_000,
      currency: 'EUR',
      method: 'bank transfer',
      reference: 'SEPA-77',
      paidAt: '2026-03-31T09:30:00+02:00',
    }, 201);
    expect(payment).toMatchObject({
      enrollmentId: enrollment.id,
      amount: eur(1_000),
      method: 'bank transfer',
      reference: 'SEPA-77',
      paidAt: '2026-03-31T07:30:00.000Z',
    });
    expect(payment.id).toMatch(/^pay_/);
    expect(await brand.ok('GET', `/v1/payments/${payment.id}`, undefined, 200)).toEqual(payment);

    expect(await totals(brand, enrollment.id)).toEqual({
      clicks: 0,
      conversions: 2,
      sales: eur(19_800),
      pending: eur(1_500),
      approved: eur(1_500),
      paid: eur(1_000),
      balance: eur(500),
      expected: eur(2_000),
    });
    await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 700, currency: 'EUR', method: 'paypal' }, 201);
    expect(await totals(brand, enrollment.id)).toMatchObject({ paid: eur(1_700), balance: eur(-200), expected: eur(1_300) });
  });

  it('refuses another currency (422), an unknown enrollment (404) and bad amounts (400), writing nothing', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ currency: 'EUR' });
    const base = { enrollmentId: enrollment.id, amount: 100, currency: 'EUR', method: 'paypal' };
    expectError(await brand.call('POST', '/v1/payments', { ...base, currency: 'USD' }), 422, 'currency_mismatch');
    expectError(await brand.call('POST', '/v1/payments', { ...base, enrollmentId: 'enr_missing' }), 404, 'not_found');
    for (const amount of [0, -5, 1.5, '100']) {
      expectError(await brand.call('POST', '/v1/payments', { ...base, amount }), 400, 'validation_failed');
    }
    expectError(await brand.call('POST', '/v1/payments', { ...base, currency: 'EURO' }), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/payments', { ...base, method: '' }), 400, 'validation_failed');
    expect((await brand.ok('GET', '/v1/payments', undefined, 200)).data).toEqual([]);
    expect((await totals(brand, enrollment.id)).paid).toEqual(eur(0));
  });

  it('lists payments newest first, by enrollment, across pages', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup({ currency: 'EUR' });
    const other = await brand.enroll(offer.id, (await brand.createMember({ name: 'Noah' })).id);
    const ids: string[] = [];
    for (let day = 1; day <= 9; day++) {
      const p = await brand.ok('POST', '/v1/payments', {
        enrollmentId: enrollment.id, amount: day * 100, currency: 'EUR', method: 'paypal',
        paidAt: `2026-05-0${day}T00:00:00Z`,
      }, 201);
      ids.push(p.id);
    }
    await brand.ok('POST', '/v1/payments', { enrollmentId: other.id, amount: 1, currency: 'EUR', method: 'paypal' }, 201);
    const pages = await brandPages(brand, '/v1/payments', 4, `&enrollmentId=${enrollment.id}`);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    expect(pages.flat()).toEqual([...ids].reverse());
    expect((await brand.ok('GET', '/v1/payments?limit=100', undefined, 200)).data).toHaveLength(10);
  });

  it("another brand's payments and enrollments are out of reach", async () => {
    const a = await t.brand();
    const b = await t.brand();
    const { enrollment } = await a.setup();
    const p = await a.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 5, currency: 'USD', method: 'x' }, 201);
    expectError(await b.call('GET', `/v1/payments/${p.id}`), 404, 'not_found');
    expectError(
      await b.call('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 5, currency: 'USD', method: 'x' }),
      404,
      'not_found',
    );
    expect((await b.ok('GET', '/v1/payments', undefined, 200)).data).toEqual([]);
    expect((await a.ok('GET', '/v1/payments', undefined, 200)).data).toEqual([p]);
  });
});
