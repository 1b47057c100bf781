import type { BrandProfileUpdate, OfferCreate } from '@affdash/core';

export interface DemoConversion {
  orderId: string;
  amount: number;
  daysAgo: number;
  status: 'pending' | 'approved' | 'rejected' | 'reversed';
  reason?: string;
}

interface DemoEnrollment {
  offer: string;
  /** Clicks on the tracking link, spread over the last 90 days. */
  clicks: number;
  conversions: DemoConversion[];
  payments: { amount: number; method: string; reference: string; daysAgo: number }[];
}

/** Conversions every few days: older than the hold period approved, a few rejected or reversed. */
function history(prefix: string, count: number, holdDays: number, seed: number): DemoConversion[] {
  const out: DemoConversion[] = [];
  for (let i = 0; i < count; i++) {
    const daysAgo = 2 + Math.floor((i * 83) / count) + ((i * seed) % 3);
    const amount = 2_400 + ((i * 7_919 * seed) % 14_000);
    const orderId = `${prefix}-${10_482 + i * 37}`;
    let status: DemoConversion['status'] = daysAgo > holdDays ? 'approved' : 'pending';
    let reason: string | undefined;
    if (i % 9 === 4) {
      status = 'rejected';
      reason = 'The customer returned the order within 14 days.';
    } else if (i % 11 === 7 && daysAgo > holdDays) {
      status = 'reversed';
      reason = 'Refunded after approval: the order arrived damaged.';
    }
    out.push({ orderId, amount, daysAgo, status, ...(reason ? { reason } : {}) });
  }
  return out;
}

export const demoData = {
  brandName: 'Glow & Co.',
  profile: {
    displayName: 'Glow & Co.',
    accentColor: '#0b6e4f',
    emailSenderName: 'Glow & Co. Partners',
    replyTo: 'partners@glow.example.com',
    postalAddress: 'Glow & Co., 548 Market Street, San Francisco, CA 94104, USA',
  } satisfies BrandProfileUpdate,
  showcaseMember: 'Maya Lopez',
  offers: [
    {
      key: 'skincare',
      create: {
        name: 'Spring Skincare Partners',
        description: 'Share our spring skincare line with your audience.',
        currency: 'USD',
        commission: { type: 'percent', rateBps: 1_200 },
        holdDays: 30,
        destinationUrl: 'https://glow.example.com/spring',
        codePrefix: 'GLOW',
        payoutMinimum: 10_000,
        payoutSchedule: 'monthly',
      } satisfies OfferCreate,
    },
    {
      key: 'creators',
      create: {
        name: 'Creator Program',
        description: 'Earn more the more you sell each month.',
        currency: 'USD',
        commission: {
          type: 'tiered',
          basis: 'conversions',
          period: 'month',
          tiers: [
            { from: 0, commission: { type: 'percent', rateBps: 800 } },
            { from: 5, commission: { type: 'percent', rateBps: 1_200 } },
            { from: 20, commission: { type: 'percent', rateBps: 1_500 } },
          ],
        },
        holdDays: 14,
        destinationUrl: 'https://glow.example.com/creators',
        codePrefix: 'CRTR',
        payoutMinimum: 5_000,
        payoutSchedule: 'monthly',
      } satisfies OfferCreate,
    },
  ],
  members: [
    {
      create: { name: 'Maya Lopez', firstName: 'Maya', email: 'maya@example.com', externalId: 'creator-1001' },
      enrollments: [
        {
          offer: 'skincare',
          clicks: 260,
          conversions: history('GLW', 16, 30, 3),
          payments: [{ amount: 3_000, method: 'PayPal', reference: 'PP-7781-2291', daysAgo: 40 }],
        },
        {
          offer: 'creators',
          clicks: 120,
          conversions: history('CRT', 9, 14, 5),
          payments: [],
        },
      ] satisfies DemoEnrollment[],
    },
    {
      create: { name: 'Jonah Park', email: 'jonah@example.com', externalId: 'creator-1002' },
      enrollments: [
        { offer: 'skincare', clicks: 60, conversions: history('JPK', 5, 30, 7), payments: [] },
      ] satisfies DemoEnrollment[],
    },
    {
      create: { name: 'Aiko Tanaka', email: null, externalId: 'creator-1003' },
      enrollments: [
        { offer: 'creators', clicks: 9, conversions: [], payments: [] },
      ] satisfies DemoEnrollment[],
    },
  ],
};
