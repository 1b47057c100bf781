import { describe, expect, it } from 'vitest';
import { DashboardMessages } from '../schemas/dashboard.js';
import {
  dashboardMessages,
  earlyKeys,
  emailWordKeys,
  emailWordsFor,
  en,
  enTerms,
  fill,
  fillWords,
  languages,
  messageKeys,
  messageLanguage,
  messagesFor,
  termKeys,
  termsFor,
} from './index.js';

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

describe('email words', () => {
  it('has every email word and both default templates in every language, with the same placeholders', () => {
    const names = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort().join();
    const english = emailWordsFor('en');
    for (const lang of languages) {
      const w = emailWordsFor(lang);
      expect(w.language).toBe(lang);
      expect(Object.keys(w.words), lang).toEqual([...emailWordKeys]);
      for (const key of emailWordKeys) {
        expect(w.words[key], `${lang} ${key}`).not.toBe('');
        expect(placeholders(w.words[key]), `${lang} ${key}`).toBe(placeholders(english.words[key]));
      }
      for (const kind of ['tracking_items', 'members_message'] as const) {
        for (const part of ['subject', 'body'] as const) {
          expect(names(w.templates[kind][part]), `${lang} ${kind} ${part}`).toBe(names(english.templates[kind][part]));
        }
      }
    }
    expect(emailWordsFor('de-AT').words.button).toBe('Dashboard öffnen');
    expect(emailWordsFor('it').language).toBe('en');
  });

  it('fills numbered places', () => {
    expect(fillWords('{1} and {0}', 'a', 'b')).toBe('b and a');
    expect(fillWords('{0} {2}', 'a')).toBe('a {2}');
  });
});
