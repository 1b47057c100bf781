import type { Language } from '@affdash/core';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { PageWords } from './keys.js';
import { pt } from './pt.js';

export type { PageWords };

const words: Record<Language, PageWords> = { en, de, es, fr, pt };

/** The words of the server's pages in a built-in language. */
export function pageWords(language: Language): PageWords {
  return words[language];
}

/** Fills `{name}` slots; an unknown slot stays as written. */
export function fillWords(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
