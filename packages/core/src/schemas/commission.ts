import { z } from 'zod';
import { MAX_AMOUNT, MinorUnits } from './common.js';

/** A percentage of the sale amount, in basis points (1 000 = 10 %). */
export const PercentCommission = z.object({
  type: z.literal('percent'),
  rateBps: z.number().int().min(1).max(10_000),
});
export type PercentCommission = z.infer<typeof PercentCommission>;

/** A fixed amount per conversion, in the offer's currency. */
export const FlatCommission = z.object({
  type: z.literal('flat'),
  amount: MinorUnits.min(1, 'a flat commission must be at least one minor unit'),
});
export type FlatCommission = z.infer<typeof FlatCommission>;

export const TierCommission = z.discriminatedUnion('type', [PercentCommission, FlatCommission]);
export type TierCommission = z.infer<typeof TierCommission>;

export const TierBasis = z.enum(['conversions', 'sales']);
export type TierBasis = z.infer<typeof TierBasis>;

export const TierPeriod = z.enum(['month', 'quarter', 'year', 'lifetime']);
export type TierPeriod = z.infer<typeof TierPeriod>;

/**
 * One tier: it applies once the member's earlier conversions in the period (count, or sales in
 * minor units, by the structure's basis) reach `from`. The first tier starts at 0.
 */
export const Tier = z.object({
  from: z.number().int().min(0).max(MAX_AMOUNT, `a tier starts at most at ${MAX_AMOUNT}`),
  commission: TierCommission,
});
export type Tier = z.infer<typeof Tier>;

export const TieredCommission = z.object({
  type: z.literal('tiered'),
  basis: TierBasis,
  period: TierPeriod,
  tiers: z
    .array(Tier)
    .min(2, 'a tiered structure needs at least two tiers')
    .max(10, 'at most 10 tiers')
    .refine((tiers) => tiers[0]?.from === 0, 'the first tier must start at 0')
    .refine(
      (tiers) => tiers.every((t, i) => i === 0 || t.from > tiers[i - 1]!.from),
      'tier thresholds must increase strictly',
    ),
});
export type TieredCommission = z.infer<typeof TieredCommission>;

export const CommissionStructure = z.discriminatedUnion('type', [
  PercentCommission,
  FlatCommission,
  TieredCommission,
]);
export type CommissionStructure = z.infer<typeof CommissionStructure>;
