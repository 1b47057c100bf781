import { describe, expect, it } from 'vitest';
import { formattingLocale, numberFormat, pluralRules, relativeTimeFormat } from './intl.js';

describe('reused Intl formatters', () => {
  it('gives the same formatter for the same locale and options, another for others', () => {
    const percent = numberFormat('de-DE', { style: 'percent' });
    expect(numberFormat('de-DE', { style: 'percent' })).toBe(percent);
    expect(numberFormat('fr-FR', { style: 'percent' })).not.toBe(percent);
    expect(numberFormat('de-DE', { style: 'percent', maximumFractionDigits: 2 })).not.toBe(percent);
    expect(percent.format(0.105)).toMatch(/^11\s%$/); // a no-break space before %
    expect(relativeTimeFormat('es', { numeric: 'auto' }).format(0, 'month')).toBe('este mes');
    expect(pluralRules('en')).toBe(pluralRules('en'));
  });

  it('answers en-US for a tag Intl cannot format in, and keeps a known one', () => {
    expect(formattingLocale('not a tag!')).toBe('en-US');
    expect(formattingLocale('pt-BR')).toBe('pt-BR');
  });

  it('stays bounded under many distinct tags and still formats right', () => {
    for (let i = 0; i < 2000; i++) numberFormat(`en-US-u-nu-latn-x-r${i}`);
    expect(numberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(12.5)).toBe('€12.50');
  });
});
