import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type BrandClient, expectError, useApp } from './harness.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe.each(backends())('conversions on $name', (backend) => {
  const t = useApp(backend);

  async function totals(brand: BrandClient, enrollmentId: string) {
    const token = await brand.token(enrollmentId);
    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.totals;
  }

  it('records by promo code in lower case and by enrollment id, with the commission rounded half up', async () => {
    const brand = await t.brand();
    const { offer, member, enrollment } = await brand.setup({ holdDays: 30 });
    const occurredAt = '2026-03-10T12:00:00.000Z';
    const byCode = await brand.convert({
      orderId: 'order-1001',
      amount: 1_235,
      promoCode: `  ${enrollment.promoCode.toLowerCase()} `,
      occurredAt,
      metadata: { channel: 'web' },
    });
    expect(byCode.status, JSON.stringify(byCode.body)).toBe(201);
    expect(byCode.body).toMatchObject({
      enrollmentId: enrollment.id,
      offerId: offer.id,
      memberId: member.id,
      orderId: 'order-1001',
      status: 'pending',
      sale: usd(1_235),
      commission: usd(124), // 123.5 rounds up
      occurredAt,
      expectedApprovalAt: '2026-04-09T12:00:00.000Z',
      statusReason: null,
      metadata: { channel: 'web' },
    });
    const byId = await brand.convert({ orderId: 'order-1002', amount: 1_234, currency: 'USD', enrollmentId: enrollment.id });
    expect(byId.status).toBe(201);
    expect(byId.body.commission).toEqual(usd(123)); // 123.4 rounds down

    expect(await brand.ok('GET', `/v1/conversions/${byCode.body.id}`, undefined, 200)).toEqual(byCode.body);
    expect(await totals(brand, enrollment.id)).toEqual({
      clicks: 0,
      conversions: 2,
      sales: usd(2_469),
      pending: usd(247),
      approved: usd(0),
      paid: usd(0),
      balance: usd(0),
      expected: usd(247),
    });
  });

  it('the same order id twice is one conversion: the second answer is 200 with the same id', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ commission: { type: 'flat', amount: 500 } });
    const first = await brand.convert({ orderId: 'A-1', amount: 10_000, promoCode: enrollment.promoCode });
    const second = await brand.convert({ orderId: 'A-1', amount: 99_999, enrollmentId: enrollment.id });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const list = await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollment.id}`, undefined, 200);
    expect(list.data.map((c: { id: string }) => c.id)).toEqual([first.body.id]);
    const sums = await totals(brand, enrollment.id);
    expect({ conversions: sums.conversions, sales: sums.sales, pending: sums.pending }).toEqual({
      conversions: 1,
      sales: usd(10_000),
      pending: usd(500),
    });
  });

  it('50 concurrent posts of one order id record exactly one conversion and count it once', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        brand.convert({ orderId: 'RACE-1', amount: 2_000, promoCode: enrollment.promoCode }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const list = await brand.ok('GET', '/v1/conversions', undefined, 200);
    expect(list.data).toHaveLength(1);
    const sums = await totals(brand, enrollment.id);
    expect({ conversions: sums.conversions, sales: sums.sales, pending: sums.pending }).toEqual({
      conversions: 1,
      sales: usd(2_000),
      pending: usd(200),
    });
  });

  it('concurrent conversions of different orders on one enrollment all count', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        brand.convert({ orderId: `MANY-${i}`, amount: 1_000 + i, enrollmentId: enrollment.id }),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const sums = await totals(brand, enrollment.id);
    // sales 20 000 + (0 + … + 19) = 20 190; 10 % of 1 000…1 019 half up:
    // 100 for 1 000–1 004, 101 for 1 005–1 014, 102 for 1 015–1 019 = 500 + 1 010 + 510
    expect({ conversions: sums.conversions, sales: sums.sales, pending: sums.pending }).toEqual({
      conversions: 20,
      sales: usd(20_190),
      pending: usd(2_020),
    });
  });

  it('approve, reject and reverse move the totals; a reversal after payment leaves a negative balance', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ commission: { type: 'percent', rateBps: 2_000 } });
    const ids: string[] = [];
    for (const [i, amount] of [10_000, 5_000, 2_500].entries()) {
      ids.push((await brand.convert({ orderId: `O-${i}`, amount, enrollmentId: enrollment.id })).body.id);
    }
    // commissions: 2 000, 1 000, 500 pending
    expect(await totals(brand, enrollment.id)).toMatchObject({
      conversions: 3, sales: usd(17_500), pending: usd(3_500), approved: usd(0), expected: usd(3_500),
    });

    const approved = await brand.ok('PATCH', `/v1/conversions/${ids[0]}`, { status: 'approved' }, 200);
    expect(approved).toMatchObject({ status: 'approved', expectedApprovalAt: null, statusReason: null });
    expectError(await brand.call('PATCH', `/v1/conversions/${ids[1]}`, { status: 'rejected' }), 400, 'validation_failed');
    const rejected = await brand.ok(
      'PATCH', `/v1/conversions/${ids[1]}`, { status: 'rejected', reason: 'Order was returned' }, 200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: 'Order was returned' });
    expect(await totals(brand, enrollment.id)).toEqual({
      clicks: 0,
      conversions: 2,
      sales: usd(12_500),
      pending: usd(500),
      approved: usd(2_000),
      paid: usd(0),
      balance: usd(2_000),
      expected: usd(2_500),
    });

    await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 2_000, currency: 'USD', method: 'paypal' }, 201);
    const reversed = await brand.ok(
      'PATCH', `/v1/conversions/${ids[0]}`, { status: 'reversed', reason: 'Chargeback' }, 200,
    );
    expect(reversed).toMatchObject({ status: 'reversed', statusReason: 'Chargeback' });
    expect(await totals(brand, enrollment.id)).toEqual({
      clicks: 0,
      conversions: 1,
      sales: usd(2_500),
      pending: usd(500),
      approved: usd(0),
      paid: usd(2_000),
      balance: usd(-2_000),
      expected: usd(-1_500),
    });

    // Setting the same status again changes nothing.
    expect(await brand.ok('PATCH', `/v1/conversions/${ids[2]}`, { status: 'pending' }, 200)).toMatchObject({ status: 'pending' });
    const filtered = await brand.ok('GET', `/v1/conversions?status=rejected`, undefined, 200);
    expect(filtered.data.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
  });

  it('an illegal transition is a 409 and changes nothing', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const c = (await brand.convert({ orderId: 'X-1', amount: 1_000, enrollmentId: enrollment.id })).body;
    const conflict = await brand.call('PATCH', `/v1/conversions/${c.id}`, { status: 'reversed', reason: 'No' });
    expectError(conflict, 409, 'conflict');
    expect(conflict.body.error.details).toEqual({ status: 'pending', allowed: ['approved', 'rejected'] });
    await brand.ok('PATCH', `/v1/conversions/${c.id}`, { status: 'approved' }, 200);
    await brand.ok('PATCH', `/v1/conversions/${c.id}`, { status: 'reversed', reason: 'Refund' }, 200);
    expectError(await brand.call('PATCH', `/v1/conversions/${c.id}`, { status: 'approved' }), 409, 'conflict');
    expectError(await brand.call('PATCH', `/v1/conversions/${c.id}`, { status: 'pending' }), 409, 'conflict');
    expect((await brand.ok('GET', `/v1/conversions/${c.id}`, undefined, 200)).status).toBe('reversed');
    expect(await totals(brand, enrollment.id)).toMatchObject({ conversions: 0, pending: usd(0), approved: usd(0) });
  });

  it('tiered by conversions: the 11th in the month earns the higher tier, the next month starts again', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({
      commission: {
        type: 'tiered',
        basis: 'conversions',
        period: 'month',
        tiers: [
          { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
          { from: 10, commission: { type: 'percent', rateBps: 1_500 } },
        ],
      },
    });
    const commissions: number[] = [];
    for (let i = 0; i < 12; i++) {
      const day = String(i + 1).padStart(2, '0');
      const answer = await brand.convert({
        orderId: `T-${i}`, amount: 10_000, enrollmentId: enrollment.id, occurredAt: `2026-01-${day}T10:00:00Z`,
      });
      expect(answer.status).toBe(201);
      commissions.push(answer.body.commission.amount);
    }
    expect(commissions).toEqual([...Array(10).fill(1_000), 1_500, 1_500]);
    const february = await brand.convert({
      orderId: 'T-feb', amount: 10_000, enrollmentId: enrollment.id, occurredAt: '2026-02-01T00:00:00Z',
    });
    expect(february.body.commission).toEqual(usd(1_000));
    // The last instant of January still counts in January's tier.
    const lateJan = await brand.convert({
      orderId: 'T-jan-end', amount: 10_000, enrollmentId: enrollment.id, occurredAt: '2026-01-31T23:59:59.999Z',
    });
    expect(lateJan.body.commission).toEqual(usd(1_500));
  });

  it('tiered by conversions: rejected conversions do not count towards the tier', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({
      commission: {
        type: 'tiered',
        basis: 'conversions',
        period: 'lifetime',
        tiers: [
          { from: 0, commission: { type: 'flat', amount: 100 } },
          { from: 2, commission: { type: 'flat', amount: 300 } },
        ],
      },
    });
    const a = await brand.convert({ orderId: 'L-1', amount: 1, enrollmentId: enrollment.id, occurredAt: '2025-01-01T00:00:00Z' });
    await brand.convert({ orderId: 'L-2', amount: 1, enrollmentId: enrollment.id, occurredAt: '2025-06-01T00:00:00Z' });
    await brand.ok('PATCH', `/v1/conversions/${a.body.id}`, { status: 'rejected', reason: 'Fraud' }, 200);
    const third = await brand.convert({ orderId: 'L-3', amount: 1, enrollmentId: enrollment.id, occurredAt: '2026-01-01T00:00:00Z' });
    expect(third.body.commission).toEqual(usd(100));
    const fourth = await brand.convert({ orderId: 'L-4', amount: 1, enrollmentId: enrollment.id, occurredAt: '2026-01-02T00:00:00Z' });
    expect(fourth.body.commission).toEqual(usd(300));
  });

  it("keeps a conversion's commission after the offer's commission changes", async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup();
    const before = (await brand.convert({ orderId: 'S-1', amount: 10_000, enrollmentId: enrollment.id })).body;
    expect(before.commission).toEqual(usd(1_000));
    await brand.ok('PATCH', `/v1/offers/${offer.id}`, { commission: { type: 'flat', amount: 250 } }, 200);
    expect((await brand.ok('GET', `/v1/conversions/${before.id}`, undefined, 200)).commission).toEqual(usd(1_000));
    const after = (await brand.convert({ orderId: 'S-2', amount: 10_000, enrollmentId: enrollment.id })).body;
    expect(after.commission).toEqual(usd(250));
    // Approving the old one uses its own commission, not the offer's new terms.
    await brand.ok('PATCH', `/v1/conversions/${before.id}`, { status: 'approved' }, 200);
    expect(await totals(brand, enrollment.id)).toMatchObject({ approved: usd(1_000), pending: usd(250) });
  });

  it('a sale in another currency is a 422 and writes nothing', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answer = await brand.convert({ orderId: 'C-1', amount: 1_000, currency: 'EUR', enrollmentId: enrollment.id });
    expectError(answer, 422, 'currency_mismatch');
    expect((await brand.ok('GET', '/v1/conversions', undefined, 200)).data).toEqual([]);
    // The order id is still free.
    expect((await brand.convert({ orderId: 'C-1', amount: 1_000, currency: 'USD', enrollmentId: enrollment.id })).status).toBe(201);
  });

  it('refuses ended enrollments and archived offers with 422', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup();
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'ended' }, 200);
    expectError(await brand.convert({ orderId: 'E-1', amount: 1, enrollmentId: enrollment.id }), 422, 'enrollment_inactive');
    const second = await brand.setup({}, { name: 'Noah' });
    await brand.ok('PATCH', `/v1/offers/${second.offer.id}`, { status: 'archived' }, 200);
    expectError(await brand.convert({ orderId: 'E-2', amount: 1, promoCode: second.enrollment.promoCode }), 422, 'enrollment_inactive');
    expect((await brand.ok('GET', '/v1/conversions', undefined, 200)).data).toEqual([]);
    expect(offer.id).not.toBe(second.offer.id);
  });

  it('refuses paused enrollments and paused offers with 422, by id and promo code, alone and in a batch', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup();
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    const byId = await brand.convert({ orderId: 'P-1', amount: 1_000, enrollmentId: enrollment.id });
    expectError(byId, 422, 'enrollment_inactive');
    expect(byId.body.error.message).toMatch(/paused/);
    expectError(await brand.convert({ orderId: 'P-2', amount: 1_000, promoCode: enrollment.promoCode }), 422, 'enrollment_inactive');
    const batch = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: [{ orderId: 'P-3', amount: 1_000, enrollmentId: enrollment.id }],
    }, 200);
    expect(batch.results[0].error.code).toBe('enrollment_inactive');
    // resumed, it takes sales again
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'active' }, 200);
    expect((await brand.convert({ orderId: 'P-4', amount: 1_000, enrollmentId: enrollment.id })).status).toBe(201);

    await brand.ok('PATCH', `/v1/offers/${offer.id}`, { status: 'paused' }, 200);
    expectError(await brand.convert({ orderId: 'P-5', amount: 1_000, promoCode: enrollment.promoCode }), 422, 'enrollment_inactive');
    expect((await brand.ok('GET', '/v1/conversions', undefined, 200)).data.map((c: { orderId: string }) => c.orderId)).toEqual(['P-4']);
  });

  it("another brand's conversions and enrollments are out of reach", async () => {
    const a = await t.brand();
    const b = await t.brand();
    const { enrollment } = await a.setup();
    const conv = (await a.convert({ orderId: 'SHARED-1', amount: 1_000, enrollmentId: enrollment.id })).body;
    expectError(await b.call('GET', `/v1/conversions/${conv.id}`), 404, 'not_found');
    expectError(await b.call('PATCH', `/v1/conversions/${conv.id}`, { status: 'approved' }), 404, 'not_found');
    expectError(await b.convert({ orderId: 'B-1', amount: 1_000, enrollmentId: enrollment.id }), 404, 'not_found');
    expectError(await b.convert({ orderId: 'B-2', amount: 1_000, promoCode: enrollment.promoCode }), 422, 'unknown_promo_code');
    // Order ids are per brand: brand B may use the same one.
    const own = await b.setup();
    expect((await b.convert({ orderId: 'SHARED-1', amount: 1_000, enrollmentId: own.enrollment.id })).status).toBe(201);
    expect((await a.ok('GET', `/v1/conversions/${conv.id}`, undefined, 200)).status).toBe('pending');
  });
});
