import { numberFormat } from './intl.js';

/**
 * Money is an integer count of a currency's minor units (cents for USD, yen for JPY)
 * with an ISO 4217 currency code. Never a float.
 */
export interface Money {
  /** Integer minor units. */
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (USD 2, JPY 0, KWD 3), from Intl. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** The currencies Intl knows, read once (undefined where the runtime cannot list them). */
const knownCurrencies: ReadonlySet<string> | undefined = (() => {
  const list = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency');
  return list && new Set(list);
})();

/** True when the code is a currency Intl knows (a well-formed ISO 4217 code). */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (knownCurrencies) return knownCurrencies.has(code);
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Formats money for people, e.g. `$1,234.50` or `1.234,50 €`. */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const digits = minorUnitDigits(money.currency);
  return numberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount / 10 ** digits);
}

/**
 * `amount × rateBps / 10 000`, rounded half up to a whole minor unit, computed exactly
 * (BigInt), so that 0.5 of a cent always rounds the same way whatever the size of the amount.
 */
export function applyBasisPoints(amount: number, rateBps: number): number {
  assertMinorUnits(amount);
  if (!Number.isInteger(rateBps)) throw new RangeError(`rate must be whole basis points: ${rateBps}`);
  const product = BigInt(amount) * BigInt(rateBps);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  const rounded = (abs + 5_000n) / 10_000n;
  return Number(rounded * sign);
}

/** Sum of amounts of one currency. Throws on a currency mismatch. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let amount = 0;
  for (const item of items) {
    if (item.currency !== currency) {
      throw new RangeError(`cannot add ${item.currency} to ${currency}`);
    }
    amount += item.amount;
  }
  assertMinorUnits(amount);
  return { amount, currency };
}

/** Throws unless the value is a safe integer of minor units. */
export function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`money must be a safe integer of minor units: ${amount}`);
  }
}
