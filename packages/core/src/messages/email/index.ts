import { languages, type Language } from '../keys.js';
import { deEmail } from './de.js';
import { enEmail } from './en.js';
import { esEmail } from './es.js';
import { frEmail } from './fr.js';
import type { EmailWords } from './keys.js';
import { ptEmail } from './pt.js';

export * from './keys.js';
export { deEmail, enEmail, esEmail, frEmail, ptEmail };

const byLanguage: Record<Language, EmailWords> = { en: enEmail, de: deEmail, es: esEmail, fr: frEmail, pt: ptEmail };

/** The email words of a BCP 47 tag's built-in language (English when none is built in). */
export function emailWordsFor(tag: string): EmailWords & { language: Language } {
  const primary = tag.split('-')[0]!.toLowerCase() as Language;
  const language = languages.includes(primary) ? primary : 'en';
  return { ...byLanguage[language], language };
}

/** Fills `{0}`, `{1}`, … of a message with `args`, as they are. */
export function fillWords(message: string, ...args: string[]): string {
  return message.replace(/\{(\d)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
}
