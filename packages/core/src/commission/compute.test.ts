import { describe, expect, it } from 'vitest';
import type { TieredCommission } from '../schemas/commission.js';
import { computeCommission, tierIndex } from './compute.js';

const byConversions: TieredCommission = {
  type: 'tiered',
  basis: 'conversions',
  period: 'month',
  tiers: [
    { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
    { from: 10, commission: { type: 'percent', rateBps: 1_500 } },
    { from: 25, commission: { type: 'flat', amount: 5_000 } },
  ],
};

const bySales: TieredCommission = {
  type: 'tiered',
  basis: 'sales',
  period: 'quarter',
  tiers: [
    { from: 0, commission: { type: 'flat', amount: 500 } },
    { from: 100_000, commission: { type: 'flat', amount: 800 } },
  ],
};

describe('computeCommission', () => {
  it('percent: basis points of the sale, half up', () => {
    expect(computeCommission({ type: 'percent', rateBps: 1_000 }, 1_234)).toBe(123);
    expect(computeCommission({ type: 'percent', rateBps: 1_000 }, 1_235)).toBe(124);
    expect(computeCommission({ type: 'percent', rateBps: 750 }, 10_000)).toBe(750);
    expect(computeCommission({ type: 'percent', rateBps: 10_000 }, 0)).toBe(0);
  });

  it('flat: the same amount whatever the sale', () => {
    expect(computeCommission({ type: 'flat', amount: 500 }, 1)).toBe(500);
    expect(computeCommission({ type: 'flat', amount: 500 }, 0)).toBe(500);
    expect(computeCommission({ type: 'flat', amount: 500 }, 9_999_999)).toBe(500);
  });

  it('tiered by conversions: `from: 10` means the 11th conversion', () => {
    const at = (conversions: number) => computeCommission(byConversions, 10_000, { conversions, sales: 0 });
    expect(at(0)).toBe(1_000);
    expect(at(9)).toBe(1_000); // the 10th conversion
    expect(at(10)).toBe(1_500); // the 11th
    expect(at(24)).toBe(1_500);
    expect(at(25)).toBe(5_000); // the 26th: flat
    expect(at(1_000)).toBe(5_000);
    expect(computeCommission(byConversions, 10_000)).toBe(1_000); // no progress given
  });

  it('tiered by sales: the tier is reached when earlier sales equal the threshold', () => {
    const at = (sales: number) => computeCommission(bySales, 1, { conversions: 99, sales });
    expect(at(0)).toBe(500);
    expect(at(99_999)).toBe(500);
    expect(at(100_000)).toBe(800);
    expect(at(100_001)).toBe(800);
  });

  it('refuses negative or unsafe sale amounts', () => {
    expect(() => computeCommission({ type: 'flat', amount: 1 }, -1)).toThrow(RangeError);
    expect(() => computeCommission({ type: 'percent', rateBps: 1 }, 1.5)).toThrow(RangeError);
    expect(() => computeCommission({ type: 'percent', rateBps: 1 }, 2 ** 53)).toThrow(RangeError);
  });

  it('is exact for huge sales', () => {
    expect(computeCommission({ type: 'percent', rateBps: 5_000 }, Number.MAX_SAFE_INTEGER)).toBe(
      4_503_599_627_370_496,
    );
  });
});

describe('tierIndex', () => {
  it('picks the highest tier reached, by the structure’s basis', () => {
    expect(tierIndex(byConversions, { conversions: 9, sales: 1e9 })).toBe(0);
    expect(tierIndex(byConversions, { conversions: 10, sales: 0 })).toBe(1);
    expect(tierIndex(byConversions, { conversions: 25, sales: 0 })).toBe(2);
    expect(tierIndex(bySales, { conversions: 1e6, sales: 99_999 })).toBe(0);
    expect(tierIndex(bySales, { conversions: 0, sales: 100_000 })).toBe(1);
  });
});
