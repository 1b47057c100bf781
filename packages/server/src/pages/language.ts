import { languages, type Language } from '@affdash/core';

/** The built-in language a BCP 47 tag names by its primary subtag (`de-AT` → `de`), or null. */
export function builtInLanguage(tag: string | null | undefined): Language | null {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
  return (languages as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/**
 * The first built-in language of an `Accept-Language` header, by its weights (`q`), ties in
 * the order given; `*` and languages not built in are passed over. Null when none matches.
 */
export function acceptedLanguage(header: string | null | undefined): Language | null {
  const ranges = (header ?? '')
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const language = builtInLanguage(range.tag);
    if (language) return language;
  }
  return null;
}

/** What a page's language is chosen from, most specific first. */
export interface LanguageChoice {
  /** `?locale=`: the reader switched. */
  query?: string | undefined;
  /** The member's own language, when the brand recorded one. */
  member?: string | null | undefined;
  /** The browser's `Accept-Language`. */
  acceptLanguage?: string | null | undefined;
  /** The brand profile's `defaultLocale`. */
  brandDefault?: Language | undefined;
}

/** The reader's language: `?locale=`, else the member's, else the browser's, else the brand's, else English. */
export function pageLanguage(choice: LanguageChoice): Language {
  return (
    builtInLanguage(choice.query) ??
    builtInLanguage(choice.member) ??
    acceptedLanguage(choice.acceptLanguage) ??
    choice.brandDefault ??
    'en'
  );
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);

/** The text direction of a language (all five built in read left to right). */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
