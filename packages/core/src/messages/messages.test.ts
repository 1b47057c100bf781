import { describe, expect, it } from 'vitest';
import { DashboardMessages } from '../schemas/dashboard.js';
import { dashboardMessages, earlyKeys, en, enTerms, fill, languages, messageKeys, messageLanguage, messagesFor, termKeys, termsFor } from './index.js';

const placeholders = (text: string) => (text.match(/\{\d\}/g) ?? []).sort().join();

describe('messages', () => {
  it('has every message in every language, with the same placeholders as the English', () => {
    for (const lang of languages) {
      const m = messagesFor(lang);
      expect(Object.keys(m), lang).toEqual([...messageKeys]);
      for (const key of messageKeys) {
        expect(m[key], `${lang} ${key}`).not.toBe('');
        expect(placeholders(m[key]), `${lang} ${key}`).toBe(placeholders(en[key]));
      }
    }
    expect(earlyKeys.every((key) => messageKeys.includes(key))).toBe(true);
  });

  it('has the words of the terms in every language, apart from the dashboard’s', () => {
    for (const lang of languages) {
      const t = termsFor(lang);
      expect(Object.keys(t), lang).toEqual([...termKeys]);
      for (const key of termKeys) expect(placeholders(t[key]), `${lang} ${key}`).toBe(placeholders(enTerms[key]));
    }
    expect(termKeys.some((key) => key in en)).toBe(false);
    expect(Object.keys(dashboardMessages('fr').words)).toEqual([...messageKeys]);
    expect(fill('{1} and {0}', 'a', 2)).toBe('2 and a');
  });

  it('picks the language by the tag’s primary subtag, English when none is built in', () => {
    expect(messageLanguage('de-AT')).toBe('de');
    expect(messageLanguage('PT-br')).toBe('pt');
    expect(messageLanguage('it-IT')).toBe('en');
    expect(messagesFor('es-MX').share).toBe('Compartir');
    expect(messagesFor('nl').share).toBe('Share');
  });

  it('gives the first screen a language’s words, English for English or another language', () => {
    const de = dashboardMessages('de-DE');
    expect(de.locale).toBe('de');
    expect(de.words.share).toBe('Teilen');
    expect(DashboardMessages.parse(de)).toEqual(de);
    for (const tag of ['en', 'en-GB', 'it', undefined]) expect(dashboardMessages(tag)).toEqual({ locale: 'en', words: en });
  });
});
