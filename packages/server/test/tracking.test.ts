import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { createApp, createDeps } from '../src/index.js';
import { type BrandClient, PUBLIC_URL, read, SECRET, useApp } from './harness.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe.each(backends())('tracking links on $name', (backend) => {
  const t = useApp(backend);

  async function clicks(brand: BrandClient, enrollmentId: string): Promise<number> {
    const token = await brand.token(enrollmentId);
    return (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`)).body.totals.clicks;
  }

  it('redirects to the destination with a click id and counts the click', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ destinationUrl: 'https://shop.example/glow?utm_source=aff#top' });
    const path = enrollment.trackingUrl.slice(PUBLIC_URL.length);
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await t.app.request(path, { headers: { 'user-agent': BROWSER, 'x-forwarded-for': `198.51.100.${i}` } });
      expect(res.status).toBe(302);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const location = new URL(res.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe('https://shop.example/glow');
      expect(location.searchParams.get('utm_source')).toBe('aff');
      expect(location.hash).toBe('#top');
      const click = location.searchParams.get('affdash_click')!;
      expect(click).toMatch(/^clk_[A-Za-z0-9]{20}$/);
      ids.add(click);
    }
    expect(ids.size).toBe(3);
    expect(await clicks(brand, enrollment.id)).toBe(3);
  });

  it('an unknown slug is a 404 page; a paused enrollment is a 410 page and counts nothing', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const unknown = await read(await t.app.request('/t/doesnotexist'));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    expect(unknown.text).toContain('This link doesn’t exist');

    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    const paused = await read(await t.app.request(enrollment.trackingUrl.slice(PUBLIC_URL.length)));
    expect(paused.status).toBe(410);
    expect(paused.headers.get('location')).toBeNull();
    expect(paused.text).toContain('This link is paused');
    expect(paused.text).toContain('href="https://shop.example/glow"');
    expect(await clicks(brand, enrollment.id)).toBe(0);
  });

  it('without proxies of its own, a visitor who writes X-Forwarded-For is still one visitor', async () => {
    const direct = createApp(createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined }));
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const path = enrollment.trackingUrl.slice(PUBLIC_URL.length);
    const ids = new Set<string>();
    for (const address of ['198.51.100.1', '198.51.100.2', '203.0.113.9, 198.51.100.3']) {
      const res = await direct.request(path, { headers: { 'user-agent': BROWSER, 'x-forwarded-for': address } });
      ids.add(new URL(res.headers.get('location')!).searchParams.get('affdash_click')!);
    }
    expect(ids.size).toBe(1);
  });
});
