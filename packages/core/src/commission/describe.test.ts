import { describe, expect, it } from 'vitest';
import type { TieredCommission } from '../schemas/commission.js';
import { describeCommission, describeHoldPeriod, describeTiers, formatRate } from './describe.js';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('describeCommission', () => {
  it('percent and flat in one phrase', () => {
    expect(describeCommission({ type: 'percent', rateBps: 1_000 }, 'USD')).toBe('10% of every sale');
    expect(describeCommission({ type: 'percent', rateBps: 1_050 }, 'USD')).toBe('10.5% of every sale');
    expect(describeCommission({ type: 'percent', rateBps: 1 }, 'USD')).toBe('0.01% of every sale');
    expect(describeCommission({ type: 'flat', amount: 500 }, 'USD')).toBe('$5.00 per order');
    expect(describeCommission({ type: 'flat', amount: 500 }, 'JPY')).toBe('¥500 per order');
    expect(plain(describeCommission({ type: 'flat', amount: 500 }, 'EUR', 'de-DE'))).toBe('5,00 € per order');
  });

  it('tiered by conversions names the ordinal order that reaches the top tier', () => {
    const tiered = (from: number, period: TieredCommission['period'] = 'month'): TieredCommission => ({
      type: 'tiered',
      basis: 'conversions',
      period,
      tiers: [
        { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
        { from, commission: { type: 'flat', amount: 2_000 } },
      ],
    });
    expect(describeCommission(tiered(10), 'USD')).toBe(
      '10% of every sale, rising to $20.00 per order from your 11th order this month',
    );
    expect(describeCommission(tiered(0 + 1, 'year'), 'USD')).toMatch(/from your 2nd order this year$/);
    expect(describeCommission(tiered(2, 'quarter'), 'USD')).toMatch(/from your 3rd order this quarter$/);
    expect(describeCommission(tiered(20, 'lifetime'), 'USD')).toMatch(/from your 21st order in total$/);
    expect(describeCommission(tiered(10), 'USD')).toMatch(/11th/);
    expect(describeCommission(tiered(11), 'USD')).toMatch(/12th/);
    expect(describeCommission(tiered(12), 'USD')).toMatch(/13th/);
    expect(describeCommission(tiered(21), 'USD')).toMatch(/22nd/);
  });

  it('tiered by sales names the sales threshold in the currency', () => {
    const bySales: TieredCommission = {
      type: 'tiered',
      basis: 'sales',
      period: 'month',
      tiers: [
        { from: 0, commission: { type: 'flat', amount: 300 } },
        { from: 50_000, commission: { type: 'percent', rateBps: 1_200 } },
      ],
    };
    expect(describeCommission(bySales, 'USD')).toBe(
      '$3.00 per order, rising to 12% of every sale once your sales reach $500.00 this month',
    );
    expect(describeCommission(bySales, 'JPY')).toBe(
      '¥300 per order, rising to 12% of every sale once your sales reach ¥50,000 this month',
    );
  });
});

describe('describeTiers', () => {
  it('by conversions: ranges of orders, a single order, and an open top tier', () => {
    const structure: TieredCommission = {
      type: 'tiered',
      basis: 'conversions',
      period: 'month',
      tiers: [
        { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
        { from: 10, commission: { type: 'percent', rateBps: 1_250 } },
        { from: 11, commission: { type: 'percent', rateBps: 1_500 } },
        { from: 25, commission: { type: 'flat', amount: 5_000 } },
      ],
    };
    expect(describeTiers(structure, 'USD')).toEqual([
      { range: 'Orders 1–10 this month', rate: '10% of every sale' },
      { range: 'Order 11 this month', rate: '12.5% of every sale' },
      { range: 'Orders 12–25 this month', rate: '15% of every sale' },
      { range: 'Order 26 onward this month', rate: '$50.00 per order' },
    ]);
  });

  it('by sales: money ranges, JPY without decimals', () => {
    const structure: TieredCommission = {
      type: 'tiered',
      basis: 'sales',
      period: 'year',
      tiers: [
        { from: 0, commission: { type: 'percent', rateBps: 500 } },
        { from: 100_000, commission: { type: 'percent', rateBps: 700 } },
        { from: 1_000_000, commission: { type: 'flat', amount: 10_000 } },
      ],
    };
    expect(describeTiers(structure, 'JPY')).toEqual([
      { range: 'Sales up to ¥100,000 this year', rate: '5% of every sale' },
      { range: 'Sales from ¥100,000 to ¥1,000,000 this year', rate: '7% of every sale' },
      { range: 'Sales from ¥1,000,000 this year', rate: '¥10,000 per order' },
    ]);
    expect(describeTiers(structure, 'USD')[1]).toEqual({
      range: 'Sales from $1,000.00 to $10,000.00 this year',
      rate: '7% of every sale',
    });
  });
});

describe('describeHoldPeriod', () => {
  it.each([
    [0, 'Commissions are approved as soon as the sale is confirmed.'],
    [1, 'Commissions are approved 1 day after the sale.'],
    [30, 'Commissions are approved 30 days after the sale.'],
    [365, 'Commissions are approved 365 days after the sale.'],
  ])('%i days', (days, text) => {
    expect(describeHoldPeriod(days)).toBe(text);
  });
});

describe('formatRate', () => {
  it('formats basis points as a percentage, localized', () => {
    expect(formatRate(1_000)).toBe('10%');
    expect(formatRate(1_050)).toBe('10.5%');
    expect(formatRate(1_234)).toBe('12.34%');
    expect(formatRate(10_000)).toBe('100%');
    expect(plain(formatRate(1_050, 'de-DE'))).toBe('10,5 %');
  });
});
