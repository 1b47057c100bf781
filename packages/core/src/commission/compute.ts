import type { CommissionStructure, TierCommission, TieredCommission } from '../schemas/commission.js';
import { applyBasisPoints, assertMinorUnits } from '../money.js';

/** The member's earlier conversions in the current tier period. */
export interface TierProgress {
  /** Count of earlier, non-rejected conversions in the period. */
  conversions: number;
  /** Their sales, in the offer's minor units. */
  sales: number;
}

export const noProgress: TierProgress = { conversions: 0, sales: 0 };

/**
 * The commission for one sale, in the offer's minor units, rounded half up to a whole
 * minor unit. `progress` only matters for tiered structures.
 */
export function computeCommission(
  structure: CommissionStructure,
  saleAmount: number,
  progress: TierProgress = noProgress,
): number {
  assertMinorUnits(saleAmount);
  if (saleAmount < 0) throw new RangeError('sale amount must not be negative');
  if (structure.type === 'tiered') {
    return applyTier(structure.tiers[tierIndex(structure, progress)]!.commission, saleAmount);
  }
  return applyTier(structure, saleAmount);
}

function applyTier(commission: TierCommission, saleAmount: number): number {
  return commission.type === 'percent'
    ? applyBasisPoints(saleAmount, commission.rateBps)
    : commission.amount;
}

/** Index of the tier that applies after `progress` (the highest tier whose `from` is reached). */
export function tierIndex(structure: TieredCommission, progress: TierProgress): number {
  const reached = structure.basis === 'conversions' ? progress.conversions : progress.sales;
  let index = 0;
  structure.tiers.forEach((tier, i) => {
    if (reached >= tier.from) index = i;
  });
  return index;
}
