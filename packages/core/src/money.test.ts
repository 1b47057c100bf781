import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  assertMinorUnits,
  formatMoney,
  isKnownCurrency,
  minorUnitDigits,
  sumMoney,
} from './money.js';

describe('applyBasisPoints', () => {
  it.each([
    [1_234, 1_000, 123], // 123.4 → 123
    [1_235, 1_000, 124], // 123.5 → 124 (half up)
    [1_236, 1_000, 124],
    [5, 1_000, 1], // 0.5 → 1
    [4, 1_000, 0], // 0.4 → 0
    [1, 5_000, 1], // 0.5 → 1
    [3, 5_000, 2], // 1.5 → 2
    [1, 4_999, 0],
    [10_000, 1, 1],
    [4_999, 1, 0], // 0.4999 → 0
    [5_000, 1, 1], // 0.5 → 1
    [0, 1_000, 0],
    [19_999, 10_000, 19_999],
    [999, 250, 25], // 24.975 → 25
    [1_099, 1_050, 115], // 115.395 → 115
  ])('%i × %i bps = %i', (amount, bps, expected) => {
    expect(applyBasisPoints(amount, bps)).toBe(expected);
  });

  it('rounds negative amounts half away from zero, symmetric to positive ones', () => {
    expect(applyBasisPoints(-1_235, 1_000)).toBe(-124);
    expect(applyBasisPoints(-1_234, 1_000)).toBe(-123);
  });

  it('is exact near MAX_SAFE_INTEGER, where floats are not', () => {
    const max = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991
    expect(applyBasisPoints(max, 10_000)).toBe(max);
    expect(applyBasisPoints(max, 1_000)).toBe(900_719_925_474_099); // …099.1
    expect(applyBasisPoints(max, 5_000)).toBe(4_503_599_627_370_496); // …495.5 → up
    expect(applyBasisPoints(max - 1, 5_000)).toBe(4_503_599_627_370_495);
    expect(applyBasisPoints(9_007_199_254_740_985, 1)).toBe(900_719_925_474); // 0.0985 → 0
    // Float arithmetic loses the half here (…495.5 is not representable) and rounds down:
    expect(Math.round((max * 5_000) / 10_000)).toBe(4_503_599_627_370_495);
    expect(applyBasisPoints(max, 333)).toBe(Number((BigInt(max) * 333n + 5_000n) / 10_000n));
  });

  it('refuses unsafe amounts and fractional rates', () => {
    expect(() => applyBasisPoints(0.5, 1_000)).toThrow(RangeError);
    expect(() => applyBasisPoints(Number.MAX_SAFE_INTEGER + 1, 1)).toThrow(RangeError);
    expect(() => applyBasisPoints(NaN, 1)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, 10.5)).toThrow(/whole basis points/);
  });
});

describe('formatMoney', () => {
  /** Intl separates with no-break spaces in some locales; compare them as spaces. */
  const format = (...args: Parameters<typeof formatMoney>) => formatMoney(...args).replace(/\s/g, ' ');

  it('formats by the currency’s minor-unit digits', () => {
    expect(format({ amount: 123_450, currency: 'USD' })).toBe('$1,234.50');
    expect(format({ amount: 5, currency: 'USD' })).toBe('$0.05');
    expect(format({ amount: 123_450, currency: 'JPY' })).toBe('¥123,450');
    expect(format({ amount: 1_234_567, currency: 'KWD' })).toBe('KWD 1,234.567');
    expect(format({ amount: 123_450, currency: 'EUR' }, 'de-DE')).toBe('1.234,50 €');
    expect(format({ amount: 500, currency: 'JPY' }, 'ja-JP')).toBe('￥500');
    expect(format({ amount: -2_000, currency: 'USD' })).toBe('-$20.00');
  });

  it('knows minor-unit digits', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KRW')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });
});

describe('isKnownCurrency', () => {
  it('accepts ISO 4217 codes and nothing else', () => {
    for (const code of ['USD', 'EUR', 'JPY', 'GBP', 'KWD']) expect(isKnownCurrency(code), code).toBe(true);
    for (const code of ['usd', 'US', 'USDD', 'XYZ', 'ABC', '', '12$']) expect(isKnownCurrency(code), code).toBe(false);
  });
});

describe('sumMoney and assertMinorUnits', () => {
  it('adds one currency and refuses to mix currencies', () => {
    expect(sumMoney([{ amount: 1, currency: 'USD' }, { amount: 2, currency: 'USD' }], 'USD')).toEqual({
      amount: 3,
      currency: 'USD',
    });
    expect(sumMoney([], 'EUR')).toEqual({ amount: 0, currency: 'EUR' });
    expect(() => sumMoney([{ amount: 1, currency: 'EUR' }], 'USD')).toThrow(/cannot add EUR to USD/);
  });

  it('refuses a sum past MAX_SAFE_INTEGER', () => {
    const big = { amount: Number.MAX_SAFE_INTEGER, currency: 'USD' };
    expect(() => sumMoney([big, { amount: 1, currency: 'USD' }], 'USD')).toThrow(RangeError);
  });

  it('accepts safe integers only', () => {
    expect(() => assertMinorUnits(0)).not.toThrow();
    expect(() => assertMinorUnits(-5)).not.toThrow();
    for (const bad of [0.1, Infinity, NaN, 2 ** 53]) expect(() => assertMinorUnits(bad)).toThrow(RangeError);
  });
});
