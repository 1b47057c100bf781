import type { DashboardErrorDetail } from '../api.js';
import catalog from './catalog.js';

/** The languages the dashboard speaks, in the catalog's column order; `pt` is Brazilian Portuguese. */
export const languages = ['en', 'es', 'fr', 'de', 'pt'] as const;

export type MessageKey =
  | 'loading' | 'loadFailed' | 'network' | 'notFound' | 'badLink' | 'inactive' | 'rateLimited'
  | 'serverError' | 'failed' | 'expiredTitle' | 'expired' | 'retry' | 'share' | 'code' | 'link'
  | 'copy' | 'copied' | 'copyFailed' | 'terms' | 'yourTier' | 'clicks' | 'conversions' | 'sales'
  | 'expected' | 'paid' | 'balance' | 'stillPending' | 'reversedAfterPayout' | 'notYetPaid'
  | 'date' | 'order' | 'sale' | 'commission' | 'status' | 'all' | 'pending' | 'approved'
  | 'rejected' | 'reversed' | 'until' | 'noConversions' | 'firstConversion' | 'more'
  | 'payments' | 'amount' | 'method' | 'reference' | 'noPayments' | 'nextPayout' | 'paidOutHere'
  | 'forMember' | 'active' | 'paused' | 'ended' | 'percent' | 'flat' | 'risingOrders' | 'risingSales'
  | 'ordersTier' | 'salesTier' | 'lifetime' | 'hold' | 'holdNone';
export type Messages = Record<MessageKey, string>;

const rows = catalog.trim().split('\n').map((line) => line.split('|'));
const built: Messages[] = [];

/** The words for a BCP 47 tag by its language (`de-AT` → German); English when there are none. */
export function messagesFor(tag: string): Messages {
  const column = Math.max(languages.indexOf(tag.split('-')[0]!.toLowerCase() as 'en'), 0) + 1;
  return (built[column] ??= Object.fromEntries(rows.map((row) => [row[0], row[column] ?? row[1]])) as Messages);
}

/** Puts values in a message's `{0}`, `{1}`, … */
export function fill(message: string, ...values: (string | number)[]): string {
  return message.replace(/\{(\d)\}/g, (_, i: string) => String(values[+i]));
}

/** A sentence a member can act on, for an error the dashboard could not get past. */
export function errorMessage(m: Messages, { status, code }: DashboardErrorDetail): string {
  switch (code) {
    case 'network_error':
      return m.network;
    case 'not_found':
      return m.notFound;
    case 'unauthorized':
    case 'invalid_token':
    case 'missing_token':
      return m.badLink;
    case 'enrollment_inactive':
      return m.inactive;
    case 'rate_limited':
      return m.rateLimited;
  }
  return status >= 500 ? m.serverError : m.failed;
}
