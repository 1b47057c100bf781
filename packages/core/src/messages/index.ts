import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { languages, type Language, type Messages } from './keys.js';
import { pt } from './pt.js';
import type { DashboardMessages } from '../schemas/dashboard.js';

export * from './keys.js';
export * from './email/index.js';
export { de, deEarly } from './de.js';
export { en, enEarly } from './en.js';
export { es, esEarly } from './es.js';
export { fr, frEarly } from './fr.js';
export { pt, ptEarly } from './pt.js';

/** The built-in language a BCP 47 tag reads, by its primary subtag (`de-AT` → `de`); else `en`. */
export function messageLanguage(tag: string): Language {
  const primary = tag.split('-')[0]!.toLowerCase() as Language;
  return languages.includes(primary) ? primary : 'en';
}

/** Every word of the dashboard in the language of a BCP 47 tag (English when none is built in). */
export function messagesFor(tag: string): Messages {
  return { en, es, fr, de, pt }[messageLanguage(tag)];
}

/**
 * The words the dashboard's first screen carries for a reader's tag: the whole language, or
 * undefined for English and languages not built in (the widget carries English itself).
 */
export function dashboardMessages(tag: string | undefined): DashboardMessages | undefined {
  const locale = messageLanguage(tag ?? 'en');
  return locale === 'en' ? undefined : { locale, words: messagesFor(locale) };
}
