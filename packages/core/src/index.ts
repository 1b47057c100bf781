export * from './schemas/common.js';
export * from './schemas/error.js';
export * from './schemas/commission.js';
export * from './schemas/offer.js';
export * from './schemas/member.js';
export * from './schemas/enrollment.js';
export * from './schemas/conversion.js';
export * from './schemas/payment.js';
export * from './schemas/token.js';
export * from './schemas/dashboard.js';
export * from './schemas/embedding.js';
export * from './schemas/brand-profile.js';
export { contrastRatio, MIN_TEXT_CONTRAST, readableTextColor, relativeLuminance } from './color.js';
export * from './schemas/reports.js';
export { nextPayoutAt, payoutRemaining } from './payout.js';
export * from './commission/index.js';
export {
  applyBasisPoints,
  assertMinorUnits,
  formatMoney,
  isKnownCurrency,
  minorUnitDigits,
  sumMoney,
} from './money.js';
export * from './schemas/email.js';
export * from './schemas/bulk-enrollment.js';
export * from './schemas/webhook.js';
export {
  dashboardMessages,
  earlyKeys,
  fill,
  termKeys,
  termsFor,
  type TermKey,
  type TermMessages,
  languages,
  messageKeys,
  messageLanguage,
  messagesFor,
  type EarlyKey,
  type EarlyMessages,
  type Language,
  type MessageKey,
  type Messages,
} from './messages/index.js';
export * from './schemas/brand-session.js';
export * from './schemas/offer-member.js';
