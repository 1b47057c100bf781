import type { Money } from '@affdash/core';

/**
 * Locale-aware formatting for the dashboard: money from integer minor units, dates, counts.
 * Formatters are costly to build, so each (locale, options) pair is built once.
 */
export class Formatter {
  readonly #locale: string | undefined;
  readonly #cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

  constructor(locale?: string) {
    this.#locale = supportedLocale(locale);
  }

  /** `{ amount: 123450, currency: 'USD' }` → "$1,234.50" (in the locale's way). */
  money({ amount, currency }: Money): string {
    const nf = this.#number(`c:${currency}`, { style: 'currency', currency });
    const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
    return nf.format(amount / 10 ** digits);
  }

  /** A count with grouping: 12345 → "12,345". */
  count(n: number): string {
    return this.#number('n', {}).format(n);
  }

  /** A calendar date in the reader's time zone: "Nov 25, 2026". */
  date(iso: string): string {
    let df = this.#cache.get('d') as Intl.DateTimeFormat | undefined;
    if (!df) {
      df = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium' });
      this.#cache.set('d', df);
    }
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : df.format(d);
  }

  #number(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let nf = this.#cache.get(key) as Intl.NumberFormat | undefined;
    if (!nf) {
      nf = new Intl.NumberFormat(this.#locale, options);
      this.#cache.set(key, nf);
    }
    return nf;
  }
}

/** The locale if Intl accepts it, else undefined (the runtime's default). */
function supportedLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale)[0];
  } catch {
    return undefined;
  }
}

/** "bank_transfer" → "Bank transfer"; anything already cased ("PayPal") stays as it is. */
export function humanize(word: string): string {
  if (!/^[a-z][a-z0-9_-]*$/.test(word)) return word;
  const spaced = word.replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
