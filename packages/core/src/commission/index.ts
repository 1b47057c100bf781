export { computeCommission, tierIndex, noProgress } from './compute.js';
export type { TierProgress } from './compute.js';
export {
  describeCommission,
  describeTiers,
  describeHoldPeriod,
  formatRate,
} from './describe.js';
export type { TierDescription } from './describe.js';
export { periodStart, periodEnd } from './period.js';
