export { computeCommission, tierIndex, noProgress } from './compute.js';
export type { TierProgress } from './compute.js';
export {
  describeCommission,
  describeTiers,
  describeHoldPeriod,
  describeNextTier,
  describeTerms,
  formatRate,
} from './describe.js';
export type { OfferTerms, TierDescription } from './describe.js';
export { periodStart, periodEnd } from './period.js';
