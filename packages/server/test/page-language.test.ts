import { describe, expect, it } from 'vitest';
import { acceptedLanguage, builtInLanguage, pageLanguage, textDirection } from '../src/pages/language.js';

describe('the reader’s language', () => {
  it('reads a built-in language from a tag by its primary subtag', () => {
    expect(builtInLanguage('de-AT')).toBe('de');
    expect(builtInLanguage('PT_br')).toBe('pt');
    expect(builtInLanguage('it')).toBeNull();
    expect(builtInLanguage('')).toBeNull();
    expect(builtInLanguage(undefined)).toBeNull();
  });

  it('negotiates Accept-Language by weight, passing over languages not built in', () => {
    expect(acceptedLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(acceptedLanguage('it-IT, it;q=0.9, fr;q=0.5, en;q=0.4')).toBe('fr');
    expect(acceptedLanguage('en;q=0.2, es;q=0.7')).toBe('es');
    expect(acceptedLanguage('fr;q=0, pt')).toBe('pt');
    expect(acceptedLanguage('*')).toBeNull();
    expect(acceptedLanguage('ja, zh')).toBeNull();
    expect(acceptedLanguage(undefined)).toBeNull();
    expect(acceptedLanguage('de;q=abc, es')).toBe('es');
  });

  it('prefers ?locale=, then the member, then the browser, then the brand, then English', () => {
    const all = { query: 'fr', member: 'pt', acceptLanguage: 'de', brandDefault: 'es' } as const;
    expect(pageLanguage(all)).toBe('fr');
    expect(pageLanguage({ ...all, query: 'klingon' })).toBe('pt');
    expect(pageLanguage({ ...all, query: undefined, member: null })).toBe('de');
    expect(pageLanguage({ acceptLanguage: 'ja', brandDefault: 'es' })).toBe('es');
    expect(pageLanguage({})).toBe('en');
  });

  it('knows the direction of a language', () => {
    expect(textDirection('de')).toBe('ltr');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
  });
});
