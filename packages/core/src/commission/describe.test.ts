import { describe, expect, it } from 'vitest';
import type { TieredCommission } from '../schemas/commission.js';
import { describeCommission, describeHoldPeriod, describeNextTier, describeTerms, describeTiers, formatRate } from './describe.js';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('describeCommission', () => {
  it('percent and flat in one phrase', () => {
    expect(describeCommission({ type: 'percent', rateBps: 1_000 }, 'USD')).toBe('10% of every sale');
    expect(describeCommission({ type: 'percent', rateBps: 1_050 }, 'USD')).toBe('10.5% of every sale');
    expect(describeCommission({ type: 'percent', rateBps: 1 }, 'USD')).toBe('0.01% of every sale');
    expect(describeCommission({ type: 'flat', amount: 500 }, 'USD')).toBe('$5.00 per order');
    expect(describeCommission({ type: 'flat', amount: 500 }, 'JPY')).toBe('¥500 per order');
    expect(plain(describeCommission({ type: 'flat', amount: 500 }, 'EUR', 'de-DE'))).toBe('5,00 € pro Bestellung');
  });

  it('tiered by conversions names the order that reaches the top tier', () => {
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
      '10% of every sale, rising to $20.00 per order from order 11 this month',
    );
    expect(describeCommission(tiered(1, 'year'), 'USD')).toMatch(/from order 2 this year$/);
    expect(describeCommission(tiered(2, 'quarter'), 'USD')).toMatch(/from order 3 this quarter$/);
    expect(describeCommission(tiered(20, 'lifetime'), 'USD')).toMatch(/from order 21 in total$/);
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
      { range: 'Orders 11 this month', rate: '12.5% of every sale' },
      { range: 'Orders 12–25 this month', rate: '15% of every sale' },
      { range: 'Orders 26+ this month', rate: '$50.00 per order' },
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
      { range: 'Sales ¥0–¥100,000 this year', rate: '5% of every sale' },
      { range: 'Sales ¥100,000–¥1,000,000 this year', rate: '7% of every sale' },
      { range: 'Sales ¥1,000,000+ this year', rate: '¥10,000 per order' },
    ]);
    expect(describeTiers(structure, 'USD')[1]).toEqual({
      range: 'Sales $1,000.00–$10,000.00 this year',
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

describe('in the reader’s language', () => {
  const byOrders: TieredCommission = {
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
      { from: 100_000, commission: { type: 'percent', rateBps: 1_250 } },
    ],
  };

  it('words the structure, the tiers and the hold period from the language’s catalog', () => {
    expect(plain(describeCommission(bySales, 'EUR', 'de-DE'))).toBe('5,00 € pro Bestellung, ab 1.000,00 € Umsatz dieses Quartal: 12,5 % je Verkauf');
    expect(describeTiers(bySales, 'EUR', 'de-DE').map((t) => plain(t.range))).toEqual([
      'Umsatz 0,00 €–1.000,00 € dieses Quartal',
      'Umsatz 1.000,00 €+ dieses Quartal',
    ]);
    expect(describeHoldPeriod(1, 'de-DE')).toBe('Provisionen werden 1 Tag nach dem Verkauf bestätigt.');
    expect(plain(describeCommission(byOrders, 'EUR', 'fr-FR'))).toBe('10 % de chaque vente, puis 50,00 € par commande dès la commande 26 ce mois-ci');
    expect(describeTiers(byOrders, 'EUR', 'es-ES').map((t) => plain(`${t.range}: ${t.rate}`))[0]).toBe('Pedidos 1–10 este mes: 10 % de cada venta');
    expect(describeTiers({ ...byOrders, period: 'lifetime' }, 'BRL', 'pt-BR')[2]!.range).toBe('Pedidos 26+ no total');
    expect(describeHoldPeriod(30, 'pt-BR')).toBe('As comissões são aprovadas 30 dias após a venda.');
  });

  it('reads English with the tag’s own formats when no language is built in, and any tag is safe', () => {
    expect(plain(describeCommission({ type: 'flat', amount: 123_450 }, 'EUR', 'it-IT'))).toBe('1234,50 € per order');
    expect(describeCommission({ type: 'flat', amount: 500 }, 'USD', 'xx-invalid-tag-')).toBe('$5.00 per order');
  });

  it('says how far the next tier is, in orders or in sales, and nothing in the top tier', () => {
    expect(describeNextTier(byOrders, 'USD', { conversions: 7, sales: 0 })).toBe('3 more orders to reach the next tier');
    expect(describeNextTier(byOrders, 'USD', { conversions: 24, sales: 0 })).toBe('1 more order to reach the next tier');
    expect(describeNextTier(byOrders, 'USD', { conversions: 10, sales: 0 })).toBe('15 more orders to reach the next tier');
    expect(describeNextTier(byOrders, 'USD', { conversions: 30, sales: 0 })).toBeNull();
    expect(describeNextTier(bySales, 'USD', { conversions: 3, sales: 88_000 })).toBe('$120.00 more in sales to reach the next tier');
    expect(describeNextTier(byOrders, 'EUR', { conversions: 9, sales: 0 }, 'de-DE')).toBe('Noch 1 Bestellung bis zur nächsten Stufe');
    expect(plain(describeNextTier(bySales, 'EUR', { conversions: 0, sales: 0 }, 'fr-FR')!)).toBe('Encore 1 000,00 € de ventes pour atteindre le palier suivant');
  });

  it('gives the first screen its terms: sentences, tiers, the current tier and the way to the next', () => {
    const terms = describeTerms({ commission: byOrders, currency: 'USD', holdDays: 30 }, { conversions: 12, sales: 0 });
    expect(terms).toEqual({
      summary: '10% of every sale, rising to $50.00 per order from order 26 this month',
      holdPeriod: 'Commissions are approved 30 days after the sale.',
      tiers: describeTiers(byOrders, 'USD'),
      currentTier: 1,
      nextTier: '13 more orders to reach the next tier',
    });
    const es = describeTerms({ commission: { type: 'percent', rateBps: 800 }, currency: 'USD', holdDays: 0 }, { conversions: 0, sales: 0 }, 'es');
    expect({ ...es, summary: plain(es.summary) }).toEqual({
      summary: '8 % de cada venta',
      holdPeriod: 'Las comisiones se aprueban al confirmarse la venta.',
      tiers: null,
      currentTier: null,
      nextTier: null,
    });
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
