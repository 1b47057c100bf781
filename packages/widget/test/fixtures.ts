import type { Dashboard, DashboardConversion, DashboardPayment, DashboardSeries, Page } from '@affdash/core';
import { describeTerms, type TierProgress } from '@affdash/core/commission';
import { dashboardMessages } from '@affdash/core/messages';

export const API_BASE = 'https://api.affdash.test';
export const ENROLLMENT_ID = 'enr_7Hq2Lx9PmW';

/** An unsigned dashboard token: the widget only reads `sub` and `exp`. */
export function makeToken(claims: { sub?: string; exp?: number; jti?: string } = {}): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const now = Math.floor(Date.now() / 1000);
  const payload = { aud: 'affdash:dashboard', sub: ENROLLMENT_ID, iat: now, exp: now + 3600, ...claims };
  return `${encode({ alg: 'HS256', kid: 'dk_demo1', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

export const conversions: DashboardConversion[] = [
  {
    id: 'cnv_9f3Kd82LsQ',
    orderRef: '••••4821',
    status: 'pending',
    sale: usd(12_900),
    commission: usd(1_290),
    occurredAt: '2026-11-20T14:32:00.000Z',
    expectedApprovalAt: '2026-12-20T14:32:00.000Z',
    statusReason: null,
    original: null,
  },
  {
    id: 'cnv_2Lp0Qx7TbA',
    orderRef: '••••4790',
    status: 'approved',
    sale: usd(8_450),
    commission: usd(845),
    occurredAt: '2026-10-02T09:10:00.000Z',
    expectedApprovalAt: null,
    statusReason: null,
    original: null,
  },
  {
    id: 'cnv_8Rt4Vn1YcE',
    orderRef: '••••4702',
    status: 'rejected',
    sale: usd(23_000),
    commission: usd(2_300),
    occurredAt: '2026-09-28T18:45:00.000Z',
    expectedApprovalAt: null,
    statusReason: 'Order cancelled by the customer',
    original: null,
  },
  {
    id: 'cnv_4Hs6Wm3ZdK',
    orderRef: '••••4655',
    status: 'reversed',
    sale: usd(5_600),
    commission: usd(560),
    occurredAt: '2026-09-12T11:05:00.000Z',
    expectedApprovalAt: null,
    statusReason: 'Refunded after delivery',
    original: null,
  },
];

export const olderConversions: Page<DashboardConversion> = {
  data: [
    {
      id: 'cnv_1Ab2Cd3EfG',
      orderRef: '••••4519',
      status: 'approved',
      sale: usd(15_200),
      commission: usd(1_520),
      occurredAt: '2026-08-30T16:20:00.000Z',
      expectedApprovalAt: null,
      statusReason: null,
      original: null,
    },
  ],
  nextCursor: null,
};

export const payments: DashboardPayment[] = [
  { id: 'pay_5Gh7Jk9LmN', amount: usd(15_000), method: 'PayPal', reference: 'PP-88213-X', paidAt: '2026-11-01T10:00:00.000Z' },
  { id: 'pay_3Qw5Er7TyU', amount: usd(9_000), method: 'bank_transfer', reference: null, paidAt: '2026-10-01T10:00:00.000Z' },
];

/** One point per day from `from` to `to` (UTC, both included); `commission(i)` for the i-th day. */
export function makeSeries(from: string, to: string, commission = (i: number) => (i % 3 ? 0 : 100 * (i + 1))): DashboardSeries {
  const points: DashboardSeries['points'] = [];
  for (let t = Date.parse(from), i = 0; t <= Date.parse(to); t += 86_400_000, i++) {
    const c = commission(i);
    points.push({ day: new Date(t).toISOString().slice(0, 10), clicks: 10 + i, conversions: c ? 1 : 0, sales: c * 10, commission: c });
  }
  return { from, to, currency: 'USD', points };
}

/** The member's orders this month: 7, so 3 more reach the second tier. */
export const tierProgress: TierProgress = { conversions: 7, sales: 0 };

/** A member's whole first screen, as the API answers it (in English). */
export function makeDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  const commission: Dashboard['offer']['commission'] = {
    type: 'tiered',
    basis: 'conversions',
    period: 'month',
    tiers: [
      { from: 0, commission: { type: 'percent', rateBps: 1000 } },
      { from: 10, commission: { type: 'percent', rateBps: 1500 } },
    ],
  };
  return {
    enrollment: {
      id: ENROLLMENT_ID,
      status: 'active',
      endedAt: null,
      promoCode: 'MAYA15',
      trackingUrl: 'https://go.affdash.example/t/maya-chen-spring-espresso-7Hq2Lx9P',
    },
    brand: { name: 'Northwind Coffee', logoUrl: null, accentColor: null, accentTextColor: null },
    member: { name: 'Maya Chen' },
    offer: {
      id: 'off_3kq9Zt5Wn',
      name: 'Spring Espresso Partners',
      description: 'Earn on every bag of coffee your audience buys with your code or link.',
      status: 'active',
      currency: 'USD',
      holdDays: 30,
      commission,
      terms: describeTerms({ commission, currency: 'USD', holdDays: 30 }, tierProgress),
    },
    totals: {
      clicks: 1284,
      conversions: 37,
      sales: usd(412_350),
      pending: usd(6_420),
      approved: usd(35_180),
      paid: usd(24_000),
      balance: usd(11_180),
      expected: usd(17_600),
    },
    conversions: { data: conversions, nextCursor: 'cur_conv_2' },
    payments: { data: payments, nextCursor: null },
    series: makeSeries('2026-10-27', '2026-11-25'),
    payout: {
      minimum: usd(5_000),
      schedule: 'monthly',
      nextPayoutAt: '2026-12-01T00:00:00.000Z',
      remaining: usd(0),
    },
    generatedAt: '2026-11-25T10:00:00.000Z',
    messages: dashboardMessages('en'),
    ...overrides,
  };
}
