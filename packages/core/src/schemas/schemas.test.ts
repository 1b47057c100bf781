import { describe, expect, it } from 'vitest';
import { CommissionStructure } from './commission.js';
import { Currency, Money, PageQuery } from './common.js';
import { ConversionCreate, ConversionUpdate } from './conversion.js';
import { EnrollmentCreate } from './enrollment.js';
import { OfferCreate, OfferUpdate } from './offer.js';
import { PaymentCreate } from './payment.js';
import { DashboardTokenCreate } from './token.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('money and currency', () => {
  it('accepts integer minor units and known currencies only', () => {
    expect(Money.parse({ amount: 0, currency: 'USD' })).toEqual({ amount: 0, currency: 'USD' });
    expect(Money.safeParse({ amount: Number.MAX_SAFE_INTEGER, currency: 'JPY' }).success).toBe(true);
    expect(issues(Money.safeParse({ amount: -1, currency: 'USD' }))).toEqual(['amount: amount must not be negative']);
    expect(issues(Money.safeParse({ amount: 1.5, currency: 'USD' }))).toEqual([
      'amount: amount must be an integer of minor units',
    ]);
    expect(Money.safeParse({ amount: 2 ** 53, currency: 'USD' }).success).toBe(false);
    expect(Money.safeParse({ amount: '100', currency: 'USD' }).success).toBe(false);
    expect(issues(Currency.safeParse('XYZ'))).toEqual([': unknown currency']);
    expect(Currency.safeParse('usd').success).toBe(false);
    expect(Currency.safeParse('EURO').success).toBe(false);
  });
});

