import type { DashboardMessages, Money } from '@affdash/core';
import { messageLanguage } from '@affdash/core/messages';
import { messagesFor, type Messages } from './messages/index.js';

/**
 * Everything language-dependent in one place: the words (`m`) and Intl formatting of money
 * from integer minor units, dates, counts, rates and days. Each Intl formatter is built once.
 */
export class Formatter {
  /** The BCP 47 tag in use (the runtime's default when Intl refused the one asked for). */
  readonly locale: string;
  readonly m: Messages;
  readonly #cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

  /**
   * `words` are those the first screen brought. In another language than the locale's (while
   * the first screen is loaded again in the new one) the widget's own go over them.
   */
  constructor(locale?: string, words?: DashboardMessages) {
    this.locale = supportedLocale(locale) ?? new Intl.NumberFormat().resolvedOptions().locale;
    this.m = words?.locale === messageLanguage(this.locale) ? words.words : { ...words?.words, ...messagesFor(this.locale) };
  }

  /** `{ amount: 123450, currency: 'USD' }` → "$1,234.50" (in the locale's way). */
  money({ amount, currency }: Money): string {
    const nf = this.#number(currency, { style: 'currency', currency });
    return nf.format(amount / 10 ** (nf.resolvedOptions().maximumFractionDigits ?? 2));
  }

  /** A count with grouping: 12345 → "12,345". */
  count(n: number): string {
    return this.#number('n', {}).format(n);
  }

  /** Basis points as a percentage: 1050 → "10.5%". */
  percent(bps: number): string {
    return this.#number('%', { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
  }

  /** A number of days in words: 1 → "1 day", 30 → "30 Tage". */
  days(n: number): string {
    return this.#number('d', { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(n);
  }

  /** A calendar date in the reader's time zone: "Nov 25, 2026". */
  date(iso: string): string {
    let df = this.#cache.get('date') as Intl.DateTimeFormat | undefined;
    if (!df) this.#cache.set('date', (df = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' })));
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : df.format(d);
  }

  /** A UTC day, "2026-11-20" → "Nov 20, 2026"; with `to`, the range: "Nov 1 – 30, 2026". */
  day(from: string, to?: string): string {
    let df = this.#cache.get('day') as Intl.DateTimeFormat | undefined;
    if (!df) this.#cache.set('day', (df = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' })));
    return to ? df.formatRange(new Date(from), new Date(to)) : df.format(new Date(from));
  }

  #number(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let nf = this.#cache.get(key) as Intl.NumberFormat | undefined;
    if (!nf) this.#cache.set(key, (nf = new Intl.NumberFormat(this.locale, options)));
    return nf;
  }
}

/** The locale if Intl accepts it, else undefined. */
function supportedLocale(locale: string | undefined): string | undefined {
  try {
    return locale ? Intl.NumberFormat.supportedLocalesOf(locale)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** "bank_transfer" → "Bank transfer"; anything already cased ("PayPal") stays as it is. */
export function humanize(word: string): string {
  return /^[a-z][\w-]*$/.test(word) ? word[0]!.toUpperCase() + word.slice(1).replace(/[_-]+/g, ' ') : word;
}
