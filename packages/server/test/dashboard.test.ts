import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';
import { collectPages } from './pagination.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const tiered = {
  type: 'tiered',
  basis: 'conversions',
  period: 'month',
  tiers: [
    { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
    { from: 10, commission: { type: 'percent', rateBps: 1_500 } },
  ],
} as const;

describe.each(backends())('dashboard on $name', (backend) => {
  const t = useApp(backend);

  it('answers the whole first screen in one request', async () => {
    const brand = await t.brand('Glow Cosmetics');
    const { offer, enrollment } = await brand.setup(
      { name: 'Summer Glow', description: 'Serums and SPF', holdDays: 14, commission: tiered },
      { name: 'Maya Lopez' },
    );
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const orderId = i === 0 ? 'AB' : `ORDER-${10_000 + i}`;
      const answer = await brand.convert({ orderId, amount: 10_000, enrollmentId: enrollment.id });
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    await brand.ok('PATCH', `/v1/conversions/${ids[1]}`, { status: 'approved' }, 200);
    await brand.ok('PATCH', `/v1/conversions/${ids[2]}`, { status: 'rejected', reason: 'Order returned' }, 200);
    const payment = await brand.ok('POST', '/v1/payments', {
      enrollmentId: enrollment.id, amount: 400, currency: 'USD', method: 'paypal', reference: 'PP-1',
    }, 201);
    // Rejecting one leaves 10 counted conversions this month: the member is in the second tier.

    const token = await brand.token(enrollment.id);
    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('private, no-cache');
    const d = answer.body;
    expect(d.enrollment).toEqual({
      id: enrollment.id, status: 'active', endedAt: null, promoCode: enrollment.promoCode, trackingUrl: enrollment.trackingUrl,
    });
    expect(d.brand).toEqual({ name: 'Glow Cosmetics', logoUrl: null, accentColor: null, accentTextColor: null });
    expect(d.member).toEqual({ name: 'Maya Lopez' });
    expect(d.offer).toEqual({
      id: offer.id,
      name: 'Summer Glow',
      description: 'Serums and SPF',
      status: 'active',
      currency: 'USD',
      holdDays: 14,
      commission: tiered,
      terms: {
        summary: '10% of every sale, rising to 15% of every sale from order 11 this month',
        holdPeriod: 'Commissions are approved 14 days after the sale.',
        tiers: [
          { range: 'Orders 1–10 this month', rate: '10% of every sale' },
          { range: 'Orders 11+ this month', rate: '15% of every sale' },
        ],
        currentTier: 1,
        nextTier: null,
      },
    });
    // commissions: 10 × 1 000 and the 11th at 1 500; #2 approved (1 000), #3 rejected (1 000).
    expect(d.totals).toEqual({
      clicks: 0,
      conversions: 10,
      sales: usd(100_000),
      pending: usd(9_500),
      approved: usd(1_000),
      paid: usd(400),
      balance: usd(600),
      expected: usd(10_100),
    });

    expect(d.conversions.data).toHaveLength(10);
    expect(d.conversions.nextCursor).toEqual(expect.any(String));
    const byId = new Map(d.conversions.data.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(ids[10])).toMatchObject({
      orderRef: '•••0010', status: 'pending', sale: usd(10_000), commission: usd(1_500), statusReason: null,
    });
    const pending = byId.get(ids[10]) as { occurredAt: string; expectedApprovalAt: string };
    expect(Date.parse(pending.expectedApprovalAt) - Date.parse(pending.occurredAt)).toBe(14 * 86_400_000);
    expect(byId.get(ids[1])).toMatchObject({ status: 'approved', expectedApprovalAt: null, orderRef: '•••0001' });
    expect(byId.get(ids[2])).toMatchObject({
      status: 'rejected', statusReason: 'Order returned', expectedApprovalAt: null,
    });
    expect(JSON.stringify(d)).not.toContain('ORDER-1');
    expect(d.payments).toEqual({
      data: [{ id: payment.id, amount: usd(400), method: 'paypal', reference: 'PP-1', paidAt: payment.paidAt }],
      nextCursor: null,
    });

    // The rest of the conversions, page by page, and by status.
    const pages = await collectPages(
      (q) => t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions?${q}`),
      4,
    );
    expect(pages.map((p) => p.length)).toEqual([4, 4, 3]);
    expect(new Set(pages.flat())).toEqual(new Set(ids));
    const second = await t.dashboard(
      token,
      `/v1/dashboard/enrollments/${enrollment.id}/conversions?cursor=${encodeURIComponent(d.conversions.nextCursor)}`,
    );
    expect(second.body.data).toHaveLength(1);
    expect(second.body.data[0].orderRef).toBe('••••'); // "AB", the oldest
    const rejected = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions?status=rejected`);
    expect(rejected.body).toEqual({ data: [byId.get(ids[2])], nextCursor: null });
    expectError(
      await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions?status=paid`),
      400,
      'validation_failed',
    );
  });

  it('describes flat and percent offers without tiers', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ currency: 'JPY', holdDays: 0, commission: { type: 'flat', amount: 500 } });
    const token = await brand.token(enrollment.id);
    const d = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`)).body;
    expect(d.offer.terms).toEqual({
      summary: '¥500 per order',
      holdPeriod: 'Commissions are approved as soon as the sale is confirmed.',
      tiers: null,
      currentTier: null,
      nextTier: null,
    });
    expect(d.totals.expected).toEqual({ amount: 0, currency: 'JPY' });
    expect(d.conversions).toEqual({ data: [], nextCursor: null });
    expect(d.payments).toEqual({ data: [], nextCursor: null });
  });

  it('pages payments', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const ids: string[] = [];
    for (let i = 1; i <= 12; i++) {
      ids.push((await brand.ok('POST', '/v1/payments', {
        enrollmentId: enrollment.id, amount: i, currency: 'USD', method: 'paypal',
        paidAt: `2026-01-${String(i).padStart(2, '0')}T00:00:00Z`,
      }, 201)).id);
    }
    const token = await brand.token(enrollment.id);
    const first = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`)).body.payments;
    expect(first.data.map((p: { id: string }) => p.id)).toEqual([...ids].reverse().slice(0, 10));
    const pages = await collectPages(
      (q) => t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/payments?${q}`),
      5,
    );
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
  });

  it('opens CORS on the dashboard routes, preflight included', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const token = await brand.token(enrollment.id);
    const path = `/v1/dashboard/enrollments/${enrollment.id}`;
    const origin = { origin: 'https://creator.example' };

    const get = await t.dashboard(token, path, { headers: origin });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('*');

    const preflight = await t.app.request(path, {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    for (const sub of ['/conversions', '/payments']) {
      const res = await t.dashboard(token, path + sub, { headers: origin });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    // The widget must be able to read an auth failure from another origin, too.
    const denied = await t.dashboard('not-a-token', path, { headers: origin });
    expectError(denied, 401, 'unauthorized');
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');

    // Brand routes are not opened.
    const brandRoute = await t.app.request('/v1/offers', { headers: origin });
    expect(brandRoute.headers.get('access-control-allow-origin')).toBeNull();
  });
});