describe('CommissionStructure', () => {
  const tier = (from: number, rateBps = 1_000) => ({ from, commission: { type: 'percent', rateBps } });
  const tiered = (tiers: unknown[]) => ({ type: 'tiered', basis: 'conversions', period: 'month', tiers });

  it('accepts percent, flat and well-formed tiers', () => {
    expect(CommissionStructure.safeParse({ type: 'percent', rateBps: 10_000 }).success).toBe(true);
    expect(CommissionStructure.safeParse({ type: 'flat', amount: 1 }).success).toBe(true);
    expect(CommissionStructure.safeParse(tiered([tier(0), tier(10, 1_500)])).success).toBe(true);
  });

  it('refuses rates out of range and empty flat amounts', () => {
    for (const bad of [
      { type: 'percent', rateBps: 0 },
      { type: 'percent', rateBps: 10_001 },
      { type: 'percent', rateBps: 12.5 },
      { type: 'flat', amount: 0 },
      { type: 'flat', amount: -100 },
      { type: 'flat', amount: 99.5 },
      { type: 'bonus', amount: 1 },
    ]) {
      expect(CommissionStructure.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses tier structures that are too short, do not start at 0 or do not increase', () => {
    expect(issues(CommissionStructure.safeParse(tiered([tier(0)])))).toEqual([
      'tiers: a tiered structure needs at least two tiers',
    ]);
    expect(issues(CommissionStructure.safeParse(tiered([tier(1), tier(10)])))).toEqual([
      'tiers: the first tier must start at 0',
    ]);
    expect(issues(CommissionStructure.safeParse(tiered([tier(0), tier(10), tier(10)])))).toEqual([
      'tiers: tier thresholds must increase strictly',
    ]);
    expect(issues(CommissionStructure.safeParse(tiered([tier(0), tier(10), tier(5)])))).toEqual([
      'tiers: tier thresholds must increase strictly',
    ]);
    expect(issues(CommissionStructure.safeParse(tiered(Array.from({ length: 11 }, (_, i) => tier(i)))))).toEqual([
      'tiers: at most 10 tiers',
    ]);
    expect(CommissionStructure.safeParse(tiered([tier(0), tier(-1)])).success).toBe(false);
    expect(CommissionStructure.safeParse(tiered([tier(0), tier(2.5)])).success).toBe(false);
    expect(
      CommissionStructure.safeParse({ ...tiered([tier(0), tier(10)]), basis: 'clicks' }).success,
    ).toBe(false);
    expect(
      CommissionStructure.safeParse({ ...tiered([tier(0), tier(10)]), period: 'week' }).success,
    ).toBe(false);
  });
});

describe('ConversionCreate', () => {
  const base = { orderId: 'A-1', amount: 1_000 };

  it('takes a promo code and/or a click id, or an enrollment id alone', () => {
    expect(ConversionCreate.parse({ ...base, promoCode: ' maya10 ' })).toEqual({
      ...base,
      promoCode: 'maya10',
      metadata: {},
    });
    expect(ConversionCreate.safeParse({ ...base, enrollmentId: 'enr_abc' }).success).toBe(true);
    expect(ConversionCreate.safeParse({ ...base, clickId: 'clk_abc' }).success).toBe(true);
    expect(ConversionCreate.safeParse({ ...base, promoCode: 'X10', clickId: 'clk_abc' }).success).toBe(true);
    expect(issues(ConversionCreate.safeParse(base))).toEqual(['promoCode: give a promoCode, a clickId, or an enrollmentId']);
    expect(issues(ConversionCreate.safeParse({ ...base, promoCode: 'X10', enrollmentId: 'enr_abc' }))).toEqual([
      'enrollmentId: enrollmentId cannot be combined with promoCode or clickId',
    ]);
  });

  it('refuses negative and fractional amounts and empty order ids', () => {
    const code = { promoCode: 'X10' };
    expect(ConversionCreate.safeParse({ ...base, ...code, amount: -1 }).success).toBe(false);
    expect(ConversionCreate.safeParse({ ...base, ...code, amount: 0.99 }).success).toBe(false);
    expect(ConversionCreate.safeParse({ ...base, ...code, amount: 0 }).success).toBe(true);
    expect(ConversionCreate.safeParse({ ...base, ...code, orderId: '   ' }).success).toBe(false);
    expect(ConversionCreate.safeParse({ ...base, ...code, occurredAt: '2026-03-01' }).success).toBe(false);
    expect(ConversionCreate.safeParse({ ...base, ...code, occurredAt: '2026-03-01T10:00:00+02:00' }).success).toBe(true);
  });
});

describe('ConversionUpdate', () => {
  it('requires a reason to reject or reverse, not to approve', () => {
    expect(ConversionUpdate.safeParse({ status: 'approved' }).success).toBe(true);
    expect(ConversionUpdate.safeParse({ status: 'pending' }).success).toBe(true);
    expect(issues(ConversionUpdate.safeParse({ status: 'rejected' }))).toEqual([
      'reason: a reason the member can read is required to reject or reverse',
    ]);
    expect(ConversionUpdate.safeParse({ status: 'reversed' }).success).toBe(false);
    expect(ConversionUpdate.safeParse({ status: 'rejected', reason: '   ' }).success).toBe(false);
    expect(ConversionUpdate.parse({ status: 'rejected', reason: ' Returned ' })).toEqual({
      status: 'rejected',
      reason: 'Returned',
    });
    expect(ConversionUpdate.safeParse({ status: 'approved', amount: 5 }).success).toBe(false);
    expect(ConversionUpdate.safeParse({ status: 'paid' }).success).toBe(false);
  });
});

describe('offers, enrollments, payments, tokens, pages', () => {
  it('OfferCreate fills defaults and upper-cases the code prefix', () => {
    expect(
      OfferCreate.parse({
        name: ' Glow ',
        currency: 'JPY',
        commission: { type: 'flat', amount: 500 },
        destinationUrl: 'https://shop.example',
        codePrefix: 'glow',
      }),
    ).toEqual({
      name: 'Glow',
      description: '',
      currency: 'JPY',
      commission: { type: 'flat', amount: 500 },
      holdDays: 30,
      destinationUrl: 'https://shop.example',
      codePrefix: 'GLOW',
      payoutMinimum: 0,
      payoutSchedule: 'monthly',
      attribution: 'promo_code_first',
      status: 'active',
      metadata: {},
    });
    expect(OfferCreate.safeParse({ name: 'x', currency: 'USD', commission: { type: 'flat', amount: 1 }, destinationUrl: 'ftp://x.example' }).success).toBe(false);
    expect(OfferUpdate.safeParse({ currency: 'EUR' }).success).toBe(false);
  });

  it('EnrollmentCreate normalizes a hand-set promo code', () => {
    expect(EnrollmentCreate.parse({ offerId: 'off_a', memberId: 'mem_b', promoCode: ' maya-10 ' }).promoCode).toBe('MAYA-10');
    for (const promoCode of ['ab', '-abc', 'a b c', 'é123', 'x'.repeat(41)]) {
      expect(EnrollmentCreate.safeParse({ offerId: 'off_a', memberId: 'mem_b', promoCode }).success, promoCode).toBe(false);
    }
  });

  it('PaymentCreate needs a positive integer amount and a known currency', () => {
    const base = { enrollmentId: 'enr_a', currency: 'USD', method: 'paypal' };
    expect(PaymentCreate.safeParse({ ...base, amount: 1 }).success).toBe(true);
    expect(PaymentCreate.safeParse({ ...base, amount: 0 }).success).toBe(false);
    expect(PaymentCreate.safeParse({ ...base, amount: 1.5 }).success).toBe(false);
    expect(PaymentCreate.safeParse({ ...base, amount: 1, currency: 'ABC' }).success).toBe(false);
  });

  it('DashboardTokenCreate caps the lifetime at 24 hours', () => {
    expect(DashboardTokenCreate.safeParse({ enrollmentId: 'enr_a', ttlSeconds: 86_400 }).success).toBe(true);
    expect(DashboardTokenCreate.safeParse({ enrollmentId: 'enr_a', ttlSeconds: 86_401 }).success).toBe(false);
    expect(DashboardTokenCreate.safeParse({ enrollmentId: 'enr_a', ttlSeconds: 59 }).success).toBe(false);
  });

  it('PageQuery coerces the limit and bounds it', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 20 });
    expect(PageQuery.parse({ limit: '100' })).toEqual({ limit: 100 });
    for (const limit of ['0', '101', '1.5', 'x']) expect(PageQuery.safeParse({ limit }).success, limit).toBe(false);
  });
});
