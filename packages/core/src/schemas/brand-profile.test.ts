import { describe, expect, it } from 'vitest';
import { BrandProfile, BrandProfileUpdate } from './brand-profile.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('BrandProfileUpdate', () => {
  it('takes any subset and normalizes colours to lower case', () => {
    expect(BrandProfileUpdate.parse({})).toEqual({});
    expect(BrandProfileUpdate.parse({ accentColor: '#1A73E8', logoUrl: null, theme: 'dark' })).toEqual({
      accentColor: '#1a73e8',
      logoUrl: null,
      theme: 'dark',
    });
    expect(BrandProfileUpdate.parse({ fontFamily: ' "Inter", system-ui, sans-serif ' }).fontFamily).toBe(
      '"Inter", system-ui, sans-serif',
    );
  });

  it('refuses what would break a page or a mail header', () => {
    expect(paths(BrandProfileUpdate.safeParse({ logoUrl: 'http://cdn.example/logo.png' }))).toEqual(['logoUrl']);
    expect(paths(BrandProfileUpdate.safeParse({ logoUrl: 'data:image/svg+xml,<svg/>' }))).toEqual(['logoUrl']);
    expect(paths(BrandProfileUpdate.safeParse({ logoUrl: 'https://user:pw@cdn.example/logo.png' }))).toEqual(['logoUrl']);
    expect(paths(BrandProfileUpdate.safeParse({ logoUrl: 'logo.png' }))).toEqual(['logoUrl']);
    // development servers may hold their own logo
    expect(BrandProfileUpdate.safeParse({ logoUrl: 'http://localhost:8787/assets/demo-logo.svg' }).success).toBe(true);
    expect(BrandProfileUpdate.safeParse({ logoUrl: 'http://127.0.0.1:8787/logo.png' }).success).toBe(true);
    expect(paths(BrandProfileUpdate.safeParse({ logoUrl: 'javascript:alert(1)' }))).toEqual(['logoUrl']);
    expect(paths(BrandProfileUpdate.safeParse({ accentColor: '#fff' }))).toEqual(['accentColor']);
    expect(paths(BrandProfileUpdate.safeParse({ accentColor: 'red' }))).toEqual(['accentColor']);
    expect(paths(BrandProfileUpdate.safeParse({ fontFamily: 'x; } body { display: none' }))).toEqual(['fontFamily']);
    expect(paths(BrandProfileUpdate.safeParse({ emailSenderName: 'Glow\r\nBcc: all@example.com' }))).toEqual([
      'emailSenderName',
    ]);
    expect(paths(BrandProfileUpdate.safeParse({ replyTo: 'not an address' }))).toEqual(['replyTo']);
    expect(paths(BrandProfileUpdate.safeParse({ displayName: '' }))).toEqual(['displayName']);
    expect(paths(BrandProfileUpdate.safeParse({ displayName: null }))).toEqual(['displayName']);
    expect(paths(BrandProfileUpdate.safeParse({ theme: 'sepia', defaultLocale: 'it' }))).toEqual([
      'theme',
      'defaultLocale',
    ]);
    expect(paths(BrandProfileUpdate.safeParse({ colour: '#000000' }))).toEqual(['']);
    expect(paths(BrandProfileUpdate.safeParse({ endedEnrollmentAccess: 'sometimes' }))).toEqual(['endedEnrollmentAccess']);
    expect(paths(BrandProfileUpdate.safeParse({ endedEnrollmentAccess: null }))).toEqual(['endedEnrollmentAccess']);
  });
});

describe('BrandProfile', () => {
  it('is the whole profile, nullable where a brand may leave a field empty', () => {
    const profile = {
      displayName: 'Glow',
      logoUrl: null,
      accentColor: null,
      accentTextColor: null,
      fontFamily: null,
      theme: 'auto',
      defaultLocale: 'en',
      emailSenderName: null,
      replyTo: null,
      postalAddress: null,
      endedEnrollmentAccess: 'closed',
    };
    expect(BrandProfile.parse(profile)).toEqual(profile);
    expect(BrandProfile.safeParse({ ...profile, theme: undefined }).success).toBe(false);
  });
});
