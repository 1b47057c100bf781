import { describe, expect, it } from 'vitest';
import { approveDue } from '../src/index.js';
import { backends } from './backends.js';
import { type BrandClient, expectError, useApp } from './harness.js';

const DAY = 86_400_000;

describe.each(backends())('conversion lifecycle on $name', (backend) => {
  const t = useApp(backend);

  async function totals(brand: BrandClient, enrollmentId: string) {
    const token = await brand.token(enrollmentId);
    return (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`)).body.totals;
  }

  it('approves pending conversions once their hold period is over, unless rejected', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ holdDays: 30 });
    const sold = new Date('2026-03-01T12:00:00.000Z');
    const due = await brand.ok('POST', '/v1/conversions', {
      orderId: 'hold-1', amount: 10_000, enrollmentId: enrollment.id, occurredAt: sold.toISOString(),
    }, 201);
    const rejected = await brand.ok('POST', '/v1/conversions', {
      orderId: 'hold-2', amount: 10_000, enrollmentId: enrollment.id, occurredAt: sold.toISOString(),
    }, 201);
    const later = await brand.ok('POST', '/v1/conversions', {
      orderId: 'hold-3', amount: 10_000, enrollmentId: enrollment.id,
      occurredAt: new Date(sold.getTime() + 10 * DAY).toISOString(),
    }, 201);
    expect(due.expectedApprovalAt).toBe('2026-03-31T12:00:00.000Z');
    await brand.ok('PATCH', `/v1/conversions/${rejected.id}`, { status: 'rejected', reason: 'Order cancelled' }, 200);

    // a millisecond early: nothing of this brand is due
    await approveDue(t.db, new Date(sold.getTime() + 30 * DAY - 1));
    expect((await brand.ok('GET', `/v1/conversions/${due.id}`, undefined, 200)).status).toBe('pending');

    await approveDue(t.db, new Date(sold.getTime() + 30 * DAY));
    const approved = await brand.ok('GET', `/v1/conversions/${due.id}`, undefined, 200);
    expect(approved).toMatchObject({ status: 'approved', expectedApprovalAt: null });
    expect((await brand.ok('GET', `/v1/conversions/${rejected.id}`, undefined, 200)).status).toBe('rejected');
    expect((await brand.ok('GET', `/v1/conversions/${later.id}`, undefined, 200)).status).toBe('pending');
    expect(await totals(brand, enrollment.id)).toMatchObject({
      conversions: 2,
      pending: { amount: 1_000 },
      approved: { amount: 1_000 },
    });

    // running again changes nothing
    await approveDue(t.db, new Date(sold.getTime() + 30 * DAY));
    const events = await brand.ok('GET', `/v1/conversions/${due.id}/events`, undefined, 200);
    expect(events.data.map((e: any) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      [null, 'pending', expect.stringMatching(/^api_key:key_/)],
      ['pending', 'approved', 'system:auto_approval'],
    ]);
  });

  it('approves in batches, each conversion once, with several approvers at the same time', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ holdDays: 0 });
    const occurredAt = '2026-01-10T00:00:00.000Z';
    await brand.ok('POST', '/v1/conversions/batch', {
      conversions: Array.from({ length: 25 }, (_, i) => ({ orderId: `many-${i}`, amount: 1_000, enrollmentId: enrollment.id, occurredAt })),
    }, 200);
    const at = new Date('2026-01-10T00:00:01.000Z');
    await Promise.all([approveDue(t.db, at, { batchSize: 4 }), approveDue(t.db, at, { batchSize: 7 })]);
    expect(await totals(brand, enrollment.id)).toMatchObject({
      conversions: 25,
      pending: { amount: 0 },
      approved: { amount: 2_500 },
    });
    const list = await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollment.id}&status=approved&limit=100`, undefined, 200);
    expect(list.data).toHaveLength(25);
    for (const c of list.data.slice(0, 3)) {
      const events = await brand.ok('GET', `/v1/conversions/${c.id}/events`, undefined, 200);
      expect(events.data.filter((e: any) => e.toStatus === 'approved')).toHaveLength(1);
    }
  });

  it("approves several brands' conversions in one batch, each brand's totals and events its own", async () => {
    const brands = [await t.brand(), await t.brand('Second Brand')];
    const occurredAt = '2026-02-01T00:00:00.000Z';
    const enrollments = [];
    for (const [k, brand] of brands.entries()) {
      const { enrollment } = await brand.setup({ holdDays: 0 });
      enrollments.push(enrollment);
      await brand.ok('POST', '/v1/conversions/batch', {
        conversions: Array.from({ length: 3 + k }, (_, i) => ({ orderId: `b${k}-${i}`, amount: 1_000 * (k + 1), enrollmentId: enrollment.id, occurredAt })),
      }, 200);
    }
    expect(await approveDue(t.db, new Date('2026-02-01T00:00:01.000Z'))).toBeGreaterThanOrEqual(7);
    expect(await totals(brands[0]!, enrollments[0]!.id)).toMatchObject({ conversions: 3, pending: { amount: 0 }, approved: { amount: 300 } });
    expect(await totals(brands[1]!, enrollments[1]!.id)).toMatchObject({ conversions: 4, pending: { amount: 0 }, approved: { amount: 800 } });
    for (const [k, brand] of brands.entries()) {
      const { data } = await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollments[k]!.id}`, undefined, 200);
      expect(data.map((c: any) => c.status)).toEqual(Array(3 + k).fill('approved'));
      const events = await brand.ok('GET', `/v1/conversions/${data[0].id}/events`, undefined, 200);
      expect(events.data.map((e: any) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
        [null, 'pending', expect.stringMatching(/^api_key:key_/)],
        ['pending', 'approved', 'system:auto_approval'],
      ]);
    }
  });

  it('reverses an approved conversion and takes its commission back, recording who and why', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'refund-1', amount: 50_000, promoCode: enrollment.promoCode }, 201);
    await brand.ok('PATCH', `/v1/conversions/${c.id}`, { status: 'approved' }, 200);
    expect(await totals(brand, enrollment.id)).toMatchObject({ approved: { amount: 5_000 } });
    const reversed = await brand.ok('PATCH', `/v1/conversions/${c.id}`, { status: 'reversed', reason: 'Refunded' }, 200);
    expect(reversed).toMatchObject({ status: 'reversed', statusReason: 'Refunded' });
    expect(await totals(brand, enrollment.id)).toMatchObject({
      conversions: 0,
      pending: { amount: 0 },
      approved: { amount: 0 },
    });
    expectError(await brand.call('PATCH', `/v1/conversions/${c.id}`, { status: 'approved' }), 409, 'conflict');
    const events = await brand.ok('GET', `/v1/conversions/${c.id}/events`, undefined, 200);
    expect(events.data.map((e: any) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      [null, 'pending', null],
      ['pending', 'approved', null],
      ['approved', 'reversed', 'Refunded'],
    ]);
    expect(events.data[0]).toMatchObject({ id: `cev_${c.id.slice(4)}`, conversionId: c.id, at: c.createdAt });
    const key = events.data[0].actor;
    expect(events.data.every((e: any) => e.actor === key && !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it("lists events of the brand's own conversions only", async () => {
    const brand = await t.brand();
    const other = await t.brand('Other Brand');
    const { enrollment } = await brand.setup();
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'mine', amount: 100, enrollmentId: enrollment.id }, 201);
    expectError(await other.call('GET', `/v1/conversions/${c.id}/events`), 404, 'not_found');
    expectError(await brand.call('GET', '/v1/conversions/cnv_nope/events'), 404, 'not_found');
  });

  it('computes tiers from the member’s conversions in the period, exactly at the month boundary', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({
      commission: {
        type: 'tiered',
        basis: 'conversions',
        period: 'month',
        tiers: [
          { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
          { from: 2, commission: { type: 'percent', rateBps: 2_000 } },
        ],
      },
    });
    const record = (orderId: string, occurredAt: string) =>
      brand.ok('POST', '/v1/conversions', { orderId, amount: 10_000, enrollmentId: enrollment.id, occurredAt }, 201);
    await record('jan-1', '2026-01-05T10:00:00.000Z');
    await record('jan-2', '2026-01-20T10:00:00.000Z');
    // the third in January, at its last millisecond: two before it in the period → second tier
    const last = await record('jan-3', '2026-01-31T23:59:59.999Z');
    expect(last.commission.amount).toBe(2_000);
    // the first in February, at its first instant: a new period → first tier
    const first = await record('feb-1', '2026-02-01T00:00:00.000Z');
    expect(first.commission.amount).toBe(1_000);
  });
});
