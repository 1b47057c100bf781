/**
 * Intl formatters, made once per locale and options and then reused: making one costs far
 * more than formatting with it. Locale tags come from readers (`Accept-Language`, `?locale=`),
 * so the cache is bounded: when full, it starts over.
 */
const made = new Map<string, unknown>();
const KEPT = 512;

function reuse<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) {
    if (made.size >= KEPT) made.clear();
    value = make();
    made.set(key, value);
  }
  return value;
}

/** `new Intl.NumberFormat(locale, options)`, reused. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return reuse(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** `new Intl.RelativeTimeFormat(locale, options)`, reused. */
export function relativeTimeFormat(locale: string, options: Intl.RelativeTimeFormatOptions = {}): Intl.RelativeTimeFormat {
  return reuse(`relative ${locale} ${JSON.stringify(options)}`, () => new Intl.RelativeTimeFormat(locale, options));
}

/** `new Intl.PluralRules(locale)`, reused. */
export function pluralRules(locale: string): Intl.PluralRules {
  return reuse(`plural ${locale}`, () => new Intl.PluralRules(locale));
}

/** The tag if Intl formats in it, else `en-US`: a reader's tag may name anything. */
export function formattingLocale(tag: string): string {
  return reuse(`locale ${tag}`, () => {
    try {
      return Intl.NumberFormat.supportedLocalesOf(tag)[0] ?? 'en-US';
    } catch {
      return 'en-US';
    }
  });
}
