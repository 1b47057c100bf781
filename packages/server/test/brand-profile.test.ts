import { describe, expect, it } from 'vitest';
import { brandProfile, ensureBrand } from '../src/index.js';
import { backends } from './backends.js';
import { expectError, read, useApp } from './harness.js';

describe.each(backends())('brand profile on $name', (backend) => {
  const t = useApp(backend);

  it('starts from the brand name and defaults, and is the brand’s own', async () => {
    const brand = await t.brand('Glow Cosmetics');
    expect(await brand.ok('GET', '/v1/brand/profile', undefined, 200)).toEqual({
      displayName: 'Glow Cosmetics',
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
    });
    expectError(await t.dashboard('nope', '/v1/brand/profile'), 401, 'unauthorized');
  });

  it('updates the fields sent, computes the text colour on the accent, and clears with null', async () => {
    const brand = await t.brand();
    const other = await t.brand('Other');
    const saved = await brand.ok('PATCH', '/v1/brand/profile', {
      displayName: ' Glow ',
      logoUrl: 'https://cdn.glow.example/logo.png',
      accentColor: '#0B3D2E',
      fontFamily: 'Inter, system-ui, sans-serif',
      theme: 'dark',
      defaultLocale: 'de',
      emailSenderName: 'Glow Partners',
      replyTo: 'partners@glow.example',
      postalAddress: 'Glow GmbH\nTorstraße 1\n10119 Berlin',
    }, 200);
    expect(saved).toMatchObject({
      displayName: 'Glow',
      accentColor: '#0b3d2e',
      accentTextColor: '#ffffff',
      theme: 'dark',
      defaultLocale: 'de',
      postalAddress: 'Glow GmbH\nTorstraße 1\n10119 Berlin',
    });
    expect(await brand.ok('GET', '/v1/brand/profile', undefined, 200)).toEqual(saved);
    // the domain function the emails call reads the same
    expect(await brandProfile(t.db, brand.brandId)).toEqual(saved);
    expect((await other.ok('GET', '/v1/brand/profile', undefined, 200)).accentColor).toBeNull();

    // a light accent gets dark text; a chosen text colour is kept
    expect((await brand.ok('PATCH', '/v1/brand/profile', { accentColor: '#ffd60a' }, 200)).accentTextColor).toBe('#000000');
    const chosen = await brand.ok('PATCH', '/v1/brand/profile', { accentTextColor: '#1c2024' }, 200);
    expect(chosen).toMatchObject({ accentColor: '#ffd60a', accentTextColor: '#1c2024', theme: 'dark' });

    const cleared = await brand.ok('PATCH', '/v1/brand/profile', { accentColor: null, accentTextColor: null, logoUrl: null }, 200);
    expect(cleared).toMatchObject({ accentColor: null, accentTextColor: null, logoUrl: null, displayName: 'Glow' });
  });

  it('refuses bad values and text that does not contrast with the accent, changing nothing', async () => {
    const brand = await t.brand();
    await brand.ok('PATCH', '/v1/brand/profile', { accentColor: '#1a73e8' }, 200);
    for (const bad of [
      { logoUrl: 'http://cdn.example/logo.png' },
      { accentColor: 'blue' },
      { fontFamily: 'x;}body{display:none' },
      { emailSenderName: 'A\nBcc: x@example.com' },
      { replyTo: 'nope' },
      { theme: 'sepia' },
      { defaultLocale: 'it' },
      { displayName: null },
      { unknown: true },
    ]) {
      expectError(await brand.call('PATCH', '/v1/brand/profile', bad), 400, 'validation_failed');
    }
    const low = await brand.call('PATCH', '/v1/brand/profile', { accentTextColor: '#5b9cf0', theme: 'dark' });
    expectError(low, 400, 'validation_failed');
    expect(low.body.error.details.issues[0].path).toBe('accentTextColor');
    expect(await brand.ok('GET', '/v1/brand/profile', undefined, 200)).toMatchObject({
      accentColor: '#1a73e8',
      accentTextColor: '#ffffff',
      theme: 'auto',
    });
  });

  it('shows only an https logo a brand was created with', async () => {
    const http = await ensureBrand(t.db, { name: 'Old', logoUrl: 'http://old.example/logo.png' });
    expect((await brandProfile(t.db, http)).logoUrl).toBeNull();
    const https = await ensureBrand(t.db, { name: 'New', logoUrl: 'https://new.example/logo.png' });
    expect((await brandProfile(t.db, https)).logoUrl).toBe('https://new.example/logo.png');
    await expect(brandProfile(t.db, 'brd_missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe.each(backends().slice(0, 1))('server images on $name', (backend) => {
  const t = useApp(backend);

  it('serves the neutral mark and the demo logo, and nothing else', async () => {
    for (const name of ['mark.svg', 'demo-logo.svg']) {
      const res = await t.app.request(`/assets/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    for (const name of ['constructor', '__proto__', 'nope.svg', '..%2Fapp.ts']) {
      expectError(await read(await t.app.request(`/assets/${name}`)), 404, 'not_found');
    }
  });
});
