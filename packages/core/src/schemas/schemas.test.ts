import { describe, expect, it } from 'vitest';
import { CommissionStructure } from './commission.js';
import { Currency, MAX_AMOUNT, MAX_TOTAL, Metadata, Money, PageQuery, TimestampInput, TotalMoney } from './common.js';
import { ConversionCreate, ConversionUpdate } from './conversion.js';
import { EnrollmentCreate } from './enrollment.js';
import { OfferCreate, OfferUpdate } from './offer.js';
import { PaymentCreate } from './payment.js';
import { DashboardTokenCreate } from './token.js';
import { Day, Month } from './reports.js';
import { MemberCreate } from './member.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('money and currency', () => {
  it('accepts integer minor units and known currencies only', () => {
    expect(Money.parse({ amount: 0, currency: 'USD' })).toEqual({ amount: 0, currency: 'USD' });
    expect(Money.safeParse({ amount: MAX_AMOUNT, currency: 'JPY' }).success).toBe(true);
    expect(issues(Money.safeParse({ amount: MAX_AMOUNT + 1, currency: 'JPY' }))).toEqual([
      'amount: amount must be at most 1000000000000 minor units',
    ]);
    expect(TotalMoney.safeParse({ amount: MAX_TOTAL, currency: 'JPY' }).success).toBe(true);
    expect(TotalMoney.safeParse({ amount: MAX_TOTAL + 1, currency: 'JPY' }).success).toBe(false);
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

describe('what PostgreSQL can store', () => {
  it('refuses lone UTF-16 surrogates in strings and metadata, keeps real pairs', () => {
    expect(MemberCreate.safeParse({ name: 'Maya \u{1F600}' }).success).toBe(true);
    for (const bad of ['\udfff', 'a\ud800', '\ud800b', '\udc00\ud800']) {
      expect(issues(MemberCreate.safeParse({ name: bad }))).toEqual([
        'name: text must be valid Unicode (no lone surrogate such as \\udfff)',
      ]);
      expect(Metadata.safeParse({ note: bad }).success).toBe(false);
      expect(Metadata.safeParse({ [bad]: 'v' }).success).toBe(false);
      expect(ConversionCreate.safeParse({ orderId: bad, amount: 1, promoCode: 'ABC' }).success).toBe(false);
      expect(PaymentCreate.safeParse({ enrollmentId: 'enr_1', amount: 1, currency: 'USD', method: bad }).success).toBe(false);
    }
  });

  it('takes days and months from 1970 to 9999 that exist', () => {
    for (const ok of ['1970-01-01', '2024-02-29', '9999-12-31']) expect(Day.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-01-01', '1969-12-31', '2026-02-30', '2025-02-29', '+275760-09-13', '2026-1-01']) {
      expect(Day.safeParse(bad).success, bad).toBe(false);
    }
    for (const ok of ['1970-01', '9999-12']) expect(Month.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-01', '1969-12', '2026-13', '10000-01']) expect(Month.safeParse(bad).success, bad).toBe(false);
  });

  it('takes recorded times from 1970 to the end of 9998 (UTC), with any offset', () => {
    for (const ok of ['1970-01-01T00:00:00Z', '2026-11-25T10:00:00+02:00', '9998-12-31T23:59:59.999Z']) {
      expect(TimestampInput.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['1970-01-01T00:30:00+01:00', '0000-01-01T00:00:00Z', '9999-01-01T00:00:00Z', '2026-02-30T00:00:00Z']) {
      expect(TimestampInput.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('caps amounts, flat commissions, tier thresholds and payout minimums at MAX_AMOUNT', () => {
    const offer = { name: 'A', currency: 'USD', destinationUrl: 'https://a.example' };
    expect(OfferCreate.safeParse({ ...offer, commission: { type: 'flat', amount: MAX_AMOUNT } }).success).toBe(true);
    expect(OfferCreate.safeParse({ ...offer, commission: { type: 'flat', amount: MAX_AMOUNT + 1 } }).success).toBe(false);
    expect(OfferCreate.safeParse({ ...offer, commission: { type: 'percent', rateBps: 1 }, payoutMinimum: MAX_AMOUNT + 1 }).success).toBe(false);
    const tiers = (from: number) => ({
      type: 'tiered', basis: 'sales', period: 'month',
      tiers: [{ from: 0, commission: { type: 'percent', rateBps: 1 } }, { from, commission: { type: 'percent', rateBps: 2 } }],
    });
    expect(CommissionStructure.safeParse(tiers(MAX_AMOUNT)).success).toBe(true);
    expect(CommissionStructure.safeParse(tiers(MAX_AMOUNT + 1)).success).toBe(false);
    expect(PaymentCreate.safeParse({ enrollmentId: 'enr_1', amount: MAX_AMOUNT + 1, currency: 'USD', method: 'x' }).success).toBe(false);
    expect(ConversionCreate.safeParse({ orderId: 'o', amount: MAX_AMOUNT + 1, promoCode: 'ABC' }).success).toBe(false);
  });
});
