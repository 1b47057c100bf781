import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type BrandClient, PUBLIC_URL, useApp } from './harness.js';

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';

describe.each(backends())('clicks on $name', (backend) => {
  const t = useApp(backend);

  async function clicks(brand: BrandClient, enrollmentId: string): Promise<number> {
    const token = await brand.token(enrollmentId);
    return (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`)).body.totals.clicks;
  }

  async function follow(path: string, headers: Record<string, string>) {
    const res = await t.app.request(path, { headers });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!);
  }

  async function link(brand: BrandClient, offer: Record<string, unknown> = {}) {
    const { enrollment } = await brand.setup(offer);
    return { enrollment, path: enrollment.trackingUrl.slice(PUBLIC_URL.length) as string };
  }

  it('counts the same visitor (IP and User-Agent) once within a half hour, with the same click id', async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    const visitor = { 'user-agent': CHROME, 'x-forwarded-for': '203.0.113.7, 10.0.0.1' };
    const first = await follow(path, visitor);
    const again = await follow(path, visitor);
    expect(again.searchParams.get('affdash_click')).toBe(first.searchParams.get('affdash_click'));
    expect(await clicks(brand, enrollment.id)).toBe(1);

    const otherBrowser = await follow(path, { ...visitor, 'user-agent': FIREFOX });
    expect(otherBrowser.searchParams.get('affdash_click')).not.toBe(first.searchParams.get('affdash_click'));
    const otherAddress = await follow(path, { ...visitor, 'x-forwarded-for': '203.0.113.8' });
    expect(otherAddress.searchParams.get('affdash_click')).not.toBe(first.searchParams.get('affdash_click'));
    expect(await clicks(brand, enrollment.id)).toBe(3);
  });

  it('counts simultaneous repeats of one visitor once', async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    const visitor = { 'user-agent': CHROME, 'x-forwarded-for': '203.0.113.9' };
    const locations = await Promise.all(Array.from({ length: 10 }, () => follow(path, visitor)));
    expect(new Set(locations.map((l) => l.searchParams.get('affdash_click'))).size).toBe(1);
    expect(await clicks(brand, enrollment.id)).toBe(1);
  });

  it('stores no IP address, only a salted visitor hash', async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    await follow(path, { 'user-agent': CHROME, 'x-forwarded-for': '192.0.2.55' });
    await t.deps.clicks.flush();
    const rows = await t.db.query<Record<string, unknown>>(
      (await import('@databases/pg')).default.sql`SELECT * FROM clicks WHERE enrollment_id = ${enrollment.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('192.0.2.55');
    expect(rows[0]!.visitor_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['Googlebot', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }],
    ['Slackbot', { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }],
    ['facebookexternalhit', { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' }],
    ['curl', { 'user-agent': 'curl/8.5.0' }],
    ['no User-Agent', {}],
    ['Sec-Purpose: prefetch', { 'user-agent': CHROME, 'sec-purpose': 'prefetch;prerender' }],
    ['Purpose: prefetch', { 'user-agent': CHROME, purpose: 'prefetch' }],
  ])('redirects %s without counting a click', async (_name, headers: Record<string, string>) => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    const location = await follow(path, headers);
    expect(location.origin + location.pathname).toBe('https://shop.example/glow');
    expect(location.searchParams.get('affdash_click')).toBeNull();
    expect(await clicks(brand, enrollment.id)).toBe(0);
  });

  it("adds the offer's UTM parameters to the destination; they can be changed and removed", async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand, {
      destinationUrl: 'https://shop.example/glow?ref=home',
      utm: { source: 'affdash', medium: 'affiliate', campaign: 'summer glow' },
    });
    expect(
      (await brand.ok('GET', `/v1/offers/${enrollment.offerId}`, undefined, 200)).utm,
    ).toEqual({ source: 'affdash', medium: 'affiliate', campaign: 'summer glow' });
    const location = await follow(path, { 'user-agent': CHROME, 'x-forwarded-for': '198.51.100.1' });
    expect(Object.fromEntries(location.searchParams)).toEqual({
      ref: 'home',
      utm_source: 'affdash',
      utm_medium: 'affiliate',
      utm_campaign: 'summer glow',
      affdash_click: expect.stringMatching(/^clk_/),
    });

    await brand.ok('PATCH', `/v1/offers/${enrollment.offerId}`, { utm: { campaign: 'autumn' } }, 200);
    const changed = await follow(path, { 'user-agent': FIREFOX });
    expect(changed.searchParams.get('utm_campaign')).toBe('autumn');
    expect(changed.searchParams.get('utm_source')).toBeNull();

    const cleared = await brand.ok('PATCH', `/v1/offers/${enrollment.offerId}`, { utm: null }, 200);
    expect(cleared.utm).toBeNull();
    expect(new URL((await follow(path, { 'user-agent': FIREFOX })).href).searchParams.has('utm_campaign')).toBe(false);
  });

  it('refuses unknown UTM keys', async () => {
    const brand = await t.brand();
    const answer = await brand.call('POST', '/v1/offers', {
      name: 'X',
      currency: 'USD',
      commission: { type: 'flat', amount: 100 },
      destinationUrl: 'https://shop.example/',
      utm: { term: 'nope' },
    });
    expect(answer.status).toBe(400);
  });
});
