import { describe, expect, it } from 'vitest';
import { AllowedOrigins, parseOrigin } from './embedding.js';

describe('parseOrigin', () => {
  it('normalizes serialized origins as browsers send them', () => {
    expect(parseOrigin('https://Shop.Example:443/')).toBe('https://shop.example');
    expect(parseOrigin('https://shop.example:8443')).toBe('https://shop.example:8443');
    expect(parseOrigin('https://bücher.example')).toBe('https://xn--bcher-kva.example');
    expect(parseOrigin('https://10.0.0.7')).toBe('https://10.0.0.7');
    expect(parseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
  });

  it.each([
    'https://*',
    'https://*.shop.example',
    'https://shop.example;sandbox',
    "https://shop.example'",
    'https://shop.example,https://evil.example',
    'https://shop_x.example',
    'https://shop.example.',
    'https://-shop.example',
    'https://[::1]',
  ])('refuses %s, which is not an origin', (value) => {
    expect(parseOrigin(value)).toBeNull();
    expect(AllowedOrigins.safeParse({ origins: [value] }).success).toBe(false);
  });
});
