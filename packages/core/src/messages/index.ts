import { de, deTerms } from './de.js';
import { en, enTerms } from './en.js';
import { es, esTerms } from './es.js';
import { fr, frTerms } from './fr.js';
import { languages, type Language, type Messages, type TermMessages } from './keys.js';
import { pt, ptTerms } from './pt.js';
import type { DashboardMessages } from '../schemas/dashboard.js';

export * from './keys.js';
export * from './email/index.js';
export { de, deEarly, deTerms } from './de.js';
export { en, enEarly, enTerms } from './en.js';
export { es, esEarly, esTerms } from './es.js';
export { fr, frEarly, frTerms } from './fr.js';
export { pt, ptEarly, ptTerms } from './pt.js';

/** The built-in language a BCP 47 tag reads, by its primary subtag (`de-AT` → `de`); else `en`. */
export function messageLanguage(tag: string): Language {
  const primary = tag.split('-')[0]!.toLowerCase() as Language;
  return languages.includes(primary) ? primary : 'en';
}

/** Every word of the dashboard in the language of a BCP 47 tag (English when none is built in). */
export function messagesFor(tag: string): Messages {
  return { en, es, fr, de, pt }[messageLanguage(tag)];
}

/** The words of an offer's terms in the language of a BCP 47 tag (English when none is built in). */
export function termsFor(tag: string): TermMessages {
  return { en: enTerms, es: esTerms, fr: frTerms, de: deTerms, pt: ptTerms }[messageLanguage(tag)];
}

/** Puts values in a message's `{0}`, `{1}`, … */
export function fill(message: string, ...values: (string | number)[]): string {
  return message.replace(/\{(\d)\}/g, (_, i: string) => String(values[+i]));
}

/**
 * The words the dashboard's first screen carries for a reader's tag: every message of its
 * language (English for languages not built in). The widget itself carries only what it shows
 * before the first screen arrives.
 */
export function dashboardMessages(tag: string | undefined): DashboardMessages {
  const locale = messageLanguage(tag ?? 'en');
  return { locale, words: messagesFor(locale) };
}
