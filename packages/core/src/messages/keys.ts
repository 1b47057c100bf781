/**
 * Every message of the dashboard, by key. A language module (`en.ts`, `es.ts`, …) gives each
 * one its words; `{0}`, `{1}`, … are filled in by the widget (`fill`).
 */
export const messageKeys = [
  'loading', 'loadFailed', 'network', 'originNotAllowed', 'notFound', 'badLink', 'inactive', 'rateLimited',
  'serverError', 'failed', 'expiredTitle', 'expired', 'retry', 'share', 'sharingPaused', 'code', 'link',
  'copy', 'copied', 'copyFailed', 'terms', 'yourTier', 'clicks', 'conversions', 'sales',
  'earned', 'paid', 'balance', 'overTime', 'stillPending', 'reversedAfterPayout', 'notYetPaid',
  'date', 'order', 'sale', 'commission', 'status', 'all', 'pending', 'approved',
  'rejected', 'reversed', 'until', 'noConversions', 'firstConversion', 'more',
  'payments', 'amount', 'method', 'download', 'reference', 'noPayments', 'nextPayout', 'toMinimum', 'paidOutHere',
  'forMember', 'active', 'paused', 'ended', 'payoutFrom', 'nothingToPay', 'showing', 'allDates',
  'noConversionsInPeriod', 'noneWithStatus', 'loadedMore', 'atCheckout', 'endedOn',
] as const;
export type MessageKey = (typeof messageKeys)[number];
export type Messages = Record<MessageKey, string>;

/**
 * What the dashboard may say before its first screen arrives (loading, and every error it can
 * stop at): the widget carries these in every language, the rest arrive with the first screen.
 */
export const earlyKeys = [
  'loading', 'loadFailed', 'network', 'originNotAllowed', 'notFound', 'badLink', 'inactive', 'rateLimited',
  'serverError', 'failed', 'expiredTitle', 'expired', 'retry',
] as const satisfies readonly MessageKey[];
export type EarlyKey = (typeof earlyKeys)[number];
export type EarlyMessages = Pick<Messages, EarlyKey>;

/**
 * The words of an offer's terms (its commission structure, tiers, hold period and the way to
 * the next tier). The server words the terms with them; the widget only shows the sentences.
 */
export const termKeys = [
  'percent', 'flat', 'risingOrders', 'risingSales', 'ordersTier', 'salesTier', 'lifetime', 'hold',
  'holdNone', 'nextTierOrder', 'nextTierOrders', 'nextTierSales',
] as const;
export type TermKey = (typeof termKeys)[number];
export type TermMessages = Record<TermKey, string>;

/** The built-in languages; `pt` is Brazilian Portuguese. Any other language reads English. */
export const languages = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type Language = (typeof languages)[number];
