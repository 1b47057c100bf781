import { nextPayoutAt, payoutRemaining } from '@affdash/core';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';

describe('next payout date (UTC)', () => {
  const at = (iso: string) => new Date(iso);
  it('monthly: the 1st of next month', () => {
    expect(nextPayoutAt('monthly', at('2026-11-25T06:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(nextPayoutAt('monthly', at('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(nextPayoutAt('monthly', at('2026-03-01T00:00:00Z')).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
  it('weekly: next Monday', () => {
    expect(nextPayoutAt('weekly', at('2026-11-25T06:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextPayoutAt('weekly', at('2026-11-29T23:59:59Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextPayoutAt('weekly', at('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
  it('biweekly: every other Monday from 2024-01-01', () => {
    expect(nextPayoutAt('biweekly', at('2024-01-01T00:00:00Z')).toISOString()).toBe('2024-01-15T00:00:00.000Z');
    expect(nextPayoutAt('biweekly', at('2024-01-08T12:00:00Z')).toISOString()).toBe('2024-01-15T00:00:00.000Z');
    expect(nextPayoutAt('biweekly', at('2023-12-31T00:00:00Z')).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    const next = nextPayoutAt('biweekly', at('2026-11-25T06:00:00Z'));
    expect(next.getUTCDay()).toBe(1);
    expect((next.getTime() - Date.UTC(2024, 0, 1)) % (14 * 86_400_000)).toBe(0);
  });
  it('remaining: how far the balance is from the minimum, never below zero', () => {
    expect(payoutRemaining(5_000, 1_200)).toBe(3_800);
    expect(payoutRemaining(5_000, 5_000)).toBe(0);
    expect(payoutRemaining(5_000, 9_000)).toBe(0);
    expect(payoutRemaining(5_000, -300)).toBe(5_300);
    expect(payoutRemaining(0, 0)).toBe(0);
  });
});

describe.each(backends())('payout terms on $name', (backend) => {
  const t = useApp(backend);

  it('offers store a payout minimum and schedule (defaults: 0, monthly)', async () => {
    const brand = await t.brand();
    const plain = await brand.createOffer();
    expect({ min: plain.payoutMinimum, schedule: plain.payoutSchedule }).toEqual({ min: 0, schedule: 'monthly' });
    const weekly = await brand.createOffer({ payoutMinimum: 5_000, payoutSchedule: 'weekly' });
    expect({ min: weekly.payoutMinimum, schedule: weekly.payoutSchedule }).toEqual({ min: 5_000, schedule: 'weekly' });
    const updated = await brand.ok('PATCH', `/v1/offers/${plain.id}`, { payoutMinimum: 2_500, payoutSchedule: 'biweekly' }, 200);
    expect({ min: updated.payoutMinimum, schedule: updated.payoutSchedule }).toEqual({ min: 2_500, schedule: 'biweekly' });
    expectError(await brand.call('POST', '/v1/offers', {
      name: 'X', currency: 'USD', commission: { type: 'flat', amount: 100 }, destinationUrl: 'https://x.example',
      payoutSchedule: 'daily',
    }), 400, 'validation_failed');
    expectError(await brand.call('PATCH', `/v1/offers/${plain.id}`, { payoutMinimum: -1 }), 400, 'validation_failed');
    expectError(await brand.call('PATCH', `/v1/offers/${plain.id}`, { payoutMinimum: 1.5 }), 400, 'validation_failed');
  });

  it('the first screen shows payout progress toward the minimum and the next date', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ payoutMinimum: 5_000, payoutSchedule: 'monthly' });
    const c = await brand.convert({ orderId: 'P-1', amount: 30_000, enrollmentId: enrollment.id });
    await brand.ok('PATCH', `/v1/conversions/${c.body.id}`, { status: 'approved' }, 200);
    await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 1_000, currency: 'USD', method: 'paypal' }, 201);
    const token = await brand.token(enrollment.id);

    const before = Date.now();
    const d = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`)).body;
    const now = new Date(before);
    expect(d.totals.balance).toEqual({ amount: 2_000, currency: 'USD' });
    expect(d.payout).toEqual({
      minimum: { amount: 5_000, currency: 'USD' },
      schedule: 'monthly',
      nextPayoutAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
      remaining: { amount: 3_000, currency: 'USD' },
    });

    const c2 = await brand.convert({ orderId: 'P-2', amount: 40_000, enrollmentId: enrollment.id });
    await brand.ok('PATCH', `/v1/conversions/${c2.body.id}`, { status: 'approved' }, 200);
    const after = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`)).body;
    expect(after.payout.remaining).toEqual({ amount: 0, currency: 'USD' });
  });
});
